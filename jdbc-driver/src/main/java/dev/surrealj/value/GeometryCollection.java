package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code GeometryCollection} (CBOR tag 94).
 *
 * <pre>{@code
 * new GeometryCollection(List.of(point, line));
 * }</pre>
 */
public record GeometryCollection(List<Geometry> geometries) implements Geometry {
  public GeometryCollection {
    geometries = List.copyOf(geometries);
  }

  @Override
  public String geoJsonType() {
    return "GeometryCollection";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("GeometryCollection", "geometries", GeoJson.coords(geometries, Geometry::toGeoJson));
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

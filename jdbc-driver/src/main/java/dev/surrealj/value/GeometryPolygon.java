package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code Polygon} (CBOR tag 90): the exterior ring first, then the holes.
 *
 * <pre>{@code
 * new GeometryPolygon(List.of(exteriorRing));
 * }</pre>
 */
public record GeometryPolygon(List<GeometryLine> rings) implements Geometry {
  public GeometryPolygon {
    rings = List.copyOf(rings);
  }

  @Override
  public String geoJsonType() {
    return "Polygon";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("Polygon", "coordinates", coordinates());
  }

  /** GeoJSON coordinates: a list of rings. */
  List<Object> coordinates() {
    return GeoJson.coords(rings, GeometryLine::coordinates);
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

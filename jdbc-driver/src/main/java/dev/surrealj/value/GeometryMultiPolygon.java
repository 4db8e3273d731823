package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code MultiPolygon} (CBOR tag 93).
 *
 * <pre>{@code
 * new GeometryMultiPolygon(List.of(polygon1, polygon2));
 * }</pre>
 */
public record GeometryMultiPolygon(List<GeometryPolygon> polygons) implements Geometry {
  public GeometryMultiPolygon {
    polygons = List.copyOf(polygons);
  }

  @Override
  public String geoJsonType() {
    return "MultiPolygon";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("MultiPolygon", "coordinates", GeoJson.coords(polygons, GeometryPolygon::coordinates));
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

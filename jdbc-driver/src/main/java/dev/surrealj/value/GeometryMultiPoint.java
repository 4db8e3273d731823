package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code MultiPoint} (CBOR tag 91).
 *
 * <pre>{@code
 * new GeometryMultiPoint(List.of(new GeometryPoint(0, 0), new GeometryPoint(1, 1)));
 * }</pre>
 */
public record GeometryMultiPoint(List<GeometryPoint> points) implements Geometry {
  public GeometryMultiPoint {
    points = List.copyOf(points);
  }

  @Override
  public String geoJsonType() {
    return "MultiPoint";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("MultiPoint", "coordinates", GeoJson.coords(points, GeometryPoint::coordinates));
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

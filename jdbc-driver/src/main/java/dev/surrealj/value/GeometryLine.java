package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code LineString} through {@code points} (CBOR tag 89).
 *
 * <pre>{@code
 * new GeometryLine(List.of(new GeometryPoint(0, 0), new GeometryPoint(1, 1)));
 * }</pre>
 */
public record GeometryLine(List<GeometryPoint> points) implements Geometry {
  public GeometryLine {
    points = List.copyOf(points);
  }

  @Override
  public String geoJsonType() {
    return "LineString";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("LineString", "coordinates", coordinates());
  }

  /** GeoJSON coordinates: a list of {@code [x, y]} positions. */
  List<Object> coordinates() {
    return GeoJson.coords(points, GeometryPoint::coordinates);
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

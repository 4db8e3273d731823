package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code MultiLineString} (CBOR tag 92).
 *
 * <pre>{@code
 * new GeometryMultiLine(List.of(line1, line2));
 * }</pre>
 */
public record GeometryMultiLine(List<GeometryLine> lines) implements Geometry {
  public GeometryMultiLine {
    lines = List.copyOf(lines);
  }

  @Override
  public String geoJsonType() {
    return "MultiLineString";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("MultiLineString", "coordinates", GeoJson.coords(lines, GeometryLine::coordinates));
  }

  @Override
  public String toString() {
    return SurrealQL.literal(toGeoJson());
  }
}

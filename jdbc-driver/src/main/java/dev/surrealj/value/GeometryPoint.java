package dev.surrealj.value;

import java.util.List;
import java.util.Map;

/**
 * A GeoJSON {@code Point} (CBOR tag 88). {@link #toString()} renders the SurrealQL point literal.
 *
 * <pre>{@code
 * GeometryPoint london = new GeometryPoint(-0.118092, 51.509865); // (-0.118092, 51.509865)
 * }</pre>
 *
 * @param x longitude
 * @param y latitude
 */
public record GeometryPoint(double x, double y) implements Geometry {
  @Override
  public String geoJsonType() {
    return "Point";
  }

  @Override
  public Map<String, Object> toGeoJson() {
    return GeoJson.of("Point", "coordinates", coordinates());
  }

  /** GeoJSON position {@code [x, y]}. */
  List<Object> coordinates() {
    return List.of(x, y);
  }

  @Override
  public String toString() {
    return "(" + SurrealQL.literal(x) + ", " + SurrealQL.literal(y) + ")";
  }
}

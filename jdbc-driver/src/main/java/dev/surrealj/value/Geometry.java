package dev.surrealj.value;

import java.util.Map;

/**
 * A SurrealDB geometry (CBOR tags 88–94), convertible to and from GeoJSON maps.
 *
 * <pre>{@code
 * Geometry g = Geometry.fromGeoJson(Map.of("type", "Point", "coordinates", List.of(-0.1, 51.5)));
 * g.equals(new GeometryPoint(-0.1, 51.5)); // true
 * g.toGeoJson();                           // {type=Point, coordinates=[-0.1, 51.5]}
 * }</pre>
 */
public sealed interface Geometry
    permits GeometryPoint, GeometryLine, GeometryPolygon, GeometryMultiPoint, GeometryMultiLine,
        GeometryMultiPolygon, GeometryCollection {

  /** The GeoJSON {@code type} name, e.g. {@code "LineString"}. */
  String geoJsonType();

  /**
   * This geometry as a GeoJSON object: {@code {type, coordinates}}, or {@code {type, geometries}}
   * for a collection. Coordinates are {@code List<Double>} nested as GeoJSON prescribes.
   */
  Map<String, Object> toGeoJson();

  /**
   * Reads a GeoJSON geometry object (any {@link Number} as coordinate).
   *
   * @throws IllegalArgumentException if {@code geoJson} is not a GeoJSON geometry
   */
  static Geometry fromGeoJson(Map<String, ?> geoJson) {
    Object type = geoJson.get("type");
    if ("GeometryCollection".equals(type)) {
      return new GeometryCollection(GeoJson.list(geoJson.get("geometries"), g -> fromGeoJson(GeoJson.object(g))));
    }
    Object c = geoJson.get("coordinates");
    if (type instanceof String name) {
      switch (name) {
        case "Point": return GeoJson.point(c);
        case "LineString": return GeoJson.line(c);
        case "Polygon": return GeoJson.polygon(c);
        case "MultiPoint": return new GeometryMultiPoint(GeoJson.list(c, GeoJson::point));
        case "MultiLineString": return new GeometryMultiLine(GeoJson.list(c, GeoJson::line));
        case "MultiPolygon": return new GeometryMultiPolygon(GeoJson.list(c, GeoJson::polygon));
        default: break;
      }
    }
    throw new IllegalArgumentException("not a GeoJSON geometry type: " + type);
  }
}

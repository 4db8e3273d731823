package dev.surrealj.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.cbor.RandomValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeometryTest {
  private static final GeometryPoint A = new GeometryPoint(0, 0);
  private static final GeometryPoint B = new GeometryPoint(1, 0);
  private static final GeometryPoint C = new GeometryPoint(1, 1);

  @Test
  void geoJsonShape() {
    assertEquals(Map.of("type", "Point", "coordinates", List.of(1.0, 1.0)), C.toGeoJson());
    GeometryPolygon triangle = new GeometryPolygon(List.of(new GeometryLine(List.of(A, B, C, A))));
    assertEquals(Map.of("type", "Polygon", "coordinates",
        List.of(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0), List.of(0.0, 0.0)))),
        triangle.toGeoJson());
    assertEquals(Map.of("type", "GeometryCollection", "geometries", List.of(C.toGeoJson())),
        new GeometryCollection(List.of(C)).toGeoJson());
  }

  @Test
  void fromGeoJsonAcceptsAnyNumber() {
    assertEquals(new GeometryLine(List.of(A, C)),
        Geometry.fromGeoJson(Map.of("type", "LineString", "coordinates", List.of(List.of(0, 0), List.of(1L, 1.0f)))));
    assertEquals(new GeometryMultiPoint(List.of(A)),
        Geometry.fromGeoJson(Map.of("type", "MultiPoint", "coordinates", List.of(List.of(0, 0)))));
  }

  @Test
  void rejectsInvalidGeoJson() {
    for (Map<String, ?> bad : List.of(Map.of("type", "Circle"), Map.of("coordinates", List.of(1, 2)),
        Map.of("type", "Point", "coordinates", List.of(1)), Map.of("type", "Point", "coordinates", "1,2"),
        Map.of("type", "LineString", "coordinates", List.of(1, 2)),
        Map.of("type", "GeometryCollection", "geometries", List.of(1)))) {
      assertThrows(IllegalArgumentException.class, () -> Geometry.fromGeoJson(bad), bad::toString);
    }
  }

  @Test
  void geoJsonRoundTrip() {
    RandomValues rv = new RandomValues(9);
    for (int i = 0; i < 5_000; i++) {
      Geometry g = rv.geometry(3);
      assertEquals(g, Geometry.fromGeoJson(g.toGeoJson()), g::toString);
    }
  }

  @Test
  void surrealQl() {
    assertEquals("(1.5, -2.0)", new GeometryPoint(1.5, -2).toString());
    assertEquals("{type: 'LineString', coordinates: [[0.0, 0.0], [1.0, 1.0]]}", new GeometryLine(List.of(A, C)).toString());
  }

  @Test
  void immutable() {
    List<GeometryPoint> points = new java.util.ArrayList<>(List.of(A));
    GeometryLine line = new GeometryLine(points);
    points.add(B);
    assertEquals(List.of(A), line.points());
    assertThrows(UnsupportedOperationException.class, () -> line.points().add(B));
  }
}

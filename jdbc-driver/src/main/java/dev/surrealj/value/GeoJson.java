package dev.surrealj.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** GeoJSON helpers shared by the geometry records. */
final class GeoJson {
  private GeoJson() {}

  static <T> List<T> list(Object list, Function<Object, T> f) {
    if (!(list instanceof List<?> l)) throw new IllegalArgumentException("GeoJSON: expected an array, got " + list);
    List<T> out = new ArrayList<>(l.size());
    for (Object o : l) out.add(f.apply(o));
    return out;
  }

  static Map<String, Object> of(String type, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(4);
    m.put("type", type);
    m.put(key, value);
    return Collections.unmodifiableMap(m);
  }

  static <T> List<Object> coords(List<T> items, Function<T, Object> f) {
    List<Object> out = new ArrayList<>(items.size());
    for (T t : items) out.add(f.apply(t));
    return Collections.unmodifiableList(out);
  }

  @SuppressWarnings("unchecked")
  static Map<String, ?> object(Object o) {
    if (o instanceof Map<?, ?> m) return (Map<String, ?>) m;
    throw new IllegalArgumentException("GeoJSON: expected an object, got " + o);
  }

  static GeometryPoint point(Object c) {
    if (c instanceof List<?> l && l.size() >= 2 && l.get(0) instanceof Number x && l.get(1) instanceof Number y) {
      return new GeometryPoint(x.doubleValue(), y.doubleValue());
    }
    throw new IllegalArgumentException("GeoJSON: expected a position [x, y], got " + c);
  }

  static GeometryLine line(Object c) {
    return new GeometryLine(list(c, GeoJson::point));
  }

  static GeometryPolygon polygon(Object c) {
    return new GeometryPolygon(list(c, GeoJson::line));
  }
}

package dev.surrealj.cbor;

import dev.surrealj.value.Bound;
import dev.surrealj.value.Future;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.GeometryCollection;
import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryMultiLine;
import dev.surrealj.value.GeometryMultiPoint;
import dev.surrealj.value.GeometryMultiPolygon;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.GeometryPolygon;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** Random SurrealDB values of every type, in their decoded Java form (property-style tests). */
public final class RandomValues {
  private static final String PUNCTUATION = "a`\\'\"⟩⟨ :-.1é\n";
  private final Random r;

  public RandomValues(long seed) {
    this.r = new Random(seed);
  }

  public Random random() {
    return r;
  }

  /** Any value, containers nested at most {@code depth} deep. */
  public Object value(int depth) {
    int kinds = depth > 0 ? 24 : 20;
    switch (r.nextInt(kinds)) {
      case 0: return null;
      case 1: return None.NONE;
      case 2: return r.nextBoolean();
      case 3: return longValue();
      case 4: return doubleValue();
      case 5: return string();
      case 6: return bytes();
      case 7: return BigDecimal.valueOf(r.nextLong(), r.nextInt(12));
      case 8: return Instant.ofEpochSecond(r.nextLong() % 100_000_000_000L, r.nextInt(1_000_000_000));
      case 9: return duration();
      case 10: return new UUID(r.nextLong(), r.nextLong());
      case 11: return new Table(string());
      case 12: return recordId(depth);
      case 13: return range(this::scalar);
      case 14: return geometry(2);
      case 15: return new SurrealFile(string(), "/" + string());
      case 16: return SurrealSet.copyOf(list(() -> scalar(), 5));
      case 17: return new Future("{ " + string() + " }");
      case 18: return r.nextInt(3) == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      case 19: return scalar();
      case 20: case 21: return list(() -> value(depth - 1), 6);
      default: return map(() -> value(depth - 1), 6);
    }
  }

  /** A value without byte[] (whose equals is identity), for sets and keys. */
  public Object scalar() {
    switch (r.nextInt(6)) {
      case 0: return longValue();
      case 1: return string();
      case 2: return new UUID(r.nextLong(), r.nextLong());
      case 3: return doubleValue();
      case 4: return Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000));
      default: return r.nextBoolean();
    }
  }

  public long longValue() {
    switch (r.nextInt(4)) {
      case 0: return r.nextInt(48) - 24;
      case 1: return r.nextInt();
      default: return r.nextLong() >> r.nextInt(64);
    }
  }

  public double doubleValue() {
    switch (r.nextInt(8)) {
      case 0: return Double.NaN;
      case 1: return r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2: return -0.0;
      case 3: return r.nextInt(100) / 4.0;
      default: return Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
    }
  }

  /** Random text: identifier-like, numeric-looking, punctuation, and any Unicode code point. */
  public String string() {
    int n = r.nextInt(12);
    StringBuilder sb = new StringBuilder(n);
    int style = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      switch (style) {
        case 0 -> sb.append("abcXYZ_09".charAt(r.nextInt(9)));
        case 1 -> sb.append("0123456789".charAt(r.nextInt(10)));
        case 2 -> sb.append(PUNCTUATION.charAt(r.nextInt(PUNCTUATION.length())));
        default -> {
          int cp;
          do cp = r.nextInt(0x110000); while (cp >= 0xD800 && cp <= 0xDFFF);
          sb.appendCodePoint(cp);
        }
      }
    }
    return sb.toString();
  }

  public byte[] bytes() {
    byte[] b = new byte[r.nextInt(40)];
    r.nextBytes(b);
    return b;
  }

  public Duration duration() {
    switch (r.nextInt(4)) {
      case 0: return Duration.ZERO;
      case 1: return Duration.ofSeconds(r.nextInt(Integer.MAX_VALUE));
      case 2: return Duration.ofNanos(r.nextInt(1_000_000_000));
      default: return Duration.ofSeconds(r.nextLong() & Long.MAX_VALUE, r.nextInt(1_000_000_000));
    }
  }

  public RecordId recordId(int depth) {
    String table = string();
    switch (r.nextInt(6)) {
      case 0: return new RecordId(table, longValue());
      case 1: return new RecordId(table, string());
      case 2: return new RecordId(table, new UUID(r.nextLong(), r.nextLong()));
      case 3: return new RecordId(table, list(this::scalar, 4));
      case 4: return new RecordId(table, map(this::scalar, 4));
      default: return new RecordId(table, range(this::longValue));
    }
  }

  public Range range(Supplier<Object> values) {
    return new Range(bound(values), bound(values));
  }

  private Bound bound(Supplier<Object> values) {
    switch (r.nextInt(3)) {
      case 0: return Bound.UNBOUNDED;
      case 1: return Bound.included(values.get());
      default: return Bound.excluded(values.get());
    }
  }

  public Geometry geometry(int depth) {
    switch (r.nextInt(depth > 0 ? 7 : 6)) {
      case 0: return point();
      case 1: return line();
      case 2: return polygon();
      case 3: return new GeometryMultiPoint(list(this::point, 4));
      case 4: return new GeometryMultiLine(list(this::line, 3));
      case 5: return new GeometryMultiPolygon(list(this::polygon, 3));
      default: return new GeometryCollection(list(() -> geometry(depth - 1), 3));
    }
  }

  public GeometryPoint point() {
    return new GeometryPoint(r.nextInt(3600) / 10.0 - 180, r.nextDouble() * 180 - 90);
  }

  public GeometryLine line() {
    return new GeometryLine(list(this::point, 5));
  }

  public GeometryPolygon polygon() {
    return new GeometryPolygon(list(this::line, 3));
  }

  public <T> List<T> list(Supplier<T> items, int max) {
    int n = r.nextInt(max + 1);
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) list.add(items.get());
    return list;
  }

  public Map<String, Object> map(Supplier<?> values, int max) {
    int n = r.nextInt(max + 1);
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) map.put(string(), values.get());
    return map;
  }

  /** {@code v} with byte arrays replaced by their hex text, so that equals compares content. */
  public static Object comparable(Object v) {
    if (v instanceof byte[] b) return "bytes:" + HexFormat.of().formatHex(b);
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) out.add(comparable(o));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, comparable(x)));
      return out;
    }
    return v;
  }
}

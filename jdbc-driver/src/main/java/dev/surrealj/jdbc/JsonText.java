package dev.surrealj.jdbc;

import dev.surrealj.value.Durations;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * JSON text of SurrealDB values, for {@code getString} of objects and arrays (and of any value nested
 * in them). The output is strict JSON (RFC 8259) on one line, keys in the object's order.
 *
 * <table>
 *   <caption>How values render</caption>
 *   <tr><th>value</th><th>JSON</th><th>example</th></tr>
 *   <tr><td>NONE, NULL</td><td>{@code null}</td><td>{@code null}</td></tr>
 *   <tr><td>bool, int</td><td>literal</td><td>{@code true}, {@code 42}</td></tr>
 *   <tr><td>float</td><td>number; NaN and infinities as strings</td><td>{@code 1.5}, {@code 1.0E20},
 *       {@code "NaN"}</td></tr>
 *   <tr><td>decimal</td><td>plain number, scale kept</td><td>{@code 12.50}</td></tr>
 *   <tr><td>string</td><td>string</td><td>{@code "a\"b"}</td></tr>
 *   <tr><td>record id</td><td>string, SurrealQL form</td><td>{@code "person:tobie"}, {@code "person:`7abc`"}</td></tr>
 *   <tr><td>datetime</td><td>string, ISO-8601 UTC, fraction as needed (up to nanoseconds)</td>
 *       <td>{@code "2024-01-31T10:00:00.123456789Z"}</td></tr>
 *   <tr><td>duration</td><td>string, SurrealDB text</td><td>{@code "1h30m"}</td></tr>
 *   <tr><td>uuid</td><td>string</td><td>{@code "0190d3c4-…"}</td></tr>
 *   <tr><td>bytes</td><td>string, base64 (RFC 4648, padded)</td><td>{@code "AQID"}</td></tr>
 *   <tr><td>geometry</td><td>GeoJSON object</td><td>{@code {"type":"Point","coordinates":[1.0,2.0]}}</td></tr>
 *   <tr><td>array, set</td><td>array</td><td>{@code [1,"a"]}</td></tr>
 *   <tr><td>object</td><td>object</td><td>{@code {"a":1}}</td></tr>
 *   <tr><td>table, range, file, future, other</td><td>string, SurrealQL / {@code toString()} form</td>
 *       <td>{@code "person"}, {@code "1..=9"}</td></tr>
 * </table>
 *
 * <pre>{@code
 * JsonText.render(Map.of("id", new RecordId("person", "tobie"), "tags", List.of("a")));
 * // {"id":"person:tobie","tags":["a"]}
 * }</pre>
 */
final class JsonText {
    /** Deepest nesting rendered; deeper (or cyclic) structures fail. */
    static final int MAX_DEPTH = 1024;

    private JsonText() {
    }

    /** {@code value} as JSON text. */
    static String render(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value, 0);
        return sb.toString();
    }

    /**
     * The text of a scalar outside JSON (no quotes): what {@code getString} returns for values that
     * are not objects or arrays. Strings as they are, record ids {@code person:tobie}, datetimes
     * ISO-8601 UTC, decimals plain, durations SurrealDB text, bytes base64, tables their name,
     * geometries GeoJSON text; objects and arrays JSON.
     */
    static String scalarText(Object v) {
        if (v == null || v == None.NONE) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Table t) {
            return t.name();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof java.sql.Date || v instanceof java.sql.Time) {
            return v.toString();
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Date) {
            return Conversions.instantOf(v).toString();
        }
        if (v instanceof Duration d) {
            return durationText(d);
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Map || v instanceof Collection || v instanceof Geometry || v instanceof Object[]) {
            return render(v);
        }
        return v.toString();
    }

    private static String durationText(Duration d) {
        return d.isNegative() ? "-" + Durations.format(d.negated()) : Durations.format(d);
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (v == null || v == None.NONE) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                string(sb, Double.toString(d));
            } else {
                sb.append(v);
            }
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                append(sb, e.getValue(), depth + 1);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                append(sb, o, depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Object[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, a[i], depth + 1);
            }
            sb.append(']');
        } else if (v instanceof Geometry g) {
            append(sb, g.toGeoJson(), depth + 1);
        } else if (v instanceof RecordId r) {
            string(sb, r.toString());
        } else if (v instanceof ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            string(sb, Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof TemporalAccessor && !(v instanceof Instant || v instanceof OffsetDateTime
                || v instanceof ZonedDateTime)) {
            string(sb, v.toString());
        } else {
            string(sb, scalarText(v));
        }
    }

    /** Appends {@code s} as a JSON string: quotes, backslash and control characters escaped. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

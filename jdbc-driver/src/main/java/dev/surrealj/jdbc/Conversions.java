package dev.surrealj.jdbc;

import dev.surrealj.cbor.CborLimits;
import dev.surrealj.value.Durations;
import dev.surrealj.value.Future;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversions between SurrealDB values and Java/JDBC values, both ways.
 *
 * <h2>Reading ({@code ResultSet.getXxx})</h2>
 * The {@code toXxx(value, column …)} methods convert a decoded, non-null value (see the table in
 * {@code docs/architecture.md}); the result set handles NULL/NONE itself. Failures are
 * {@link java.sql.SQLDataException}s naming the column and the SurrealDB type of the value:
 * {@code 22003} when a number does not fit the target, {@code 22018} when the value cannot become
 * the target type at all ({@code getInt} of {@code 'abc'} or of an object), {@code 22007} for text
 * that is not a date/time.
 * <ul>
 *   <li>Numbers: integers are range-checked, fractions are truncated toward zero (as pgjdbc does),
 *       strings are parsed, booleans read as 1/0.</li>
 *   <li>Booleans: numbers 0 and 1; strings {@code true false t f yes no y n on off 1 0} (any case).</li>
 *   <li>Date/time. A SurrealDB {@code datetime} is an instant. {@code getTimestamp} gives that
 *       instant (a {@link Calendar} cannot change an instant). Where a zone is needed to get a
 *       date or a time of day, it is UTC, or the calendar's zone when one is given:
 *       {@code getDate} is the calendar date of the instant (without a calendar: {@code Date.valueOf}
 *       of the UTC date; with one: midnight of that date in the calendar's zone), {@code getTime}
 *       likewise for the time of day; {@code getObject(i, LocalDateTime/LocalDate/LocalTime.class)}
 *       are the UTC wall clock. Text without an offset ({@code 2024-01-31T10:00:00},
 *       {@code 2024-01-31}, {@code 10:00:00}) is read in the calendar's zone, else UTC. This matches
 *       the writing side, so {@code setObject(LocalDateTime)} → {@code getObject(LocalDateTime.class)}
 *       and {@code setDate}/{@code getDate} round-trip in any JVM time zone.</li>
 * </ul>
 *
 * <h2>Writing ({@code PreparedStatement.setObject})</h2>
 * {@link #toSurreal(Object)} turns a Java value into one the CBOR codec sends:
 * <table>
 *   <caption>Java → SurrealDB</caption>
 *   <tr><th>Java</th><th>SurrealDB</th></tr>
 *   <tr><td>{@code null}</td><td>NULL</td></tr>
 *   <tr><td>{@link None#NONE}</td><td>NONE</td></tr>
 *   <tr><td>String, CharSequence, Character, char[], Enum (name), Clob, Reader</td><td>string</td></tr>
 *   <tr><td>Boolean</td><td>bool</td></tr>
 *   <tr><td>Byte, Short, Integer, Long, BigInteger, AtomicInteger, AtomicLong</td><td>int (outside i64: 22003)</td></tr>
 *   <tr><td>Float (by its decimal text: 0.1f → 0.1), Double</td><td>float</td></tr>
 *   <tr><td>BigDecimal</td><td>decimal</td></tr>
 *   <tr><td>byte[], ByteBuffer, Blob, InputStream</td><td>bytes</td></tr>
 *   <tr><td>Instant, OffsetDateTime, ZonedDateTime, Timestamp (nanoseconds kept), java.util.Date, Calendar</td>
 *       <td>datetime</td></tr>
 *   <tr><td>LocalDateTime</td><td>datetime, read as UTC</td></tr>
 *   <tr><td>LocalDate, java.sql.Date</td><td>datetime at UTC midnight of that date</td></tr>
 *   <tr><td>LocalTime, java.sql.Time (milliseconds kept)</td><td>string {@code HH:mm:ss[.fffffffff]}</td></tr>
 *   <tr><td>OffsetTime</td><td>string {@code HH:mm:ss[.fffffffff]+hh:mm}</td></tr>
 *   <tr><td>Duration (not negative, else 22023)</td><td>duration</td></tr>
 *   <tr><td>UUID</td><td>uuid</td></tr>
 *   <tr><td>RecordId, Table, Geometry, Range, SurrealFile, Future</td><td>themselves</td></tr>
 *   <tr><td>SurrealSet</td><td>set (elements converted)</td></tr>
 *   <tr><td>Map (keys via {@code toString}, values converted)</td><td>object</td></tr>
 *   <tr><td>Collection, Object[] and primitive arrays, java.sql.Array</td><td>array (elements converted)</td></tr>
 *   <tr><td>Optional</td><td>its value, or NULL</td></tr>
 *   <tr><td>anything else</td><td>SQLException 22023 naming the class</td></tr>
 * </table>
 * Maps and collections are copied at any size; nesting is limited to the codec's
 * {@link CborLimits#maxDepth() maxDepth} (256), deeper (or cyclic) values fail with 22023.
 * {@link #toSurreal(Object, int)} first coerces to a {@link Types} target ({@code "42"} with
 * {@code INTEGER} becomes {@code 42L}, text with {@code TIMESTAMP} a datetime …).
 *
 * <pre>{@code
 * Conversions.toSurreal(LocalDate.of(2024, 1, 31));         // Instant 2024-01-31T00:00:00Z
 * Conversions.toSurreal(new int[] {1, 2});                  // [1L, 2L]
 * Conversions.toSurreal("42", Types.INTEGER);               // 42L
 * Conversions.toLong("abc", "age", Integer.MIN_VALUE, Integer.MAX_VALUE, "int"); // SQLDataException 22018
 * }</pre>
 */
final class Conversions {
    /** Nesting limit of {@link #toSurreal(Object)}: the codec's. */
    static final int MAX_DEPTH = CborLimits.DEFAULT.maxDepth();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_TIME;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Conversions() {
    }

    // =================================================================== reading

    /**
     * A whole number within {@code [min, max]}.
     *
     * @param target the Java type named in errors ({@code "int"}, {@code "long"} …)
     * @throws SQLException 22003 out of range (also NaN and infinities), 22018 not a number
     */
    static long toLong(Object v, String column, long min, long max, String target) throws SQLException {
        long n;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof AtomicLong || v instanceof AtomicInteger) {
            n = ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            n = b ? 1 : 0;
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || d < -0x1p63 || d >= 0x1p63) {
                throw outOfRange(column, v, target);
            }
            n = (long) d;
        } else if (v instanceof BigDecimal || v instanceof BigInteger) {
            n = truncate(v instanceof BigDecimal d ? d : new BigDecimal((BigInteger) v), column, v, target);
        } else if (v instanceof String s) {
            String t = s.strip();
            try {
                n = Long.parseLong(t);
            } catch (NumberFormatException e) {
                try {
                    n = truncate(new BigDecimal(t), column, v, target);
                } catch (NumberFormatException e2) {
                    throw cannotConvert(column, v, target);
                }
            }
        } else {
            throw cannotConvert(column, v, target);
        }
        if (n < min || n > max) {
            throw outOfRange(column, v, target);
        }
        return n;
    }

    private static long truncate(BigDecimal d, String column, Object v, String target) throws SQLException {
        BigDecimal whole = d.setScale(0, RoundingMode.DOWN);
        if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
            throw outOfRange(column, v, target);
        }
        return whole.longValue();
    }

    /**
     * A double: numbers widened, booleans 1/0, strings parsed ({@code NaN} and {@code Infinity} too).
     *
     * @throws SQLException 22003 a decimal beyond the double range, 22018 not a number
     */
    static double toDouble(Object v, String column) throws SQLException {
        double d;
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            d = n.doubleValue();
        } else if (v instanceof BigDecimal b) {
            d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw outOfRange(column, v, "double");
            }
        } else if (v instanceof Boolean b) {
            d = b ? 1 : 0;
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw cannotConvert(column, v, "double");
            }
        } else {
            throw cannotConvert(column, v, "double");
        }
        return d;
    }

    /**
     * A float, as {@link #toDouble} narrowed.
     *
     * @throws SQLException 22003 a finite value beyond the float range, 22018 not a number
     */
    static float toFloat(Object v, String column) throws SQLException {
        double d = toDouble(v, column);
        if (!Double.isNaN(d) && !Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw outOfRange(column, v, "float");
        }
        return (float) d;
    }

    /**
     * A BigDecimal: integers exact, floats by their shortest decimal text ({@code 0.1} → {@code 0.1}),
     * booleans 1/0, strings parsed.
     *
     * @throws SQLException 22003 an infinite float, 22018 NaN or not a number
     */
    static BigDecimal toBigDecimal(Object v, String column) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof AtomicLong || v instanceof AtomicInteger) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isInfinite(d)) {
                throw outOfRange(column, v, "BigDecimal");
            }
            if (Double.isNaN(d)) {
                throw cannotConvert(column, v, "BigDecimal");
            }
            return v instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw cannotConvert(column, v, "BigDecimal");
            }
        }
        throw cannotConvert(column, v, "BigDecimal");
    }

    /**
     * A boolean: booleans; the numbers 0 and 1; the strings {@code true false t f yes no y n on off 1 0}
     * in any case.
     *
     * @throws SQLException 22018 for anything else
     */
    static boolean toBoolean(Object v, String column) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number) {
            BigDecimal d;
            try {
                d = toBigDecimal(v, column);
            } catch (SQLException e) {
                throw cannotConvert(column, v, "boolean");
            }
            if (d.signum() == 0) {
                return false;
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return true;
            }
            throw cannotConvert(column, v, "boolean");
        }
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "on", "1":
                    return true;
                case "false", "f", "no", "n", "off", "0":
                    return false;
                default:
                    break;
            }
        }
        throw cannotConvert(column, v, "boolean");
    }

    /** The text {@code getString} returns: see {@link JsonText#scalarText(Object)}. */
    static String toText(Object v) {
        return JsonText.scalarText(v);
    }

    /**
     * Bytes: {@code bytes} values (a copy), strings as UTF-8, uuids as their 16 bytes.
     *
     * @throws SQLException 22018 for anything else
     */
    static byte[] toBytes(Object v, String column) throws SQLException {
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof ByteBuffer b) {
            byte[] out = new byte[b.remaining()];
            b.duplicate().get(out);
            return out;
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof UUID u) {
            return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                    .array();
        }
        throw cannotConvert(column, v, "byte[]");
    }

    /**
     * The instant of a datetime value, or of text: ISO-8601 with an offset or zone
     * ({@code 2024-01-31T10:00:00Z}, {@code …+02:00}), without one (read in {@code zone}), or a date
     * alone (midnight in {@code zone}); a space may replace the {@code T}.
     *
     * @throws SQLException 22007 text that is not a datetime, 22018 other types
     */
    static Instant toInstant(Object v, String column, ZoneId zone) throws SQLException {
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Timestamp
                || v instanceof Calendar) {
            return instantOf(v);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(zone).toInstant();
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (v instanceof LocalDate l) {
            return l.atStartOfDay(zone).toInstant();
        }
        if (v instanceof String s) {
            TemporalAccessor t = parseDateTime(s, column);
            if (t instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(zone).toInstant();
            }
            if (t instanceof LocalDate l) {
                return l.atStartOfDay(zone).toInstant();
            }
        }
        throw cannotConvert(column, v, "datetime");
    }

    /** The instant of an Instant, OffsetDateTime, ZonedDateTime, java.util.Date (Timestamp with nanos) or Calendar. */
    static Instant instantOf(Object v) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof Calendar c) {
            return c.toInstant();
        }
        return Instant.ofEpochMilli(((Date) v).getTime());
    }

    /**
     * The calendar date of a value in {@code zone}: of an instant, the date there; of text, the date
     * it names (text with an offset: the date of its instant in {@code zone}).
     */
    static LocalDate toLocalDate(Object v, String column, ZoneId zone) throws SQLException {
        if (v instanceof LocalDate l) {
            return l;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof LocalDateTime l) {
            return l.toLocalDate();
        }
        if (v instanceof String s) {
            TemporalAccessor t = parseDateTime(s, column);
            if (t instanceof LocalDate l) {
                return l;
            }
            if (t instanceof LocalDateTime l) {
                return l.toLocalDate();
            }
        }
        return toInstant(v, column, zone).atZone(zone).toLocalDate();
    }

    /**
     * The time of day of a value in {@code zone}: of an instant, the wall-clock time there; of text,
     * the time it names ({@code 10:15:30[.123]}, or the time part of a datetime).
     */
    static LocalTime toLocalTime(Object v, String column, ZoneId zone) throws SQLException {
        if (v instanceof LocalTime l) {
            return l;
        }
        if (v instanceof Time t) {
            return t.toLocalTime().withNano((int) Math.floorMod(t.getTime(), 1000L) * 1_000_000);
        }
        if (v instanceof LocalDateTime l) {
            return l.toLocalTime();
        }
        if (v instanceof OffsetTime o) {
            return o.withOffsetSameInstant(zoneOffset(zone)).toLocalTime();
        }
        if (v instanceof String s) {
            String t = s.strip();
            try {
                return LocalTime.parse(t);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetTime.parse(t).withOffsetSameInstant(zoneOffset(zone)).toLocalTime();
                } catch (DateTimeParseException e2) {
                    TemporalAccessor dt = parseDateTime(s, column);
                    if (dt instanceof LocalDateTime l) {
                        return l.toLocalTime();
                    }
                    if (dt instanceof LocalDate) {
                        return LocalTime.MIDNIGHT;
                    }
                }
            }
        }
        return toInstant(v, column, zone).atZone(zone).toLocalTime();
    }

    private static ZoneOffset zoneOffset(ZoneId zone) {
        return zone instanceof ZoneOffset o ? o : zone.getRules().getOffset(Instant.now());
    }

    /** {@code getDate}: see the class documentation; {@code cal} may be {@code null}. */
    static java.sql.Date toDate(Object v, String column, Calendar cal) throws SQLException {
        LocalDate d = toLocalDate(v, column, zoneOf(cal));
        if (cal == null) {
            return java.sql.Date.valueOf(d);
        }
        return new java.sql.Date(d.atStartOfDay(zoneOf(cal)).toInstant().toEpochMilli());
    }

    /** {@code getTime}: see the class documentation; {@code cal} may be {@code null}. Milliseconds are kept. */
    static Time toTime(Object v, String column, Calendar cal) throws SQLException {
        LocalTime t = toLocalTime(v, column, zoneOf(cal));
        int millis = t.getNano() / 1_000_000;
        if (cal == null) {
            return new Time(Time.valueOf(t.withNano(0)).getTime() + millis);
        }
        return new Time(t.atDate(LocalDate.EPOCH).atZone(zoneOf(cal)).toInstant().toEpochMilli());
    }

    /** {@code getTimestamp}: the instant, nanoseconds kept; {@code cal} only matters for text without an offset. */
    static Timestamp toTimestamp(Object v, String column, Calendar cal) throws SQLException {
        if (v instanceof Timestamp t) {
            return (Timestamp) t.clone();
        }
        if (v instanceof Time t) {
            return new Timestamp(t.getTime());
        }
        if (v instanceof java.sql.Date d && cal == null) {
            return new Timestamp(d.getTime());
        }
        return Timestamp.from(toInstant(v, column, zoneOf(cal)));
    }

    /** The calendar's zone, or UTC without one. */
    static ZoneId zoneOf(Calendar cal) {
        return cal == null ? ZoneOffset.UTC : cal.getTimeZone().toZoneId();
    }

    /**
     * Parses date/time text: an {@link OffsetDateTime}, a {@link ZonedDateTime} ({@code …[Europe/Paris]}),
     * a {@link LocalDateTime} or a {@link LocalDate}. A space may stand for the {@code T}.
     *
     * @throws SQLException 22007 when it is none of these
     */
    static TemporalAccessor parseDateTime(String text, String column) throws SQLException {
        String s = text.strip();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            if (s.length() <= 10) {
                return LocalDate.parse(s);
            }
            if (s.endsWith("]")) {
                return ZonedDateTime.parse(s);
            }
            try {
                return OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(s);
            }
        } catch (DateTimeParseException e) {
            throw SqlStates.create(SqlStates.INVALID_DATETIME_FORMAT, "Column '" + column + "': "
                    + quoteValue(text) + " is not an ISO-8601 date/time", 0, e);
        }
    }

    /**
     * {@code getObject(column, type)} for everything but {@link java.sql.Array} (which needs the
     * result set): see {@code SurrealResultSet#getObject(int, Class)} for the list of classes.
     * {@code v} is not null.
     *
     * @throws SQLException 22018 when {@code v} cannot become a {@code type}, or the errors of the getters
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(Object v, Class<T> type, String column) throws SQLException {
        Class<?> t = wrapper(type);
        Object out;
        if (t == Object.class) {
            out = v;
        } else if (t == String.class) {
            out = toText(v);
        } else if (t == Long.class) {
            out = toLong(v, column, Long.MIN_VALUE, Long.MAX_VALUE, "long");
        } else if (t == Integer.class) {
            out = (int) toLong(v, column, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
        } else if (t == Short.class) {
            out = (short) toLong(v, column, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (t == Byte.class) {
            out = (byte) toLong(v, column, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        } else if (t == Double.class) {
            out = toDouble(v, column);
        } else if (t == Float.class) {
            out = toFloat(v, column);
        } else if (t == BigDecimal.class) {
            out = toBigDecimal(v, column);
        } else if (t == BigInteger.class) {
            out = v instanceof BigInteger ? v : toBigDecimal(v, column).setScale(0, RoundingMode.DOWN).toBigInteger();
        } else if (t == Boolean.class) {
            out = toBoolean(v, column);
        } else if (t == byte[].class) {
            out = toBytes(v, column);
        } else if (t.isInstance(v)) {
            out = v;
        } else if (t == Number.class) {
            out = v instanceof String ? toBigDecimal(v, column) : null;
        } else if (t == Instant.class) {
            out = toInstant(v, column, ZoneOffset.UTC);
        } else if (t == OffsetDateTime.class) {
            out = v instanceof String s && parseDateTime(s, column) instanceof OffsetDateTime o ? o
                    : toInstant(v, column, ZoneOffset.UTC).atOffset(ZoneOffset.UTC);
        } else if (t == ZonedDateTime.class) {
            out = v instanceof String s && parseDateTime(s, column) instanceof ZonedDateTime z ? z
                    : toInstant(v, column, ZoneOffset.UTC).atZone(ZoneOffset.UTC);
        } else if (t == LocalDateTime.class) {
            out = v instanceof String s && parseDateTime(s, column) instanceof LocalDateTime l ? l
                    : LocalDateTime.ofInstant(toInstant(v, column, ZoneOffset.UTC), ZoneOffset.UTC);
        } else if (t == LocalDate.class) {
            out = toLocalDate(v, column, ZoneOffset.UTC);
        } else if (t == LocalTime.class) {
            out = toLocalTime(v, column, ZoneOffset.UTC);
        } else if (t == OffsetTime.class) {
            out = toOffsetTime(v, column);
        } else if (t == Timestamp.class || t == Date.class) {
            out = toTimestamp(v, column, null);
        } else if (t == java.sql.Date.class) {
            out = toDate(v, column, null);
        } else if (t == Time.class) {
            out = toTime(v, column, null);
        } else if (t == Calendar.class) {
            Calendar c = Calendar.getInstance(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
            c.setTimeInMillis(toInstant(v, column, ZoneOffset.UTC).toEpochMilli());
            out = c;
        } else if (t == Duration.class) {
            out = toDuration(v, column);
        } else if (t == UUID.class) {
            out = toUuid(v, column);
        } else if (t == RecordId.class) {
            out = parseOrNull(v, column, t, s -> RecordId.parse(s));
        } else if (t == Table.class) {
            out = v instanceof String s ? new Table(s) : null;
        } else if (Geometry.class.isAssignableFrom(t)) {
            out = v instanceof Map<?, ?> m ? parseMap(m, column, t, x -> Geometry.fromGeoJson((Map<String, ?>) x))
                    : null;
            out = t.isInstance(out) ? out : null;
        } else if (t == List.class || t == Collection.class || t == Iterable.class) {
            out = toList(v);
        } else if (t == SurrealSet.class || t == java.util.Set.class) {
            List<Object> l = toList(v);
            out = l == null ? null : SurrealSet.copyOf(l);
        } else if (t == Character.class) {
            out = v instanceof String s && s.length() == 1 ? s.charAt(0) : null;
        } else if (t.isEnum()) {
            out = v instanceof String s ? parseOrNull(s, column, t, x -> Enum.valueOf((Class) t, x)) : null;
        } else {
            out = null;
        }
        if (out == null) {
            throw cannotConvert(column, v, type.getSimpleName());
        }
        return (T) out;
    }

    private interface Parser {
        Object parse(String s);
    }

    private interface MapParser {
        Object parse(Object m);
    }

    private static Object parseOrNull(Object v, String column, Class<?> t, Parser p) throws SQLException {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return p.parse(s.strip());
        } catch (IllegalArgumentException e) {
            throw SqlStates.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, message(column, v, t.getSimpleName()), 0,
                    e);
        }
    }

    private static Object parseMap(Map<?, ?> v, String column, Class<?> t, MapParser p) throws SQLException {
        try {
            return p.parse(v);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw SqlStates.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, message(column, v, t.getSimpleName()), 0,
                    e);
        }
    }

    private static OffsetTime toOffsetTime(Object v, String column) throws SQLException {
        if (v instanceof OffsetTime o) {
            return o;
        }
        if (v instanceof String s) {
            try {
                return OffsetTime.parse(s.strip());
            } catch (DateTimeParseException e) {
                try {
                    return LocalTime.parse(s.strip()).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    // a datetime: below
                }
            }
        }
        if (v instanceof LocalTime || v instanceof Time) {
            return toLocalTime(v, column, ZoneOffset.UTC).atOffset(ZoneOffset.UTC);
        }
        return toInstant(v, column, ZoneOffset.UTC).atOffset(ZoneOffset.UTC).toOffsetTime();
    }

    /** A Duration from a duration, SurrealDB duration text ({@code 1h30m}) or ISO-8601 text ({@code PT1H30M}). */
    static Duration toDuration(Object v, String column) throws SQLException {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof String s) {
            String t = s.strip();
            try {
                return t.startsWith("P") || t.startsWith("-P") ? Duration.parse(t) : Durations.parse(t);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw SqlStates.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, message(column, v, "Duration"), 0, e);
            }
        }
        throw cannotConvert(column, v, "Duration");
    }

    /** A UUID from a uuid, its text, or 16 bytes. */
    static UUID toUuid(Object v, String column) throws SQLException {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof String s) {
            try {
                return UUID.fromString(s.strip());
            } catch (IllegalArgumentException e) {
                throw SqlStates.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, message(column, v, "UUID"), 0, e);
            }
        }
        if (v instanceof byte[] b && b.length == 16) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        throw cannotConvert(column, v, "UUID");
    }

    /** The elements of an array-like value as a list (the list itself when it is one), else {@code null}. */
    @SuppressWarnings("unchecked")
    static List<Object> toList(Object v) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (v instanceof Collection<?> c) {
            return Collections.unmodifiableList(new ArrayList<>(c));
        }
        if (v instanceof Object[] a) {
            return Collections.unmodifiableList(Arrays.asList(a));
        }
        if (v != null && v.getClass().isArray() && !(v instanceof byte[])) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(v, i));
            }
            return Collections.unmodifiableList(out);
        }
        return null;
    }

    /** The boxed class of a primitive class; other classes unchanged. */
    static Class<?> wrapper(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == int.class) {
            return Integer.class;
        }
        if (c == long.class) {
            return Long.class;
        }
        if (c == double.class) {
            return Double.class;
        }
        if (c == float.class) {
            return Float.class;
        }
        if (c == boolean.class) {
            return Boolean.class;
        }
        if (c == short.class) {
            return Short.class;
        }
        if (c == byte.class) {
            return Byte.class;
        }
        if (c == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    // =================================================================== writing

    /**
     * The SurrealDB value for a Java value (see the class documentation).
     *
     * @throws SQLException 22003 an integer outside i64; 22023 an unsupported class (named in the
     *     message), a negative duration, a null map key, or nesting deeper than {@link #MAX_DEPTH}
     */
    static Object toSurreal(Object value) throws SQLException {
        return convertValue(value, 0);
    }

    private static Object convertValue(Object v, int depth) throws SQLException {
        if (depth > MAX_DEPTH) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE,
                    "Parameter value nested deeper than " + MAX_DEPTH + " levels (a cycle?)", 0, null);
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof BigDecimal || v instanceof Instant || v instanceof UUID || v instanceof RecordId
                || v == None.NONE || v instanceof Table || v instanceof Geometry || v instanceof Range
                || v instanceof SurrealFile || v instanceof Future || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof AtomicInteger
                || v instanceof AtomicLong) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger i) {
            if (i.bitLength() > 63) {
                throw SqlStates.create(SqlStates.NUMERIC_VALUE_OUT_OF_RANGE,
                        "Integer " + i + " is outside SurrealDB's int range (64-bit)", 0, null);
            }
            return i.longValue();
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? Double.valueOf(f.toString()) : Double.valueOf(f.doubleValue());
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        if (v instanceof char[] c) {
            return new String(c);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Map<?, ?> m) {
            return mapToSurreal(m, depth);
        }
        if (v instanceof SurrealSet s) {
            List<Object> items = new ArrayList<>(s.size());
            for (Object o : s) {
                items.add(convertValue(o, depth + 1));
            }
            return SurrealSet.copyOf(items);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(convertValue(o, depth + 1));
            }
            return out;
        }
        if (v.getClass().isArray()) {
            List<Object> items = toList(v);
            List<Object> out = new ArrayList<>(items.size());
            for (Object o : items) {
                out.add(convertValue(o, depth + 1));
            }
            return out;
        }
        if (v instanceof SurrealArray a) {
            return a.toSurreal();
        }
        if (v instanceof java.sql.Array a) {
            return convertValue(a.getArray(), depth);
        }
        if (v instanceof Optional<?> o) {
            return convertValue(o.orElse(null), depth);
        }
        Object temporal = temporalToSurreal(v);
        if (temporal != null) {
            return temporal;
        }
        Object streamed = streamToSurreal(v, -1);
        if (streamed != null) {
            return streamed;
        }
        throw unsupportedClass(v);
    }

    private static Map<String, Object> mapToSurreal(Map<?, ?> m, int depth) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(16, (int) (m.size() / 0.75f) + 1));
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getKey() == null) {
                throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "A map with a null key cannot be an object",
                        0, null);
            }
            out.put(e.getKey().toString(), convertValue(e.getValue(), depth + 1));
        }
        return out;
    }

    /** Date/time classes and Duration, else {@code null}. */
    private static Object temporalToSurreal(Object v) throws SQLException {
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (v instanceof Time t) {
            return TIME.format(toLocalTime(t, "parameter", ZoneOffset.UTC));
        }
        if (v instanceof Date || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Calendar) {
            return instantOf(v);
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDate l) {
            return l.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (v instanceof LocalTime l) {
            return TIME.format(l);
        }
        if (v instanceof OffsetTime o) {
            return OFFSET_TIME.format(o);
        }
        if (v instanceof Duration d) {
            if (d.isNegative()) {
                throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE,
                        "SurrealDB durations cannot be negative: " + d, 0, null);
            }
            return d;
        }
        return null;
    }

    /**
     * Streams and LOBs: InputStream and Blob → bytes, Reader and Clob → string, ByteBuffer → bytes;
     * {@code length} ≥ 0 reads at most that many bytes/chars. {@code null} for other classes.
     */
    static Object streamToSurreal(Object v, long length) throws SQLException {
        try {
            if (v instanceof ByteBuffer b) {
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                return bytes;
            }
            if (v instanceof InputStream in) {
                return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
            }
            if (v instanceof Reader r) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                long left = length < 0 ? Long.MAX_VALUE : length;
                int n;
                while (left > 0 && (n = r.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
                    sb.append(buf, 0, n);
                    left -= n;
                }
                return sb.toString();
            }
            if (v instanceof Blob b) {
                long n = length < 0 ? b.length() : Math.min(length, b.length());
                return b.getBytes(1, (int) n);
            }
            if (v instanceof Clob c) {
                long n = length < 0 ? c.length() : Math.min(length, c.length());
                return c.getSubString(1, (int) n);
            }
        } catch (IOException e) {
            throw SqlStates.create(SqlStates.DATA_EXCEPTION, "Cannot read the parameter stream: " + e.getMessage(), 0,
                    e);
        }
        return null;
    }

    /**
     * {@link #toSurreal(Object)} after coercing to a target {@link Types} code, as {@code setObject(i, x,
     * targetSqlType)} asks:
     * <ul>
     *   <li>BIT, BOOLEAN → bool (numbers: zero false, else true; strings as {@link #toBoolean})</li>
     *   <li>TINYINT, SMALLINT, INTEGER, BIGINT → int, range-checked for the target (22003), fractions truncated</li>
     *   <li>REAL, FLOAT, DOUBLE → float; DECIMAL, NUMERIC → decimal</li>
     *   <li>CHAR, VARCHAR, LONGVARCHAR, the N- variants, CLOB, NCLOB → string (other values by their
     *       {@code getString} text: record ids {@code person:tobie}, objects JSON …)</li>
     *   <li>BINARY, VARBINARY, LONGVARBINARY, BLOB → bytes (strings as UTF-8)</li>
     *   <li>DATE → datetime at UTC midnight of the date; TIME → string {@code HH:mm:ss[.f]};
     *       TIME_WITH_TIMEZONE → string with offset; TIMESTAMP, TIMESTAMP_WITH_TIMEZONE → datetime
     *       (text without an offset read as UTC)</li>
     *   <li>ARRAY → array; NULL → NULL; OTHER, JAVA_OBJECT, STRUCT, DISTINCT → as {@link #toSurreal(Object)}</li>
     *   <li>ROWID, REF, REF_CURSOR, DATALINK, SQLXML and unknown codes → 0A000</li>
     * </ul>
     *
     * @throws SQLException 22018 a value that cannot become the target type, 22003 out of range, 22007
     *     bad date/time text, 0A000 an unsupported target
     */
    static Object toSurreal(Object value, int targetSqlType) throws SQLException {
        return toSurreal(value, targetSqlType, -1);
    }

    /**
     * {@link #toSurreal(Object, int)} with {@code setObject}'s {@code scaleOrLength}: for DECIMAL and
     * NUMERIC the scale (rounded half-up), for streams and readers the length to read; else ignored.
     * A negative value means "not given".
     */
    static Object toSurreal(Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        if (value == null || targetSqlType == Types.NULL) {
            return null;
        }
        String col = "parameter";
        Object v = value;
        if (v instanceof InputStream || v instanceof Reader || v instanceof Blob || v instanceof Clob) {
            v = streamToSurreal(v, isStreamTarget(targetSqlType) ? scaleOrLength : -1);
        } else if (v instanceof Optional<?> o) {
            return toSurreal(o.orElse(null), targetSqlType, scaleOrLength);
        }
        switch (targetSqlType) {
            case Types.BIT, Types.BOOLEAN:
                if (v instanceof Number) {
                    return toBigDecimal(v, col).signum() != 0;
                }
                return toBoolean(v instanceof Character ? v.toString() : v, col);
            case Types.TINYINT:
                return toLong(plain(v), col, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
            case Types.SMALLINT:
                return toLong(plain(v), col, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
            case Types.INTEGER:
                return toLong(plain(v), col, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
            case Types.BIGINT:
                if (v instanceof BigInteger) {
                    return toSurreal(v);
                }
                return toLong(plain(v), col, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
            case Types.REAL, Types.FLOAT, Types.DOUBLE:
                if (v instanceof Float f) {
                    return toSurreal(f);
                }
                return toDouble(plain(v), col);
            case Types.DECIMAL, Types.NUMERIC: {
                BigDecimal d = toBigDecimal(plain(v), col);
                return scaleOrLength >= 0 ? d.setScale(scaleOrLength, RoundingMode.HALF_UP) : d;
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB:
                return textOf(v);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return toBytes(toSurreal(v), col);
            case Types.DATE:
                return toLocalDate(dateInput(v), col, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
            case Types.TIME:
                return TIME.format(toLocalTime(dateInput(v), col, ZoneOffset.UTC));
            case Types.TIME_WITH_TIMEZONE:
                return OFFSET_TIME.format(v instanceof OffsetTime o ? o : toOffsetTime(dateInput(v), col));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return toInstant(dateInput(v), col, ZoneOffset.UTC);
            case Types.ARRAY: {
                Object s = toSurreal(v);
                if (s instanceof List || s instanceof SurrealSet) {
                    return s;
                }
                throw cannotConvert(col, v, "ARRAY");
            }
            case Types.OTHER, Types.JAVA_OBJECT, Types.STRUCT, Types.DISTINCT:
                return toSurreal(v);
            default:
                throw SqlStates.unsupported("Target SQL type " + SurrealTypes.jdbcName(targetSqlType)
                        + " (" + targetSqlType + ") is not supported");
        }
    }

    /**
     * {@link #toSurreal(Object, int, int)} for a {@link SQLType}: {@link JDBCType}s by their code; other
     * vendors' types are 0A000.
     */
    static Object toSurreal(Object value, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (targetSqlType instanceof JDBCType j) {
            return toSurreal(value, j.getVendorTypeNumber(), scaleOrLength);
        }
        throw SqlStates.unsupported("SQL type " + (targetSqlType == null ? "null" : targetSqlType.getName())
                + " is not supported");
    }

    private static boolean isStreamTarget(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> true;
            default -> false;
        };
    }

    /** Numbers and text as they are; other values through {@link #toSurreal(Object)} (Character → String …). */
    private static Object plain(Object v) throws SQLException {
        if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        return toSurreal(v);
    }

    /** Date/time inputs as they are; the rest through {@link #toSurreal(Object)} (CharSequence → String …). */
    private static Object dateInput(Object v) throws SQLException {
        if (v instanceof TemporalAccessor || v instanceof Date || v instanceof Calendar) {
            return v;
        }
        return toSurreal(v);
    }

    /** Text for a string target: ISO-8601 for date/time classes, else the {@code getString} text. */
    private static String textOf(Object v) throws SQLException {
        if (v instanceof java.sql.Date || v instanceof Time) {
            return v instanceof Time t ? TIME.format(toLocalTime(t, "parameter", ZoneOffset.UTC)) : v.toString();
        }
        if (v instanceof LocalTime t) {
            return TIME.format(t);
        }
        if (v instanceof TemporalAccessor && !(v instanceof Instant || v instanceof OffsetDateTime
                || v instanceof ZonedDateTime)) {
            return v.toString();
        }
        return toText(toSurreal(v));
    }

    // =================================================================== errors

    /** 22018: {@code v} (of column {@code column}) cannot become a {@code target}. */
    static SQLException cannotConvert(String column, Object v, String target) {
        return SqlStates.create(SqlStates.INVALID_CHARACTER_VALUE_FOR_CAST, message(column, v, target), 0, null);
    }

    /** 22003: {@code v} does not fit a {@code target}. */
    static SQLException outOfRange(String column, Object v, String target) {
        return SqlStates.create(SqlStates.NUMERIC_VALUE_OUT_OF_RANGE, "Column '" + column + "': "
                + SurrealTypes.nameOf(v) + " value " + quoteValue(v) + " is out of range for " + target, 0, null);
    }

    private static String message(String column, Object v, String target) {
        String type = v == null ? "null" : SurrealTypes.baseName(SurrealTypes.nameOf(v));
        boolean showValue = v instanceof String || v instanceof Number || v instanceof Boolean;
        return "Column '" + column + "': cannot convert " + type + " value " + (showValue ? quoteValue(v) + " " : "")
                + "to " + target;
    }

    private static SQLException unsupportedClass(Object v) {
        return SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "Cannot send a " + v.getClass().getName()
                + " to SurrealDB: use a supported type (see setObject) or convert it first", 0, null);
    }

    /** A value for an error message: text quoted and cut at 40 characters. */
    private static String quoteValue(Object v) {
        String s = String.valueOf(v);
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return v instanceof String ? "'" + s + "'" : s;
    }
}

package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.ConversionsReadTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.cbor.CborCodec;
import dev.surrealj.value.Future;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.JDBCType;
import java.sql.SQLException;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import org.junit.jupiter.api.Test;

/** The writing side of {@link Conversions}: Java value → SurrealDB value for setObject. */
class ConversionsWriteTest {

    private static Object s(Object v) throws SQLException {
        return Conversions.toSurreal(v);
    }

    enum Colour { RED }

    @Test
    void scalars() throws SQLException {
        assertNull(s(null));
        assertSame(None.NONE, s(None.NONE));
        assertEquals("x", s("x"));
        assertEquals("sb", s(new StringBuilder("sb")));
        assertEquals("c", s('c'));
        assertEquals("abc", s(new char[] {'a', 'b', 'c'}));
        assertEquals(true, s(true));
        assertEquals(1L, s((byte) 1));
        assertEquals(2L, s((short) 2));
        assertEquals(3L, s(3));
        assertEquals(4L, s(4L));
        assertEquals(5L, s(BigInteger.valueOf(5)));
        assertEquals(6L, s(new AtomicLong(6)));
        assertEquals(Long.MIN_VALUE, s(BigInteger.valueOf(Long.MIN_VALUE)));
        fails("22003", () -> s(BigInteger.ONE.shiftLeft(63)));
        assertEquals(0.1, s(0.1f), "a float by its decimal text");
        assertTrue(Double.isNaN((Double) s(Float.NaN)));
        assertEquals(1.5, s(1.5));
        assertEquals(new BigDecimal("1.50"), s(new BigDecimal("1.50")));
        assertEquals("RED", s(Colour.RED));
        assertEquals("v", s(Optional.of("v")));
        assertNull(s(Optional.empty()));
    }

    @Test
    void bytesAndStreams() throws SQLException {
        byte[] b = {1, 2};
        assertSame(b, s(b));
        assertArrayEquals(b, (byte[]) s(ByteBuffer.wrap(b)));
        assertArrayEquals(b, (byte[]) s(new ByteArrayInputStream(b)));
        assertArrayEquals(b, (byte[]) s(new SerialBlob(b)));
        assertEquals("text", s(new StringReader("text")));
        assertEquals("clob", s(new SerialClob("clob".toCharArray())));
        assertArrayEquals(new byte[] {1}, (byte[]) Conversions.toSurreal(new ByteArrayInputStream(b), Types.VARBINARY, 1));
        assertEquals("te", Conversions.toSurreal(new StringReader("text"), Types.VARCHAR, 2));
    }

    @Test
    void dateTimes() throws SQLException {
        Instant i = Instant.parse("2024-01-31T10:00:00.123456789Z");
        assertEquals(i, s(i));
        assertEquals(i, s(OffsetDateTime.parse("2024-01-31T12:00:00.123456789+02:00")));
        assertEquals(i, s(ZonedDateTime.parse("2024-01-31T11:00:00.123456789+01:00[Europe/Paris]")));
        assertEquals(i, s(LocalDateTime.parse("2024-01-31T10:00:00.123456789")), "LocalDateTime is UTC");
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), s(LocalDate.parse("2024-01-31")), "UTC midnight");
        assertEquals("10:15:30", s(LocalTime.parse("10:15:30")));
        assertEquals("10:15:00", s(LocalTime.parse("10:15")), "seconds always written");
        assertEquals("10:15:30.000000001", s(LocalTime.of(10, 15, 30, 1)));
        assertEquals("10:15:30+02:00", s(OffsetTime.parse("10:15:30+02:00")));
        Timestamp ts = Timestamp.from(i);
        assertEquals(i, s(ts), "Timestamp keeps nanoseconds");
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), s(java.sql.Date.valueOf("2024-01-31")),
                "java.sql.Date: its date at UTC midnight, whatever the JVM zone");
        Time t = new Time(Time.valueOf("10:15:30").getTime() + 250);
        assertEquals("10:15:30.25", s(t), "java.sql.Time keeps milliseconds");
        assertEquals(Instant.ofEpochMilli(1_000), s(new java.util.Date(1_000)));
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        cal.setTimeInMillis(5_000);
        assertEquals(Instant.ofEpochMilli(5_000), s(cal));
        assertEquals(Duration.ofMinutes(90), s(Duration.ofMinutes(90)));
        fails("22023", () -> s(Duration.ofSeconds(-1)));
    }

    @Test
    void surrealValuesPassThrough() throws SQLException {
        UUID u = UUID.randomUUID();
        for (Object v : List.of(u, new RecordId("person", "tobie"), new Table("t"), new GeometryPoint(1, 2),
                Range.closed(1L, 2L), new SurrealFile("b", "/k"), new Future("{ 1 }"))) {
            assertSame(v, s(v));
        }
        assertEquals(SurrealSet.of(1L, "a"), s(SurrealSet.of(1, "a")));
        assertInstanceOf(SurrealSet.class, s(SurrealSet.of(1, "a")));
    }

    @Test
    void collectionsAreConvertedRecursively() throws SQLException {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("n", 1);
        m.put(2, List.of((short) 3, LocalDate.parse("2024-01-31")));
        m.put("arr", new int[] {4, 5});
        m.put("objs", new Object[] {Colour.RED, null});
        m.put("set", new LinkedHashSet<>(List.of(6)));
        m.put("bytes", new byte[] {7});
        Object out = s(m);
        @SuppressWarnings("unchecked")
        Map<String, Object> got = (Map<String, Object>) out;
        assertEquals(List.of("n", "2", "arr", "objs", "set", "bytes"), new ArrayList<>(got.keySet()));
        assertEquals(1L, got.get("n"));
        assertEquals(List.of(3L, Instant.parse("2024-01-31T00:00:00Z")), got.get("2"));
        assertEquals(List.of(4L, 5L), got.get("arr"));
        assertEquals(java.util.Arrays.asList("RED", null), got.get("objs"));
        assertEquals(List.of(6L), got.get("set"));
        assertArrayEquals(new byte[] {7}, (byte[]) got.get("bytes"));
        assertEquals(List.of(true, false), s(new boolean[] {true, false}));
        assertEquals(List.of(1.5, 2.5), s(new double[] {1.5, 2.5}));
        Map<String, Object> nullKey = new java.util.HashMap<>();
        nullKey.put(null, 1);
        fails("22023", () -> s(nullKey));
    }

    @Test
    void sqlArraysBecomeLists() throws SQLException {
        assertEquals(List.of("a", "b"), s(SurrealArray.of(List.of("a", "b"), null)));
        assertEquals(List.of(1L, 2L), s(SurrealArray.of("INTEGER", new Object[] {"1", 2})),
                "createArrayOf elements are coerced to the base type");
        assertEquals(List.of(1L, 2L), s(SurrealArray.of("int", new Object[] {1, 2})));
    }

    @Test
    void largeAndDeepMapsArriveIntact() throws Exception {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            big.put("k" + i, i);
        }
        Object deep = big;
        for (int i = 0; i < 200; i++) {
            deep = Map.of("d", deep, "i", i);
        }
        Object converted = s(deep);
        CborCodec codec = new CborCodec();
        Object back = codec.decode(codec.encode(converted));
        Object cursor = back;
        for (int i = 199; i >= 0; i--) {
            Map<?, ?> level = (Map<?, ?>) cursor;
            assertEquals((long) i, level.get("i"));
            cursor = level.get("d");
        }
        Map<?, ?> leaf = (Map<?, ?>) cursor;
        assertEquals(100_000, leaf.size());
        assertEquals(99_999L, leaf.get("k99999"));
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        SQLException e = fails("22023", () -> s(cycle));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void unsupportedClassNamesIt() {
        SQLException e = fails("22023", () -> s(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        fails("22023", () -> s(Thread.currentThread()));
    }

    @Test
    void targetTypes() throws SQLException {
        assertEquals(42L, Conversions.toSurreal("42", Types.INTEGER));
        assertEquals(42L, Conversions.toSurreal(42.9, Types.BIGINT));
        assertEquals(1L, Conversions.toSurreal(true, Types.SMALLINT));
        assertEquals(5L, Conversions.toSurreal('5', Types.TINYINT));
        fails("22003", () -> Conversions.toSurreal(1L << 40, Types.INTEGER));
        fails("22003", () -> Conversions.toSurreal(200, Types.TINYINT));
        fails("22018", () -> Conversions.toSurreal("forty", Types.INTEGER));
        assertEquals(Long.MAX_VALUE, Conversions.toSurreal(BigInteger.valueOf(Long.MAX_VALUE), Types.BIGINT));
        assertEquals(true, Conversions.toSurreal(5, Types.BOOLEAN));
        assertEquals(false, Conversions.toSurreal("off", Types.BIT));
        assertEquals(true, Conversions.toSurreal('t', Types.BOOLEAN));
        assertEquals(2.5, Conversions.toSurreal("2.5", Types.DOUBLE));
        assertEquals(0.1, Conversions.toSurreal(0.1f, Types.REAL));
        assertEquals(new BigDecimal("2.5"), Conversions.toSurreal("2.5", Types.DECIMAL));
        assertEquals(new BigDecimal("2.57"), Conversions.toSurreal(2.567, Types.NUMERIC, 2));
        assertEquals("42", Conversions.toSurreal(42, Types.VARCHAR));
        assertEquals("person:tobie", Conversions.toSurreal(new RecordId("person", "tobie"), Types.VARCHAR));
        assertEquals("{\"a\":1}", Conversions.toSurreal(Map.of("a", 1), Types.LONGVARCHAR));
        assertEquals("2024-01-31", Conversions.toSurreal(LocalDate.parse("2024-01-31"), Types.VARCHAR));
        assertEquals("2024-01-31", Conversions.toSurreal(java.sql.Date.valueOf("2024-01-31"), Types.NVARCHAR));
        assertEquals("10:15:00", Conversions.toSurreal(LocalTime.of(10, 15), Types.CHAR));
        assertEquals("2024-01-31T10:00:00Z", Conversions.toSurreal(Instant.parse("2024-01-31T10:00:00Z"), Types.CLOB));
        assertArrayEquals("hi".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                (byte[]) Conversions.toSurreal("hi", Types.VARBINARY));
        assertArrayEquals(new byte[] {1}, (byte[]) Conversions.toSurreal(new byte[] {1}, Types.BLOB));
        Instant midnight = Instant.parse("2024-01-31T00:00:00Z");
        assertEquals(midnight, Conversions.toSurreal("2024-01-31", Types.DATE));
        assertEquals(midnight, Conversions.toSurreal(Instant.parse("2024-01-31T10:00:00Z"), Types.DATE));
        assertEquals(midnight, Conversions.toSurreal(LocalDateTime.parse("2024-01-31T23:00"), Types.DATE));
        fails("22007", () -> Conversions.toSurreal("31/01/2024", Types.DATE));
        assertEquals("10:15:00", Conversions.toSurreal("10:15", Types.TIME));
        assertEquals("10:00:00", Conversions.toSurreal(Instant.parse("2024-01-31T10:00:00Z"), Types.TIME));
        assertEquals("10:15:00Z", Conversions.toSurreal("10:15", Types.TIME_WITH_TIMEZONE));
        assertEquals("10:15:00+02:00", Conversions.toSurreal(OffsetTime.parse("10:15+02:00"),
                Types.TIME_WITH_TIMEZONE));
        assertEquals(Instant.parse("2024-01-31T10:00:00Z"), Conversions.toSurreal("2024-01-31 10:00:00",
                Types.TIMESTAMP), "text without offset: UTC");
        assertEquals(Instant.parse("2024-01-31T08:00:00Z"), Conversions.toSurreal("2024-01-31T10:00:00+02:00",
                Types.TIMESTAMP_WITH_TIMEZONE));
        assertEquals(Instant.parse("2024-01-31T09:00:00Z"), Conversions.toSurreal(
                ZonedDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneId.of("Europe/Paris")), Types.TIMESTAMP));
        assertEquals(midnight, Conversions.toSurreal(LocalDate.parse("2024-01-31"), Types.TIMESTAMP));
        assertEquals(List.of(1L, 2L), Conversions.toSurreal(new Integer[] {1, 2}, Types.ARRAY));
        fails("22018", () -> Conversions.toSurreal("x", Types.ARRAY));
        assertEquals(Map.of("a", 1L), Conversions.toSurreal(Map.of("a", 1), Types.OTHER));
        assertEquals(Map.of("a", 1L), Conversions.toSurreal(Map.of("a", 1), Types.JAVA_OBJECT));
        assertNull(Conversions.toSurreal("anything", Types.NULL));
        assertNull(Conversions.toSurreal(null, Types.INTEGER));
        assertEquals(7L, Conversions.toSurreal(Optional.of(7), Types.BIGINT));
        fails("0A000", () -> Conversions.toSurreal("x", Types.ROWID));
        fails("0A000", () -> Conversions.toSurreal("x", Types.SQLXML));
        fails("0A000", () -> Conversions.toSurreal("x", 424242));
        assertEquals(42L, Conversions.toSurreal("42", JDBCType.INTEGER, -1));
        fails("0A000", () -> Conversions.toSurreal("42", new java.sql.SQLType() {
            @Override
            public String getName() {
                return "VENDOR";
            }

            @Override
            public String getVendor() {
                return "x";
            }

            @Override
            public Integer getVendorTypeNumber() {
                return 1;
            }
        }, -1));
    }
}

package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
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
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The reading side of {@link Conversions}: value → getXxx. */
class ConversionsReadTest {
    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;

    static SQLException fails(String state, Executable e) {
        SQLException ex = assertThrows(SQLException.class, e);
        assertEquals(state, ex.getSQLState(), ex::getMessage);
        return ex;
    }

    private static long toInt(Object v) throws SQLException {
        return Conversions.toLong(v, "c", INT_MIN, INT_MAX, "int");
    }

    @Test
    void wholeNumbers() throws SQLException {
        assertEquals(42, toInt(42L));
        assertEquals(42, toInt(42));
        assertEquals(1, toInt(true));
        assertEquals(0, toInt(false));
        assertEquals(1, toInt(1.9));
        assertEquals(-1, toInt(-1.9));
        assertEquals(3, toInt(new BigDecimal("3.99")));
        assertEquals(7, toInt(BigInteger.valueOf(7)));
        assertEquals(12, toInt(" 12 "));
        assertEquals(12, toInt("12.7"));
        assertEquals(1000, toInt("1e3"));
        assertEquals(Long.MIN_VALUE, Conversions.toLong(Long.MIN_VALUE, "c", Long.MIN_VALUE, Long.MAX_VALUE, "long"));
        assertEquals(Long.MIN_VALUE, Conversions.toLong(-0x1p63, "c", Long.MIN_VALUE, Long.MAX_VALUE, "long"));
    }

    @Test
    void overflowIs22003() {
        SQLException e = fails("22003", () -> toInt(1L << 40));
        assertInstanceOf(SQLDataException.class, e);
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
        assertTrue(e.getMessage().contains("1099511627776"), e.getMessage());
        fails("22003", () -> toInt(1e10));
        fails("22003", () -> toInt(Double.NaN));
        fails("22003", () -> toInt(Double.POSITIVE_INFINITY));
        fails("22003", () -> toInt(new BigDecimal("1e30")));
        fails("22003", () -> toInt("99999999999"));
        fails("22003", () -> Conversions.toLong(0x1p63, "c", Long.MIN_VALUE, Long.MAX_VALUE, "long"));
        fails("22003", () -> Conversions.toLong(300L, "c", Byte.MIN_VALUE, Byte.MAX_VALUE, "byte"));
        fails("22003", () -> Conversions.toFloat(1e300, "c"));
        fails("22003", () -> Conversions.toDouble(new BigDecimal("1e400"), "c"));
        fails("22003", () -> Conversions.toBigDecimal(Double.POSITIVE_INFINITY, "c"));
    }

    @Test
    void notANumberIs22018NamingColumnAndType() {
        SQLException e = fails("22018", () -> Conversions.toLong("abc", "age", INT_MIN, INT_MAX, "int"));
        assertInstanceOf(SQLDataException.class, e);
        assertTrue(e.getMessage().contains("'age'") && e.getMessage().contains("string")
                && e.getMessage().contains("int"), e.getMessage());
        SQLException obj = fails("22018", () -> Conversions.toLong(Map.of("a", 1L), "meta", INT_MIN, INT_MAX, "int"));
        assertTrue(obj.getMessage().contains("'meta'") && obj.getMessage().contains("object"), obj.getMessage());
        fails("22018", () -> toInt(Instant.EPOCH));
        fails("22018", () -> Conversions.toDouble("x", "c"));
        fails("22018", () -> Conversions.toDouble(List.of(), "c"));
        fails("22018", () -> Conversions.toBigDecimal("1,5", "c"));
        fails("22018", () -> Conversions.toBigDecimal(Double.NaN, "c"));
        fails("22018", () -> Conversions.toBigDecimal(new RecordId("a", 1L), "c"));
    }

    @Test
    void fractions() throws SQLException {
        assertEquals(1.5, Conversions.toDouble(1.5, "c"));
        assertEquals(3.0, Conversions.toDouble(3L, "c"));
        assertEquals(0.1, Conversions.toDouble(new BigDecimal("0.1"), "c"));
        assertEquals(1.0, Conversions.toDouble(true, "c"));
        assertEquals(2.5, Conversions.toDouble(" 2.5 ", "c"));
        assertTrue(Double.isNaN(Conversions.toDouble("NaN", "c")));
        assertTrue(Double.isNaN(Conversions.toFloat(Double.NaN, "c")));
        assertEquals(Float.POSITIVE_INFINITY, Conversions.toFloat(Double.POSITIVE_INFINITY, "c"));
        assertEquals(1.25f, Conversions.toFloat(1.25, "c"));
        assertEquals(new BigDecimal("0.1"), Conversions.toBigDecimal(0.1, "c"));
        assertEquals(new BigDecimal("0.1"), Conversions.toBigDecimal(0.1f, "c"));
        assertEquals(new BigDecimal("42"), Conversions.toBigDecimal(42L, "c"));
        assertEquals(new BigDecimal("12345678901234567890"),
                Conversions.toBigDecimal(new BigInteger("12345678901234567890"), "c"));
        assertEquals(BigDecimal.ONE, Conversions.toBigDecimal(true, "c"));
        assertEquals(new BigDecimal("1.50"), Conversions.toBigDecimal("1.50", "c"));
    }

    @Test
    void booleans() throws SQLException {
        assertTrue(Conversions.toBoolean(true, "c"));
        assertTrue(Conversions.toBoolean(1L, "c"));
        assertFalse(Conversions.toBoolean(0L, "c"));
        assertFalse(Conversions.toBoolean(0.0, "c"));
        assertTrue(Conversions.toBoolean(new BigDecimal("1.00"), "c"));
        for (String t : List.of("true", "TRUE", " t ", "yes", "Y", "on", "1")) {
            assertTrue(Conversions.toBoolean(t, "c"), t);
        }
        for (String f : List.of("false", "False", "f", "no", "n", "off", "0")) {
            assertFalse(Conversions.toBoolean(f, "c"), f);
        }
        fails("22018", () -> Conversions.toBoolean(2L, "c"));
        fails("22018", () -> Conversions.toBoolean("maybe", "c"));
        fails("22018", () -> Conversions.toBoolean(Instant.EPOCH, "c"));
        fails("22018", () -> Conversions.toBoolean(Double.NaN, "c"));
    }

    @Test
    void bytes() throws SQLException {
        byte[] raw = {1, 2, 3};
        byte[] copy = Conversions.toBytes(raw, "c");
        assertArrayEquals(raw, copy);
        copy[0] = 9;
        assertEquals(1, raw[0], "getBytes returns a copy");
        assertArrayEquals("hé".getBytes(java.nio.charset.StandardCharsets.UTF_8), Conversions.toBytes("hé", "c"));
        UUID u = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        assertEquals(16, Conversions.toBytes(u, "c").length);
        assertEquals(u, Conversions.toUuid(Conversions.toBytes(u, "c"), "c"));
        fails("22018", () -> Conversions.toBytes(1L, "c"));
    }

    @Test
    void datetimesAreInstantsAndLocalMeansUtc() throws SQLException {
        Instant i = Instant.parse("2024-01-31T23:30:00.123456789Z");
        assertEquals(i, Conversions.toInstant(i, "c", ZoneOffset.UTC));
        assertEquals(Timestamp.from(i), Conversions.toTimestamp(i, "c", null));
        assertEquals(123456789, Conversions.toTimestamp(i, "c", null).getNanos());
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals(Timestamp.from(i), Conversions.toTimestamp(i, "c", tokyo), "an instant ignores the calendar");
        assertEquals(java.sql.Date.valueOf("2024-01-31"), Conversions.toDate(i, "c", null));
        java.sql.Date inTokyo = Conversions.toDate(i, "c", tokyo);
        assertEquals(LocalDate.of(2024, 2, 1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli(),
                inTokyo.getTime(), "the date in Tokyo, as Tokyo midnight");
        Time t = Conversions.toTime(i, "c", null);
        assertEquals(LocalTime.of(23, 30), t.toLocalTime());
        assertEquals(123, Math.floorMod(t.getTime(), 1000L), "milliseconds kept");
        Time tt = Conversions.toTime(i, "c", tokyo);
        assertEquals(LocalTime.of(8, 30, 0, 123_000_000).atDate(LocalDate.EPOCH).atZone(ZoneId.of("Asia/Tokyo"))
                .toInstant().toEpochMilli(), tt.getTime());
        assertEquals(LocalDate.of(2024, 1, 31), Conversions.toLocalDate(i, "c", ZoneOffset.UTC));
        assertEquals(LocalTime.of(23, 30, 0, 123456789), Conversions.toLocalTime(i, "c", ZoneOffset.UTC));
    }

    @Test
    void datetimeText() throws SQLException {
        assertEquals(Instant.parse("2024-01-31T10:00:00Z"), Conversions.toInstant("2024-01-31T10:00:00Z", "c",
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-31T08:00:00Z"), Conversions.toInstant("2024-01-31T10:00:00+02:00", "c",
                ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-31T10:00:00Z"), Conversions.toInstant("2024-01-31 10:00:00", "c",
                ZoneOffset.UTC), "no offset: UTC");
        assertEquals(Instant.parse("2024-01-31T09:00:00Z"), Conversions.toInstant("2024-01-31T10:00:00", "c",
                ZoneId.of("Europe/Paris")), "no offset: the calendar's zone");
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), Conversions.toInstant("2024-01-31", "c", ZoneOffset.UTC));
        assertEquals(Instant.parse("2024-01-31T09:00:00Z"),
                Conversions.toInstant("2024-01-31T10:00:00+01:00[Europe/Paris]", "c", ZoneOffset.UTC));
        Calendar paris = Calendar.getInstance(TimeZone.getTimeZone("Europe/Paris"));
        assertEquals(Timestamp.from(Instant.parse("2024-01-31T09:00:00Z")),
                Conversions.toTimestamp("2024-01-31 10:00:00", "c", paris));
        assertEquals(java.sql.Date.valueOf("2024-01-31"), Conversions.toDate("2024-01-31", "c", null));
        assertEquals(LocalDate.of(2024, 1, 31).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toEpochMilli(),
                Conversions.toDate("2024-01-31", "c", paris).getTime());
        assertEquals(Time.valueOf("10:15:30"), Conversions.toTime("10:15:30", "c", null));
        assertEquals(LocalTime.of(10, 15, 30, 500_000_000), Conversions.toLocalTime("10:15:30.5", "c", ZoneOffset.UTC));
        assertEquals(LocalTime.of(8, 15), Conversions.toLocalTime("10:15+02:00", "c", ZoneOffset.UTC));
        assertEquals(LocalTime.of(10, 0), Conversions.toLocalTime("2024-01-31T10:00:00Z", "c", ZoneOffset.UTC));
        fails("22007", () -> Conversions.toInstant("yesterday", "c", ZoneOffset.UTC));
        fails("22007", () -> Conversions.toTime("25:99", "c", null));
        fails("22018", () -> Conversions.toInstant(42L, "c", ZoneOffset.UTC));
        fails("22018", () -> Conversions.toDate(List.of(), "c", null));
    }

    @Test
    void convertsToClasses() throws SQLException {
        Instant i = Instant.parse("2024-01-31T10:00:00.5Z");
        assertEquals(i, Conversions.convert(i, Instant.class, "c"));
        assertEquals(OffsetDateTime.parse("2024-01-31T10:00:00.5Z"), Conversions.convert(i, OffsetDateTime.class, "c"));
        assertEquals(ZonedDateTime.parse("2024-01-31T10:00:00.5Z"), Conversions.convert(i, ZonedDateTime.class, "c"));
        assertEquals(LocalDateTime.parse("2024-01-31T10:00:00.5"), Conversions.convert(i, LocalDateTime.class, "c"));
        assertEquals(LocalDate.parse("2024-01-31"), Conversions.convert(i, LocalDate.class, "c"));
        assertEquals(LocalTime.parse("10:00:00.5"), Conversions.convert(i, LocalTime.class, "c"));
        assertEquals(OffsetTime.parse("10:00:00.5Z"), Conversions.convert(i, OffsetTime.class, "c"));
        assertEquals(Timestamp.from(i), Conversions.convert(i, Timestamp.class, "c"));
        assertEquals(Timestamp.from(i), Conversions.convert(i, java.util.Date.class, "c"));
        assertEquals(java.sql.Date.valueOf("2024-01-31"), Conversions.convert(i, java.sql.Date.class, "c"));
        assertEquals(Time.valueOf("10:00:00").getTime() + 500, Conversions.convert(i, Time.class, "c").getTime());
        assertEquals(i.toEpochMilli(), Conversions.convert(i, Calendar.class, "c").getTimeInMillis());
        assertEquals(OffsetDateTime.parse("2024-01-31T10:00+02:00"),
                Conversions.convert("2024-01-31T10:00+02:00", OffsetDateTime.class, "c"), "text keeps its offset");
        assertEquals(LocalDateTime.parse("2024-01-31T10:00"), Conversions.convert("2024-01-31T10:00", LocalDateTime.class,
                "c"));

        assertEquals(42L, Conversions.convert(42L, Long.class, "c"));
        assertEquals(42L, Conversions.convert(42L, long.class, "c"));
        assertEquals(42, Conversions.convert(42L, Integer.class, "c"));
        assertEquals(42, Conversions.convert(42L, int.class, "c"));
        assertEquals((short) 42, Conversions.convert(42L, Short.class, "c"));
        assertEquals((byte) 42, Conversions.convert(42L, Byte.class, "c"));
        assertEquals(42.0, Conversions.convert(42L, Double.class, "c"));
        assertEquals(42.0f, Conversions.convert(42L, Float.class, "c"));
        assertEquals(new BigDecimal("42"), Conversions.convert(42L, BigDecimal.class, "c"));
        assertEquals(BigInteger.valueOf(42), Conversions.convert(42.7, BigInteger.class, "c"));
        assertEquals(true, Conversions.convert(1L, Boolean.class, "c"));
        assertEquals(42L, Conversions.convert(42L, Number.class, "c"));
        assertEquals(new BigDecimal("4.2"), Conversions.convert("4.2", Number.class, "c"));
        assertEquals("42", Conversions.convert(42L, String.class, "c"));
        assertEquals('x', Conversions.convert("x", Character.class, "c"));
        assertArrayEquals(new byte[] {1}, Conversions.convert(new byte[] {1}, byte[].class, "c"));
        fails("22003", () -> Conversions.convert(1L << 40, Integer.class, "c"));

        assertEquals(Duration.ofMinutes(90), Conversions.convert(Duration.ofMinutes(90), Duration.class, "c"));
        assertEquals(Duration.ofMinutes(90), Conversions.convert("1h30m", Duration.class, "c"));
        assertEquals(Duration.ofMinutes(90), Conversions.convert("PT1H30M", Duration.class, "c"));
        fails("22018", () -> Conversions.convert("soon", Duration.class, "c"));
        UUID u = UUID.randomUUID();
        assertEquals(u, Conversions.convert(u, UUID.class, "c"));
        assertEquals(u, Conversions.convert(u.toString(), UUID.class, "c"));
        fails("22018", () -> Conversions.convert("not-a-uuid", UUID.class, "c"));
        RecordId r = new RecordId("person", "tobie");
        assertEquals(r, Conversions.convert(r, RecordId.class, "c"));
        assertEquals(r, Conversions.convert("person:tobie", RecordId.class, "c"));
        fails("22018", () -> Conversions.convert("no id here", RecordId.class, "c"));
        assertEquals(new Table("person"), Conversions.convert("person", Table.class, "c"));
        Map<String, Object> geo = Map.of("type", "Point", "coordinates", List.of(1.0, 2.0));
        assertEquals(new GeometryPoint(1, 2), Conversions.convert(geo, GeometryPoint.class, "c"));
        assertEquals(new GeometryPoint(1, 2), Conversions.convert(geo, dev.surrealj.value.Geometry.class, "c"));
        fails("22018", () -> Conversions.convert(Map.of("type", "Nope"), GeometryPoint.class, "c"));

        Map<String, Object> m = Map.of("a", 1L);
        assertEquals(m, Conversions.convert(m, Map.class, "c"));
        List<Object> l = List.of(1L, 2L);
        assertEquals(l, Conversions.convert(l, List.class, "c"));
        assertEquals(List.of(1L, 2L), Conversions.convert(SurrealSet.of(1L, 2L), List.class, "c"));
        assertEquals(SurrealSet.of(1L, 2L), Conversions.convert(l, SurrealSet.class, "c"));
        assertEquals(SurrealSet.of(1L, 2L), Conversions.convert(SurrealSet.of(1L, 2L), java.util.Set.class, "c"));
        assertEquals(Thread.State.NEW, Conversions.convert("NEW", Thread.State.class, "c"));
        fails("22018", () -> Conversions.convert("OLD", Thread.State.class, "c"));
        SQLException e = fails("22018", () -> Conversions.convert(m, UUID.class, "meta"));
        assertTrue(e.getMessage().contains("meta") && e.getMessage().contains("UUID"), e.getMessage());
        fails("22018", () -> Conversions.convert(1L, java.net.URL.class, "c"));
    }

    @Test
    void listsOfArrays() {
        assertEquals(List.of(1, 2), Conversions.toList(new int[] {1, 2}));
        assertEquals(List.of("a"), Conversions.toList(new String[] {"a"}));
        assertEquals(null, Conversions.toList(new byte[] {1}));
        assertEquals(null, Conversions.toList("a"));
    }
}

package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.ConversionsReadTest.fails;
import static dev.surrealj.jdbc.ResultSetLayoutTest.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealSet;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ResultSet;
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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every getter, on a row holding every SurrealDB value type. */
class ResultSetGettersTest {
    static final Instant WHEN = Instant.parse("2024-01-31T10:15:30.123456789Z");
    static final UUID UID = UUID.fromString("0190d3c4-8a2b-7c3d-9e4f-001122334455");
    static final RecordId TOBIE = new RecordId("person", "tobie");

    private static ResultSet rs() throws SQLException {
        Map<String, Object> r = row(
                "id", TOBIE,
                "i", 42L,
                "big", 1L << 40,
                "f", 2.5,
                "d", new BigDecimal("12.345"),
                "s", "hello",
                "num", "17",
                "b", true,
                "dt", WHEN,
                "dur", Duration.ofMinutes(90),
                "u", UID,
                "bytes", new byte[] {1, 2, 3},
                "arr", List.of("a", "b"),
                "obj", row("k", 1L, "when", WHEN),
                "geo", new GeometryPoint(-0.1, 51.5),
                "set", SurrealSet.of(1L, 2L),
                "nul", null,
                "none", None.NONE);
        ResultSet rs = SurrealResultSet.of(null, List.of(r), null);
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void getObjectReturnsNaturalValues() throws SQLException {
        ResultSet rs = rs();
        assertEquals(TOBIE, rs.getObject("id"));
        assertEquals(42L, rs.getObject("i"));
        assertEquals(2.5, rs.getObject("f"));
        assertEquals(new BigDecimal("12.345"), rs.getObject("d"));
        assertEquals("hello", rs.getObject("s"));
        assertEquals(true, rs.getObject("b"));
        assertEquals(WHEN, rs.getObject("dt"));
        assertEquals(Duration.ofMinutes(90), rs.getObject("dur"));
        assertEquals(UID, rs.getObject("u"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rs.getObject("bytes"));
        assertEquals(List.of("a", "b"), rs.getObject("arr"));
        assertEquals(row("k", 1L, "when", WHEN), rs.getObject("obj"));
        assertEquals(new GeometryPoint(-0.1, 51.5), rs.getObject("geo"));
        assertEquals(SurrealSet.of(1L, 2L), rs.getObject("set"));
        assertEquals(42L, rs.getObject(2, Collections.emptyMap()));
        assertEquals(42L, rs.getObject("i", new HashMap<>()));
    }

    @Test
    void getString() throws SQLException {
        ResultSet rs = rs();
        assertEquals("person:tobie", rs.getString("id"));
        assertEquals("42", rs.getString("i"));
        assertEquals("2.5", rs.getString("f"));
        assertEquals("12.345", rs.getString("d"));
        assertEquals("hello", rs.getString("s"));
        assertEquals("true", rs.getString("b"));
        assertEquals("2024-01-31T10:15:30.123456789Z", rs.getString("dt"));
        assertEquals("1h30m", rs.getString("dur"));
        assertEquals(UID.toString(), rs.getString("u"));
        assertEquals("AQID", rs.getString("bytes"));
        assertEquals("[\"a\",\"b\"]", rs.getString("arr"));
        assertEquals("{\"k\":1,\"when\":\"2024-01-31T10:15:30.123456789Z\"}", rs.getString("obj"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[-0.1,51.5]}", rs.getString("geo"));
        assertEquals("[1,2]", rs.getString("set"));
        assertEquals("hello", rs.getNString("s"));
    }

    @Test
    void numbers() throws SQLException {
        ResultSet rs = rs();
        assertEquals(42, rs.getInt("i"));
        assertEquals(42L, rs.getLong("i"));
        assertEquals((short) 42, rs.getShort("i"));
        assertEquals((byte) 42, rs.getByte("i"));
        assertEquals(42.0, rs.getDouble("i"));
        assertEquals(42.0f, rs.getFloat("i"));
        assertEquals(new BigDecimal(42), rs.getBigDecimal("i"));
        assertEquals(2, rs.getInt("f"));
        assertEquals(2.5f, rs.getFloat("f"));
        assertEquals(12, rs.getInt("d"));
        assertEquals(12.345, rs.getDouble("d"));
        assertEquals(17, rs.getInt("num"), "numeric text is parsed");
        assertEquals(1, rs.getInt("b"));
        assertEquals(1L << 40, rs.getLong("big"));
        fails("22003", () -> rs.getInt("big"));
        fails("22003", () -> rs.getByte("big"));
        fails("22003", () -> rs.getShort("big"));
        SQLException e = fails("22018", () -> rs.getInt("s"));
        assertTrue(e.getMessage().contains("'s'") && e.getMessage().contains("string"), e.getMessage());
        fails("22018", () -> rs.getLong("dt"));
        fails("22018", () -> rs.getDouble("obj"));
        fails("22018", () -> rs.getBigDecimal("arr"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void bigDecimalWithScale() throws SQLException {
        ResultSet rs = rs();
        assertEquals(new BigDecimal("12.35"), rs.getBigDecimal("d", 2));
        assertEquals(new BigDecimal("12.35"), rs.getBigDecimal(5, 2));
        assertEquals(new BigDecimal("42.0"), rs.getBigDecimal("i", 1));
        assertNull(rs.getBigDecimal("nul", 2));
    }

    @Test
    void booleans() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, List.of(row("t", true, "one", 1L, "zero", 0L, "s", "false",
                "two", 2L, "x", "x")), null);
        assertTrue(rs.next());
        assertTrue(rs.getBoolean("t"));
        assertTrue(rs.getBoolean("one"));
        assertFalse(rs.getBoolean("zero"));
        assertFalse(rs.getBoolean("s"));
        fails("22018", () -> rs.getBoolean("two"));
        fails("22018", () -> rs.getBoolean("x"));
    }

    @Test
    void dateTimes() throws SQLException {
        ResultSet rs = rs();
        Timestamp ts = rs.getTimestamp("dt");
        assertEquals(WHEN, ts.toInstant());
        assertEquals(123456789, ts.getNanos());
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        assertEquals(ts, rs.getTimestamp("dt", tokyo));
        assertEquals(java.sql.Date.valueOf("2024-01-31"), rs.getDate("dt"));
        assertEquals(LocalDate.of(2024, 1, 31).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli(),
                rs.getDate("dt", tokyo).getTime(), "10:15Z is still the 31st in Tokyo");
        Calendar la = Calendar.getInstance(TimeZone.getTimeZone("America/Los_Angeles"));
        assertEquals(LocalDate.of(2024, 1, 31).atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant()
                .toEpochMilli(), rs.getDate("dt", la).getTime());
        Time t = rs.getTime("dt");
        assertEquals(LocalTime.of(10, 15, 30), t.toLocalTime());
        assertEquals(LocalTime.of(19, 15, 30, 123_000_000).atDate(LocalDate.EPOCH).atZone(ZoneId.of("Asia/Tokyo"))
                .toInstant().toEpochMilli(), rs.getTime("dt", tokyo).getTime());
        assertEquals(WHEN, rs.getObject("dt", Instant.class));
        assertEquals(OffsetDateTime.ofInstant(WHEN, ZoneId.of("Z")), rs.getObject("dt", OffsetDateTime.class));
        assertEquals(ZonedDateTime.ofInstant(WHEN, ZoneId.of("Z")), rs.getObject("dt", ZonedDateTime.class));
        assertEquals(LocalDateTime.parse("2024-01-31T10:15:30.123456789"), rs.getObject("dt", LocalDateTime.class));
        assertEquals(LocalDate.parse("2024-01-31"), rs.getObject("dt", LocalDate.class));
        assertEquals(LocalTime.parse("10:15:30.123456789"), rs.getObject("dt", LocalTime.class));
        assertEquals(ts, rs.getObject("dt", Timestamp.class));
        assertEquals(java.sql.Date.valueOf("2024-01-31"), rs.getObject("dt", java.sql.Date.class));
        assertEquals(t, rs.getObject("dt", Time.class));
        fails("22018", () -> rs.getTimestamp("i"));
        fails("22007", () -> rs.getDate("s"));
    }

    @Test
    void getObjectWithClass() throws SQLException {
        ResultSet rs = rs();
        assertEquals(Duration.ofMinutes(90), rs.getObject("dur", Duration.class));
        assertEquals(UID, rs.getObject("u", UUID.class));
        assertEquals(TOBIE, rs.getObject("id", RecordId.class));
        assertEquals("person:tobie", rs.getObject("id", String.class));
        assertEquals(row("k", 1L, "when", WHEN), rs.getObject("obj", Map.class));
        assertEquals(List.of("a", "b"), rs.getObject("arr", List.class));
        assertEquals(42L, rs.getObject("i", Long.class));
        assertEquals(42, rs.getObject("i", Integer.class));
        assertEquals(42.0, rs.getObject("i", Double.class));
        assertEquals(new BigDecimal("12.345"), rs.getObject("d", BigDecimal.class));
        assertEquals(true, rs.getObject("b", Boolean.class));
        assertArrayEquals(new byte[] {1, 2, 3}, rs.getObject("bytes", byte[].class));
        assertEquals(new GeometryPoint(-0.1, 51.5), rs.getObject("geo", GeometryPoint.class));
        assertSame(rs.getObject("obj"), rs.getObject("obj", Object.class));
        assertEquals(Arrays.asList("a", "b"), Arrays.asList((Object[]) rs.getObject("arr", Array.class).getArray()));
        assertEquals(3, rs.getObject("bytes", Blob.class).length());
        assertEquals("hello", rs.getObject("s", Clob.class).getSubString(1, 5));
        assertEquals("hello", rs.getObject("s", NClob.class).getSubString(1, 5));
        assertNull(rs.getObject("nul", Integer.class));
        assertNull(rs.getObject("none", String.class));
        fails("22018", () -> rs.getObject("obj", UUID.class));
        fails("22023", () -> rs.getObject("i", (Class<?>) null));
    }

    @Test
    void everyGetterSetsWasNull() throws SQLException {
        ResultSet rs = rs();
        for (String col : List.of("nul", "none")) {
            List<Executable> getters = List.of(
                    () -> assertNull(rs.getObject(col)),
                    () -> assertNull(rs.getObject(col, String.class)),
                    () -> assertNull(rs.getString(col)),
                    () -> assertNull(rs.getNString(col)),
                    () -> assertFalse(rs.getBoolean(col)),
                    () -> assertEquals(0, rs.getByte(col)),
                    () -> assertEquals(0, rs.getShort(col)),
                    () -> assertEquals(0, rs.getInt(col)),
                    () -> assertEquals(0L, rs.getLong(col)),
                    () -> assertEquals(0f, rs.getFloat(col)),
                    () -> assertEquals(0d, rs.getDouble(col)),
                    () -> assertNull(rs.getBigDecimal(col)),
                    () -> assertNull(rs.getBytes(col)),
                    () -> assertNull(rs.getDate(col)),
                    () -> assertNull(rs.getDate(col, Calendar.getInstance())),
                    () -> assertNull(rs.getTime(col)),
                    () -> assertNull(rs.getTime(col, Calendar.getInstance())),
                    () -> assertNull(rs.getTimestamp(col)),
                    () -> assertNull(rs.getTimestamp(col, Calendar.getInstance())),
                    () -> assertNull(rs.getArray(col)),
                    () -> assertNull(rs.getAsciiStream(col)),
                    () -> assertNull(rs.getBinaryStream(col)),
                    () -> assertNull(rs.getCharacterStream(col)),
                    () -> assertNull(rs.getNCharacterStream(col)),
                    () -> assertNull(rs.getBlob(col)),
                    () -> assertNull(rs.getClob(col)),
                    () -> assertNull(rs.getNClob(col)));
            for (Executable g : getters) {
                rs.getObject("i");
                assertFalse(rs.wasNull());
                try {
                    g.execute();
                } catch (Throwable t) {
                    throw new AssertionError(t);
                }
                assertTrue(rs.wasNull(), "wasNull after a getter on " + col);
            }
        }
        rs.getString("s");
        assertFalse(rs.wasNull());
        rs.getInt("i");
        assertFalse(rs.wasNull());
    }

    @Test
    void arrays() throws SQLException {
        ResultSet rs = rs();
        Array a = rs.getArray("arr");
        assertEquals(Types.VARCHAR, a.getBaseType());
        assertEquals("string", a.getBaseTypeName());
        String[] values = (String[]) a.getArray();
        assertArrayEquals(new String[] {"a", "b"}, values);
        assertArrayEquals(new Object[] {"b"}, (Object[]) a.getArray(2, 1));
        try (ResultSet elements = a.getResultSet()) {
            assertTrue(elements.next());
            assertEquals(1, elements.getInt(1));
            assertEquals("a", elements.getString(2));
            assertEquals("INDEX", elements.getMetaData().getColumnLabel(1));
            assertEquals("VALUE", elements.getMetaData().getColumnLabel(2));
            assertEquals(Types.VARCHAR, elements.getMetaData().getColumnType(2));
            assertTrue(elements.next());
            assertEquals(2, elements.getObject(1));
            assertFalse(elements.next());
        }
        try (ResultSet tail = a.getResultSet(2, 1)) {
            assertTrue(tail.next());
            assertEquals(2, tail.getInt("INDEX"));
            assertEquals("b", tail.getString("VALUE"));
        }
        fails(SurrealArray.ARRAY_ELEMENT_ERROR, () -> a.getArray(2, 2));
        fails(SurrealArray.ARRAY_ELEMENT_ERROR, () -> a.getArray(0, 1));
        assertEquals("[\"a\",\"b\"]", a.toString());
        a.free();
        fails("HY000", a::getArray);

        Array set = rs.getArray("set");
        assertEquals(Types.BIGINT, set.getBaseType());
        assertArrayEquals(new Long[] {1L, 2L}, (Long[]) set.getArray());
        fails("22018", () -> rs.getArray("s"));

        Array nums = SurrealArray.of(List.of(1L, 2.5), null);
        assertEquals(Types.NUMERIC, nums.getBaseType());
        assertEquals("number", nums.getBaseTypeName());
        try (ResultSet e = nums.getResultSet()) {
            assertEquals("java.lang.Number", e.getMetaData().getColumnClassName(2));
            assertTrue(e.next());
            assertEquals(1L, e.getObject(2), "numbers keep their class");
            assertTrue(e.next());
            assertEquals(2.5, e.getObject(2));
        }

        ResultSet mixed = SurrealResultSet.of(null, List.of(row("m", Arrays.asList(1L, "x", None.NONE))), null);
        assertTrue(mixed.next());
        Array m = mixed.getArray(1);
        assertEquals(Types.OTHER, m.getBaseType());
        assertEquals("any", m.getBaseTypeName());
        assertArrayEquals(new Object[] {1L, "x", null}, (Object[]) m.getArray());
    }

    @Test
    void createdArrays() throws SQLException {
        Array a = SurrealArray.of("varchar", new Object[] {"x", null});
        assertEquals(Types.VARCHAR, a.getBaseType());
        assertEquals("varchar", a.getBaseTypeName());
        assertArrayEquals(new String[] {"x", null}, (String[]) a.getArray());
        Array r = SurrealArray.of("record<person>", new Object[] {TOBIE});
        assertEquals(Types.OTHER, r.getBaseType());
        assertEquals("record<person>", r.getBaseTypeName());
        try (ResultSet rs = r.getResultSet()) {
            assertTrue(rs.next());
            assertEquals(TOBIE, rs.getObject("VALUE"));
        }
        Array any = SurrealArray.of(null, new Object[0]);
        assertEquals("any", any.getBaseTypeName());
        assertEquals(Types.OTHER, any.getBaseType());
        fails("22023", () -> SurrealArray.of("int", null));
    }

    @Test
    void arrayBaseTypeFromSchema() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, List.of(row("tags", List.of())),
                new ResultSetContext("t", Map.of("tags", "option<array<record<person>>>"), 0));
        assertTrue(rs.next());
        Array a = rs.getArray("tags");
        assertEquals("record<person>", a.getBaseTypeName());
        assertEquals(Types.OTHER, a.getBaseType());
        assertEquals(0, ((Object[]) a.getArray()).length);
    }

    @Test
    void streamsAndLobs() throws Exception {
        ResultSet rs = rs();
        try (InputStream in = rs.getBinaryStream("bytes")) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
        try (InputStream in = rs.getAsciiStream("s")) {
            assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        try (Reader r = rs.getCharacterStream("arr")) {
            char[] buf = new char[64];
            assertEquals("[\"a\",\"b\"]", new String(buf, 0, r.read(buf)));
        }
        @SuppressWarnings("deprecation")
        InputStream unicode = rs.getUnicodeStream("s");
        assertEquals("hello", new String(unicode.readAllBytes(), StandardCharsets.UTF_16BE));
        Blob blob = rs.getBlob("bytes");
        assertArrayEquals(new byte[] {2, 3}, blob.getBytes(2, 2));
        Clob clob = rs.getClob("s");
        assertEquals(5, clob.length());
        assertEquals("ell", clob.getSubString(2, 3));
        NClob nclob = rs.getNClob("s");
        assertEquals("hello", nclob.getSubString(1, 5));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), rs.getBytes("s"));
        fails("22018", () -> rs.getBytes("i"));
        fails("22018", () -> rs.getBlob("obj"));
    }

    @Test
    void unsupportedGetters() throws SQLException {
        ResultSet rs = rs();
        fails("0A000", () -> rs.getURL("s"));
        fails("0A000", () -> rs.getURL(1));
        fails("0A000", () -> rs.getRowId("id"));
        fails("0A000", () -> rs.getRef("id"));
        fails("0A000", () -> rs.getSQLXML("s"));
        fails("0A000", rs::getCursorName);
    }

    @Test
    void columnIndexesAreChecked() throws SQLException {
        ResultSet rs = rs();
        fails("22023", () -> rs.getObject(0));
        fails("22023", () -> rs.getString(99));
        fails("22023", () -> rs.getURL(99));
        assertInstanceOf(String.class, rs.getString(1));
    }
}

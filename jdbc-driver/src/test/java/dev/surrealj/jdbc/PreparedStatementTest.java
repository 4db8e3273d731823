package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class PreparedStatementTest {
    private static Connection conn;

    @BeforeAll
    static void open(SurrealTestDb db) throws SQLException {
        conn = connect(db);
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
    }

    /** Binds one value with {@code setter}, stores it in a record and returns what the server kept. */
    private static Object roundTrip(Binder setter) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("RETURN { v: ? }")) {
            setter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject("v");
            }
        }
    }

    private static URL url(String s) {
        try {
            return new URL(s);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @Test
    void everySetter() throws Exception {
        assertEquals(true, roundTrip(ps -> ps.setBoolean(1, true)));
        assertEquals(7L, roundTrip(ps -> ps.setByte(1, (byte) 7)));
        assertEquals(-300L, roundTrip(ps -> ps.setShort(1, (short) -300)));
        assertEquals(123456L, roundTrip(ps -> ps.setInt(1, 123456)));
        assertEquals(Long.MAX_VALUE, roundTrip(ps -> ps.setLong(1, Long.MAX_VALUE)));
        assertEquals(0.1, roundTrip(ps -> ps.setFloat(1, 0.1f)));
        assertEquals(2.5, roundTrip(ps -> ps.setDouble(1, 2.5)));
        assertEquals(0, new BigDecimal("12345678901234567890.123456789")
                .compareTo((BigDecimal) roundTrip(ps -> ps.setBigDecimal(1, new BigDecimal("12345678901234567890.123456789")))));
        assertEquals("héllo ✓", roundTrip(ps -> ps.setString(1, "héllo ✓")));
        assertEquals("nstr", roundTrip(ps -> ps.setNString(1, "nstr")));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(ps -> ps.setBytes(1, new byte[] {1, 2, 3})));
        assertEquals(Instant.parse("2024-01-31T00:00:00Z"), roundTrip(ps -> ps.setDate(1, Date.valueOf("2024-01-31"))));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        Date d = new Date(Instant.parse("2024-01-31T20:00:00Z").toEpochMilli()); // Feb 1st in Tokyo
        assertEquals(Instant.parse("2024-02-01T00:00:00Z"), roundTrip(ps -> ps.setDate(1, d, tokyo)));
        assertEquals("10:15:30", roundTrip(ps -> ps.setTime(1, Time.valueOf("10:15:30"))));
        Timestamp ts = Timestamp.from(Instant.parse("2024-01-31T10:15:30.123456789Z"));
        assertEquals(ts.toInstant(), roundTrip(ps -> ps.setTimestamp(1, ts)));
        assertEquals(ts.toInstant(), roundTrip(ps -> ps.setTimestamp(1, ts, tokyo)));
        assertEquals("ascii", roundTrip(ps -> ps.setAsciiStream(1, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)))));
        assertArrayEquals(new byte[] {9, 8}, (byte[]) roundTrip(ps -> ps.setBinaryStream(1, new ByteArrayInputStream(new byte[] {9, 8, 7}), 2)));
        assertEquals("chars", roundTrip(ps -> ps.setCharacterStream(1, new StringReader("chars"))));
        assertEquals("nch", roundTrip(ps -> ps.setNCharacterStream(1, new StringReader("nchars"), 3)));
        assertArrayEquals(new byte[] {5}, (byte[]) roundTrip(ps -> ps.setBlob(1, new javax.sql.rowset.serial.SerialBlob(new byte[] {5}))));
        assertEquals("clob", roundTrip(ps -> ps.setClob(1, new StringReader("clob"))));
        assertEquals("https://surrealdb.com/x", roundTrip(ps -> ps.setURL(1, url("https://surrealdb.com/x"))));
        assertEquals(List.of(1L, 2L), roundTrip(ps -> ps.setArray(1, conn.createArrayOf("int", new Object[] {1, 2}))));
        assertNull(roundTrip(ps -> ps.setNull(1, Types.VARCHAR)));
        assertNull(roundTrip(ps -> ps.setNull(1, Types.OTHER, "any")));
        assertEquals(42L, roundTrip(ps -> ps.setObject(1, "42", Types.INTEGER)));
        assertEquals(new BigDecimal("1.24"), roundTrip(ps -> ps.setObject(1, 1.235, Types.DECIMAL, 2)));
        assertEquals("x", roundTrip(ps -> ps.setObject(1, 'x', JDBCType.VARCHAR)));
        assertState("0A000", () -> roundTrip(ps -> ps.setRowId(1, null)));
        assertState("0A000", () -> roundTrip(ps -> ps.setRef(1, null)));
        assertState("0A000", () -> roundTrip(ps -> ps.setSQLXML(1, null)));
    }

    @Test
    void setObjectTypes() throws SQLException {
        UUID u = UUID.randomUUID();
        assertEquals(u, roundTrip(ps -> ps.setObject(1, u)));
        assertEquals(Duration.ofMinutes(90), roundTrip(ps -> ps.setObject(1, Duration.ofMinutes(90))));
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"),
                roundTrip(ps -> ps.setObject(1, OffsetDateTime.of(2024, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2)))));
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), roundTrip(ps -> ps.setObject(1, LocalDateTime.of(2024, 5, 1, 12, 0))));
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), roundTrip(ps -> ps.setObject(1, LocalDate.of(2024, 5, 1))));
        RecordId rid = new RecordId("person", "tobie");
        assertEquals(rid, roundTrip(ps -> ps.setObject(1, rid)));
        GeometryPoint p = new GeometryPoint(-0.118092, 51.509865);
        assertEquals(p, roundTrip(ps -> ps.setObject(1, p)));
        assertEquals(Map.of("a", 1L, "b", List.of("x", true)), roundTrip(ps -> ps.setObject(1, Map.of("a", 1, "b", List.of("x", true)))));
        assertEquals(List.of(1L, 2L, 3L), roundTrip(ps -> ps.setObject(1, new int[] {1, 2, 3})));
        assertNull(roundTrip(ps -> ps.setObject(1, None.NONE)));
        assertState("22023", () -> roundTrip(ps -> ps.setObject(1, new Object())));
    }

    @Test
    void largeNestedMapArrivesIntact() throws SQLException {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            big.put("k" + i, Map.of("i", i, "s", "v" + i, "l", List.of(i, i + 1)));
        }
        try (PreparedStatement ps = conn.prepareStatement("CREATE big:1 CONTENT { data: ? }")) {
            ps.setObject(1, big);
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT data FROM ONLY big:1")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                @SuppressWarnings("unchecked")
                Map<String, Object> back = (Map<String, Object>) rs.getObject(1);
                assertEquals(10_000, back.size());
                assertEquals(Map.of("i", 9_999L, "s", "v9999", "l", List.of(9_999L, 10_000L)), back.get("k9999"));
                assertEquals(Map.of("i", 0L, "s", "v0", "l", List.of(0L, 1L)), back.get("k0"));
            }
        }
    }

    @Test
    void injectionSafety() throws SQLException {
        String[] evil = {"a'b", "a\"b", "`x`", "'; DELETE inj; --", "$_jdbc_1", "$auth", "⟨x⟩", "\\", "x; REMOVE TABLE inj;",
            "?", "{d '2024-01-01'}"};
        try (PreparedStatement ps = conn.prepareStatement("CREATE inj SET v = ?, n = ?")) {
            for (int i = 0; i < evil.length; i++) {
                ps.setString(1, evil[i]);
                ps.setInt(2, i);
                assertEquals(1, ps.executeUpdate());
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT v, n FROM inj WHERE v = ? ORDER BY n")) {
            for (String s : evil) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), s);
                    assertEquals(s, rs.getString("v"));
                    assertFalse(rs.next());
                }
            }
        }
        assertEquals((long) evil.length, JdbcTestSupport.scalar(conn, "RETURN count(SELECT * FROM inj)"));
    }

    @Test
    void unsetParameter() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("RETURN {a: ?, b: ?, c: ?}")) {
            ps.setInt(1, 1);
            ps.setInt(3, 3);
            SQLException e = assertState("07001", ps::executeQuery);
            assertTrue(e.getMessage().contains("parameter 2"), e.getMessage());
            ps.setNull(2, Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1L, rs.getObject(1));
            }
            ps.clearParameters();
            assertState("07001", ps::execute);
            assertState("07009", () -> ps.setInt(4, 1));
            assertState("07009", () -> ps.setInt(0, 1));
        }
    }

    @Test
    void namedVariables() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("RETURN {a: ?, b: $name, c: $other}")) {
            SurrealPreparedStatement sps = ps.unwrap(SurrealPreparedStatement.class);
            assertEquals("RETURN {a: $_jdbc_1, b: $name, c: $other}", sps.getSurrealQL());
            ps.setInt(1, 1);
            sps.setVariable("name", "Ada");
            sps.setVariable("$other", List.of(1, 2));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(List.of(1L, "Ada", List.of(1L, 2L)), List.of(rs.getObject("a"), rs.getObject("b"), rs.getObject("c")));
            }
            sps.clearVariables();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertNull(rs.getObject("b"));
            }
            assertState("22023", () -> sps.setVariable("_jdbc_1", 5));
        }
    }

    @Test
    void metadata() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM meta WHERE a = ? AND b = ?")) {
            assertNull(ps.getMetaData());
            ParameterMetaData pm = ps.getParameterMetaData();
            assertEquals(2, pm.getParameterCount());
            assertEquals(Types.OTHER, pm.getParameterType(1));
            assertEquals(ParameterMetaData.parameterModeIn, pm.getParameterMode(2));
            assertState("07009", () -> pm.getParameterType(3));
        }
        try (PreparedStatement ps = conn.prepareStatement("RETURN {a: ?}")) {
            ps.setInt(1, 1);
            ps.execute();
            assertEquals("a", ps.getMetaData().getColumnLabel(1));
        }
    }

    @Test
    void statementTextMethodsAreRefused() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("RETURN 1")) {
            assertState("HY000", () -> ps.executeQuery("RETURN 2"));
            assertState("HY000", () -> ps.execute("RETURN 2"));
            assertState("HY000", () -> ps.addBatch("RETURN 2"));
        }
    }

    @Test
    void updateCountsAndKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pk (a) VALUES (?), (?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, 1);
            ps.setInt(2, 2);
            assertEquals(2, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertInstanceOf(RecordId.class, keys.getObject("id"));
                assertTrue(keys.next());
                assertFalse(keys.next());
            }
        }
    }
}

package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.RpcConfig;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.testing.SurrealServer;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.GeometryPolygon;
import dev.surrealj.value.RecordId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result sets over what the real engine (the dev server, SurrealDB 3.x) returns: records holding every
 * value type are created with SurrealQL literals, selected through the RPC client, and every getter
 * is checked against the values written.
 */
class ResultSetEngineTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant WHEN = Instant.parse("2024-01-31T10:15:30.123456789Z");
    private static final UUID UID = UUID.fromString("0190d3c4-8a2b-7c3d-9e4f-001122334455");
    private static SurrealClient client;

    @BeforeAll
    static void fixtures() {
        SurrealServer server = SurrealServer.shared();
        String ns = "rs_engine_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        RpcConfig.Builder admin = RpcConfig.builder().uri(server.wsUrl()).requestTimeout(Duration.ofSeconds(30));
        if (server.user() != null) {
            admin.credentials(Credentials.root(server.user(), server.password()));
        }
        try (SurrealClient c = SurrealClient.connect(admin.build())) {
            run(c, "DEFINE NAMESPACE IF NOT EXISTS " + ns + "; USE NS " + ns + "; DEFINE DATABASE IF NOT EXISTS test;");
        }
        client = SurrealClient.connect(admin.namespace(ns).database("test").build());
        run(client, """
                DEFINE TABLE person SCHEMAFULL;
                DEFINE FIELD name ON person TYPE string;
                DEFINE FIELD age ON person TYPE option<int>;
                DEFINE FIELD score ON person TYPE decimal DEFAULT 0dec;
                DEFINE FIELD born ON person TYPE option<datetime>;
                DEFINE FIELD tags ON person TYPE array<string> DEFAULT [];
                DEFINE FIELD friends ON person TYPE option<array<record<person>>>;
                DEFINE FIELD nick ON person TYPE option<string>;
                DEFINE FIELD kind ON person TYPE "admin" | "user" DEFAULT "user";
                CREATE person:tobie SET name = 'Tobie', age = 36, score = 9.5dec, born = d'1990-05-01T00:00:00Z',
                    tags = ['founder', 'rust'];
                CREATE person:jaime SET name = 'Jaime', friends = [person:tobie], kind = 'admin';
                CREATE thing:sample CONTENT {
                    i: 42,
                    big: 1099511627776,
                    f: 2.5f,
                    d: 12.345dec,
                    s: 'hello',
                    num: '17',
                    b: true,
                    dt: d'2024-01-31T10:15:30.123456789Z',
                    dur: 1h30m,
                    u: u'0190d3c4-8a2b-7c3d-9e4f-001122334455',
                    bytes: encoding::base64::decode('AQID'),
                    arr: ['a', 'b'],
                    obj: { k: 1, when: d'2024-01-31T10:15:30.123456789Z', list: [1, 'x'] },
                    link: person:tobie,
                    geo: (-0.1, 51.5),
                    poly: { type: 'Polygon', coordinates: [[[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]]] },
                    nul: NULL,
                    gone: NONE
                };
                CREATE thing:tail SET i = 7, extra = 'only here';
                """);
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static Object run(SurrealClient c, String sql) {
        List<QueryResult> results = c.query(sql).await();
        Object last = null;
        for (QueryResult r : results) {
            last = r.orThrow();
        }
        return last;
    }

    private static ResultSet select(String sql, ResultSetContext ctx) {
        return SurrealResultSet.of(null, run(client, sql), ctx);
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        return ResultSetLayoutTest.labels(rs);
    }

    @Test
    void everyValueType() throws Exception {
        ResultSet rs = select("SELECT * FROM thing ORDER BY id", null);
        List<String> labels = labels(rs);
        assertEquals("id", labels.get(0));
        assertTrue(labels.containsAll(List.of("i", "big", "f", "d", "s", "b", "dt", "dur", "u", "bytes", "arr",
                "obj", "link", "geo", "poly", "nul", "extra")), labels.toString());
        assertFalse(labels.contains("gone"), "a NONE field is not stored");

        assertTrue(rs.next());
        assertEquals(new RecordId("thing", "sample"), rs.getObject("id"));
        assertEquals("thing:sample", rs.getString("id"));

        assertEquals(42L, rs.getObject("i"));
        assertEquals(42, rs.getInt("i"));
        assertEquals((short) 42, rs.getShort("i"));
        assertEquals((byte) 42, rs.getByte("i"));
        assertEquals(42.0, rs.getDouble("i"));
        assertEquals("42", rs.getString("i"));
        assertEquals(1L << 40, rs.getLong("big"));
        SQLException overflow = assertThrows(SQLDataException.class, () -> rs.getInt("big"));
        assertEquals("22003", overflow.getSQLState());

        assertEquals(2.5, rs.getObject("f"));
        assertEquals(2.5f, rs.getFloat("f"));
        assertEquals(2, rs.getInt("f"));
        assertEquals(new BigDecimal("2.5"), rs.getBigDecimal("f"));

        assertEquals(new BigDecimal("12.345"), rs.getObject("d"));
        assertEquals(new BigDecimal("12.345"), rs.getBigDecimal("d"));
        assertEquals(12.345, rs.getDouble("d"));
        assertEquals("12.345", rs.getString("d"));

        assertEquals("hello", rs.getString("s"));
        assertEquals("hello", rs.getObject("s", String.class));
        SQLException notNumber = assertThrows(SQLDataException.class, () -> rs.getInt("s"));
        assertEquals("22018", notNumber.getSQLState());
        assertTrue(notNumber.getMessage().contains("'s'") && notNumber.getMessage().contains("string"));
        assertEquals(17, rs.getInt("num"));

        assertTrue(rs.getBoolean("b"));
        assertEquals(true, rs.getObject("b"));
        assertEquals(1, rs.getInt("b"));

        assertEquals(WHEN, rs.getObject("dt"));
        assertEquals("2024-01-31T10:15:30.123456789Z", rs.getString("dt"));
        Timestamp ts = rs.getTimestamp("dt");
        assertEquals(WHEN, ts.toInstant());
        assertEquals(123456789, ts.getNanos());
        assertEquals(java.sql.Date.valueOf("2024-01-31"), rs.getDate("dt"));
        assertEquals(LocalTime.of(10, 15, 30), rs.getTime("dt").toLocalTime());
        assertEquals(OffsetDateTime.ofInstant(WHEN, ZoneOffset.UTC), rs.getObject("dt", OffsetDateTime.class));
        assertEquals(LocalDateTime.ofInstant(WHEN, ZoneOffset.UTC), rs.getObject("dt", LocalDateTime.class));
        assertEquals(LocalDate.of(2024, 1, 31), rs.getObject("dt", LocalDate.class));
        assertEquals(WHEN, rs.getObject("dt", Instant.class));

        assertEquals(Duration.ofMinutes(90), rs.getObject("dur"));
        assertEquals(Duration.ofMinutes(90), rs.getObject("dur", Duration.class));
        assertEquals("1h30m", rs.getString("dur"));

        assertEquals(UID, rs.getObject("u"));
        assertEquals(UID, rs.getObject("u", UUID.class));
        assertEquals(UID.toString(), rs.getString("u"));

        assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("bytes"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rs.getObject("bytes"));
        assertEquals("AQID", rs.getString("bytes"));
        assertArrayEquals(new byte[] {1, 2, 3}, rs.getBinaryStream("bytes").readAllBytes());

        assertEquals(List.of("a", "b"), rs.getObject("arr"));
        assertEquals("[\"a\",\"b\"]", rs.getString("arr"));
        Array arr = rs.getArray("arr");
        assertEquals(Types.VARCHAR, arr.getBaseType());
        assertArrayEquals(new String[] {"a", "b"}, (String[]) arr.getArray());

        Map<String, Object> obj = new LinkedHashMap<>();
        obj.put("k", 1L);
        obj.put("list", List.of(1L, "x"));
        obj.put("when", WHEN);
        assertEquals(obj, rs.getObject("obj"));
        String json = rs.getString("obj");
        assertTrue(json.startsWith("{") && json.contains("\"k\":1") && json.contains("\"list\":[1,\"x\"]")
                && json.contains("\"when\":\"2024-01-31T10:15:30.123456789Z\""), json);

        assertEquals(new RecordId("person", "tobie"), rs.getObject("link"));
        assertEquals(new RecordId("person", "tobie"), rs.getObject("link", RecordId.class));
        assertEquals("person:tobie", rs.getString("link"));

        assertEquals(new GeometryPoint(-0.1, 51.5), rs.getObject("geo"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[-0.1,51.5]}", rs.getString("geo"));
        Object poly = rs.getObject("poly");
        assertInstanceOf(Geometry.class, poly, () -> "GeoJSON object stored as " + poly);
        assertInstanceOf(GeometryPolygon.class, poly);
        assertTrue(rs.getString("poly").startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],"),
                rs.getString("poly"));

        assertNull(rs.getObject("nul"));
        assertTrue(rs.wasNull());
        assertEquals(0, rs.getInt("nul"));
        assertTrue(rs.wasNull());
        assertNull(rs.getString("extra"), "key of the other row only");
        assertTrue(rs.wasNull());

        assertTrue(rs.next());
        assertEquals(new RecordId("thing", "tail"), rs.getObject(1));
        assertEquals(7, rs.getInt("i"));
        assertEquals("only here", rs.getString("extra"));
        assertNull(rs.getObject("dt"));
        assertTrue(rs.wasNull());
        assertFalse(rs.next());

        ResultSetMetaData md = rs.getMetaData();
        assertEquals(Types.OTHER, md.getColumnType(1));
        assertEquals("record<thing>", md.getColumnTypeName(1));
        assertTrue(md.isAutoIncrement(1));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        Map<String, Integer> expected = Map.ofEntries(Map.entry("i", Types.BIGINT), Map.entry("f", Types.DOUBLE),
                Map.entry("d", Types.DECIMAL), Map.entry("s", Types.VARCHAR), Map.entry("b", Types.BOOLEAN),
                Map.entry("dt", Types.TIMESTAMP_WITH_TIMEZONE), Map.entry("dur", Types.OTHER),
                Map.entry("u", Types.OTHER), Map.entry("bytes", Types.VARBINARY), Map.entry("arr", Types.ARRAY),
                Map.entry("obj", Types.OTHER), Map.entry("link", Types.OTHER), Map.entry("geo", Types.OTHER),
                Map.entry("nul", Types.NULL));
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), md.getColumnType(rs.findColumn(e.getKey())), e.getKey());
        }
        assertEquals("record<person>", md.getColumnTypeName(rs.findColumn("link")));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(rs.findColumn("dt")), "missing in thing:tail");
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(rs.findColumn("i")));
    }

    /** The field types as {@code INFO FOR TABLE} prints them, as the statement side reads them. */
    private static Map<String, String> schemaOf(String table) {
        Map<?, ?> info = (Map<?, ?>) run(client, "INFO FOR TABLE " + table);
        Map<?, ?> fields = (Map<?, ?>) info.get("fields");
        Pattern type = Pattern.compile(" TYPE (.+?)(?= DEFAULT | READONLY| VALUE | ASSERT | PERMISSIONS| COMMENT |"
                + " REFERENCE|$)");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            Matcher m = type.matcher(String.valueOf(e.getValue()));
            if (m.find()) {
                out.put(String.valueOf(e.getKey()), m.group(1));
            }
        }
        return out;
    }

    @Test
    void schemafullTableTypes() throws SQLException {
        Map<String, String> schema = schemaOf("person");
        // 3.x prints option<int> as "none | int"
        assertTrue(List.of("option<int>", "none | int").contains(schema.get("age")), schema.toString());
        ResultSet rs = select("SELECT * FROM person ORDER BY id", new ResultSetContext("person", schema, 0));
        ResultSetMetaData md = rs.getMetaData();
        assertEquals("id", md.getColumnLabel(1));
        int age = rs.findColumn("age");
        assertEquals(Types.BIGINT, md.getColumnType(age));
        assertEquals("int", md.getColumnTypeName(age));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(age));
        int name = rs.findColumn("name");
        assertEquals(Types.VARCHAR, md.getColumnType(name));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(name));
        assertTrue(md.isDefinitelyWritable(name));
        assertEquals("person", md.getTableName(name));
        int score = rs.findColumn("score");
        assertEquals(Types.DECIMAL, md.getColumnType(score));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(rs.findColumn("born")));
        assertEquals(Types.ARRAY, md.getColumnType(rs.findColumn("tags")));
        assertEquals("array<string>", md.getColumnTypeName(rs.findColumn("tags")));
        int friends = rs.findColumn("friends");
        assertEquals(Types.ARRAY, md.getColumnType(friends));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(friends));
        assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn("kind")), schema.get("kind"));

        assertTrue(rs.next()); // person:jaime
        assertEquals("Jaime", rs.getString("name"));
        assertEquals(0, rs.getInt("age"));
        assertTrue(rs.wasNull());
        assertEquals("admin", rs.getString("kind"));
        Array f = rs.getArray("friends");
        assertEquals("record<person>", f.getBaseTypeName());
        assertArrayEquals(new RecordId[] {new RecordId("person", "tobie")}, (RecordId[]) f.getArray());
        assertTrue(rs.next()); // person:tobie
        assertEquals(36, rs.getInt("age"));
        assertEquals(new BigDecimal("9.5"), rs.getBigDecimal("score"));
        assertEquals(LocalDate.of(1990, 5, 1), rs.getObject("born", LocalDate.class));
        assertEquals(List.of("founder", "rust"), rs.getObject("tags"));
        assertFalse(rs.next());

        ResultSet empty = select("SELECT * FROM person WHERE name = 'nobody'", new ResultSetContext("person",
                schema, 0));
        assertEquals("id", empty.getMetaData().getColumnLabel(1));
        assertTrue(labels(empty).containsAll(List.of("name", "age", "tags")), labels(empty).toString());
        assertFalse(empty.next());
    }

    @Test
    void scalarAndSingleResults() throws SQLException {
        ResultSet one = select("RETURN 1", null);
        assertEquals(List.of("value"), labels(one));
        assertTrue(one.next());
        assertEquals(1, one.getInt(1));
        assertFalse(one.next());

        ResultSet names = select("SELECT VALUE name FROM person ORDER BY name", null);
        assertEquals(List.of("value"), labels(names));
        assertTrue(names.next());
        assertEquals("Jaime", names.getString("value"));
        assertTrue(names.next());
        assertEquals("Tobie", names.getString(1));
        assertFalse(names.next());

        ResultSet only = select("SELECT * FROM ONLY person:tobie", null);
        assertTrue(only.next());
        assertEquals("Tobie", only.getString("name"));
        assertFalse(only.next());

        ResultSet missing = select("SELECT * FROM ONLY person:nobody", null);
        assertFalse(missing.next(), "NONE: no rows");

        ResultSet count = select("SELECT count() AS n FROM person GROUP ALL", null);
        assertEquals(List.of("n"), labels(count));
        assertTrue(count.next());
        assertEquals(2, count.getInt("n"));

        ResultSet limited = select("SELECT * FROM person", ResultSetContext.ofMaxRows(1));
        assertTrue(limited.next());
        assertFalse(limited.next());

        ResultSet projection = select("SELECT name, age ?? 0 AS age, string::uppercase(name) AS upper FROM person"
                + " ORDER BY name", null);
        // the engine sends object keys sorted, not in projection order
        assertEquals(List.of("age", "name", "upper"), labels(projection));
        assertTrue(projection.next());
        assertEquals("JAIME", projection.getString("upper"));
        assertEquals(0, projection.getInt("age"));
        assertFalse(projection.wasNull());
    }
}

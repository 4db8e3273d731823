package dev.surrealj.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.SurrealPreparedStatement;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealQL;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bound values made of every SurrealQL metacharacter are stored verbatim (no injection), and
 * identifiers and record keys that need quoting survive a write/read round trip.
 */
@Order(15)
@Tag("reliability")
@ExtendWith(SurrealExtension.class)
class InjectionAndIdentifiersTest {
    static final Report REPORT = Report.of(InjectionAndIdentifiersTest.class,
            "Bad input: injection and awkward identifiers",
            "Strings made of every SurrealQL metacharacter and classic injection payloads (quotes of all kinds, "
                    + "`⟨⟩`, comments, `;`, `$params` including the driver's own `$_jdbc_n`, `?`, string prefixes "
                    + "`r\"\" u'' d'' s''`, casts, NUL, line separators, emoji, 100 KB strings) are bound as values, "
                    + "record keys, object keys and function arguments through every statement shape (prepared, "
                    + "rewritten batch, named variable, `{call}`), and tables, fields and record keys that need "
                    + "quoting (backticks, `⟨⟩`, unicode, digits first, keywords, spaces) are written and read "
                    + "back. Proves: every value comes back verbatim, queries filtering on it find exactly its "
                    + "record, a canary table is untouched and no extra record or table appears (no injection), "
                    + "and every identifier and key survives the round trip (also through `RecordId.toString()` "
                    + "pasted into SurrealQL).");

    private static String url;

    @BeforeAll
    static void setUp(SurrealTestDb db) throws SQLException {
        url = Support.url(db.server(), db.namespace(), db.database());
        db.sql("DEFINE TABLE victim SCHEMALESS; CREATE victim:canary SET alive = true;"
                + "DEFINE TABLE inj SCHEMALESS; DEFINE TABLE injk SCHEMALESS; DEFINE TABLE injm SCHEMALESS;"
                + "DEFINE TABLE injb SCHEMALESS; DEFINE TABLE injv SCHEMALESS;"
                + "DEFINE FUNCTION fn::echo($x: any) { RETURN $x; };");
    }

    @AfterAll
    static void report() {
        REPORT.write();
    }

    /** Every SurrealQL metacharacter, alone and in injection payloads. */
    static List<String> payloads() {
        List<String> p = new ArrayList<>(List.of("'", "\"", "`", "⟨", "⟩", "⟨⟩", ";", "--", "/*", "*/", "#", "//",
                "$", "$x", "$auth", "$_jdbc_1", "$_jdbc_2", "?", "??", "?:", "?.", "\\", "\\'", "\\\"", "\\`", "\\\\",
                "{", "}", "[", "]", "(", ")", ":", "::", "->", "<-", "<->", "@", "|", "||", "&&", "+=", "-=", "=",
                "!", "..", ",", "r\"x\"", "u'0190c6b7-2b4e-7000-8000-000000000000'", "d'2020-01-01T00:00:00Z'",
                "s'x'", "b\"00ff\"", "<future> { 1 }", "<string> 1", "fn::echo(1)", "person:tobie", "NONE", "NULL",
                "true", "0x1f", "1e9", "-0", "\n", "\r\n", "\t", "\u0000", "\u2028\u2029", "\u202e", "😀", "日本語",
                "ä", "", " ",
                "'; DELETE victim; --", "\"; REMOVE TABLE victim; --", "`; DEFINE TABLE pwned; --",
                "⟩; DELETE victim; ⟨", "$_jdbc_1; DELETE victim", "?; DELETE victim", "' OR 1=1 --",
                "}; DELETE victim; {", "*/ DELETE victim; /*", "-- c\nDELETE victim", "# c\nDELETE victim",
                "SLEEP 10s", "RETURN 1; DELETE victim", "${x}", "%s%n", "{{x}}", "'),(DELETE victim);--",
                "\\'; DELETE victim; --", "`) ; CREATE pwned:1; --"));
        p.add(String.join("", p));
        p.add("x".repeat(100_000) + "'; DELETE victim; --");
        return p;
    }

    private static void assertNoInjection(Connection c, long expectedInj) throws SQLException {
        assertEquals(true, Support.scalar(c, "SELECT VALUE alive FROM ONLY victim:canary"), "canary gone");
        assertEquals(1L, Support.scalar(c, "RETURN count(SELECT * FROM victim)"));
        Object tables = Support.scalar(c, "RETURN object::keys((INFO FOR DB).tables)");
        assertTrue(!String.valueOf(tables).contains("pwned"), "a table was created: " + tables);
        assertEquals(expectedInj, Support.scalar(c, "RETURN count(SELECT * FROM inj)"));
    }

    @Test
    void metacharactersInBoundValuesAreStoredVerbatim() throws SQLException {
        List<String> values = payloads();
        long roundTrips = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            try (PreparedStatement create = c.prepareStatement(
                    "CREATE ? SET v = ?, note = 'what? -- not a ? placeholder', c = \"and ?\" /* ? */");
                 PreparedStatement read = c.prepareStatement("SELECT VALUE v FROM ONLY ? -- ?");
                 PreparedStatement find = c.prepareStatement("SELECT VALUE id FROM inj WHERE v = ? ORDER BY id");
                 PreparedStatement asKey = c.prepareStatement("CREATE ? SET n = ?");
                 PreparedStatement readKey = c.prepareStatement("SELECT id, n FROM ONLY ?");
                 PreparedStatement asMap = c.prepareStatement("CREATE ? CONTENT ?");
                 PreparedStatement readMap = c.prepareStatement("SELECT m FROM ONLY ?");
                 CallableStatement echo = c.prepareCall("{? = call fn::echo(?)}")) {
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    RecordId id = new RecordId("inj", (long) i);
                    create.setObject(1, id);
                    create.setString(2, v);
                    assertEquals(1, create.executeUpdate(), "create " + i);
                    read.setObject(1, id);
                    try (ResultSet rs = read.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(v, rs.getString(1), "value " + i + " read back");
                    }
                    find.setString(1, v);
                    try (ResultSet rs = find.executeQuery()) {
                        assertTrue(rs.next(), "WHERE v = ? found nothing for value " + i);
                        assertEquals(id, rs.getObject(1), "WHERE v = ? for value " + i);
                        assertTrue(!rs.next(), "WHERE v = ? found more than one record for value " + i);
                    }
                    // the value as a record key
                    RecordId key = new RecordId("injk", v);
                    asKey.setObject(1, key);
                    asKey.setInt(2, i);
                    assertEquals(1, asKey.executeUpdate(), "key " + i);
                    readKey.setObject(1, key);
                    try (ResultSet rs = readKey.executeQuery()) {
                        assertTrue(rs.next(), "record with key " + i);
                        assertEquals(key, rs.getObject("id"));
                        assertEquals(i, rs.getInt("n"));
                    }
                    // the value as an object key and value
                    RecordId mid = new RecordId("injm", (long) i);
                    Map<String, String> m = Map.of(v.isEmpty() ? "empty" : v, v);
                    asMap.setObject(1, mid);
                    asMap.setObject(2, Map.of("m", m));
                    readMap.setObject(1, mid);
                    assertEquals(1, asMap.executeUpdate());
                    try (ResultSet rs = readMap.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(m, rs.getObject("m"), "map " + i);
                    }
                    // a function argument
                    echo.registerOutParameter(1, java.sql.Types.VARCHAR);
                    echo.setString(2, v);
                    echo.execute();
                    assertEquals(v, echo.getString(1), "fn::echo of value " + i);
                    roundTrips += 5;
                }
            }
            // a named variable, and a rewritten batch
            try (PreparedStatement named = c.prepareStatement("CREATE ? SET v = $payload")) {
                SurrealPreparedStatement sp = named.unwrap(SurrealPreparedStatement.class);
                for (int i = 0; i < values.size(); i++) {
                    named.setObject(1, new RecordId("injv", (long) i));
                    sp.setVariable("payload", values.get(i));
                    assertEquals(1, named.executeUpdate());
                }
            }
            try (PreparedStatement batch = c.prepareStatement("INSERT INTO injb (k, v) VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    batch.setInt(1, i);
                    batch.setString(2, values.get(i));
                    batch.addBatch();
                }
                int[] counts = batch.executeBatch();
                assertEquals(values.size(), counts.length);
            }
            for (String table : List.of("injv", "injb")) {
                Map<Long, String> back = new LinkedHashMap<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery(table.equals("injv")
                             ? "SELECT record::id(id) AS k, v FROM injv" : "SELECT k, v FROM injb")) {
                    while (rs.next()) {
                        back.put(rs.getLong("k"), rs.getString("v"));
                    }
                }
                assertEquals(values.size(), back.size(), table);
                for (int i = 0; i < values.size(); i++) {
                    assertEquals(values.get(i), back.get((long) i), table + " value " + i);
                }
                roundTrips += values.size();
            }
            assertNoInjection(c, values.size());
        }
        REPORT.set("metacharacter payloads", values.size() + " (the longest " + values.get(values.size() - 1).length()
                + " characters)");
        REPORT.set("statement shapes", "prepared CREATE/SELECT/WHERE, record key, object key, {? = call}, "
                + "named $variable, rewritten INSERT batch");
        REPORT.count("verbatim round trips", roundTrips);
        REPORT.set("canary record / unexpected tables / unexpected records", "intact / none / none");
    }

    /** Tables and fields that need quoting; record keys of every kind. */
    @Test
    void awkwardIdentifiersAndRecordKeysSurviveARoundTrip() throws SQLException {
        List<String> tables = List.of("plain", "7days", "123", "with space", "back`tick", "back\\slash",
                "angle⟩close", "angle⟨open", "日本語", "naïve", "select", "FROM", "a-b", "emoji😀", "dollar$",
                "semi;colon", "quote'single", "dq\"double", "_", "x".repeat(200));
        List<Object> keys = new ArrayList<>(List.of("abc", "7abc", "123", "-5", 123L, -5L, 0L, Long.MAX_VALUE,
                Long.MIN_VALUE, "with space", "back`tick", "⟨angle⟩", "⟩", "日本", "😀", "a:b", "a.b",
                "'quoted'", "\"dq\"", UUID.fromString("0190c6b7-2b4e-7000-8000-000000000001")));
        keys.add(List.of(1L, "a", List.of("nested`")));
        keys.add(Map.of("k", "v⟩", "n", 1L));
        List<String> fields = List.of("with space", "back`tick", "7up", "日本", "$dollar", "select", "a-b", "⟨x⟩");
        int checked = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (String t : tables) {
                String ident = SurrealQL.ident(t);
                Support.exec(c, "DEFINE TABLE " + ident + " SCHEMALESS");
                // 1. an escaped table name in SurrealQL text
                try (PreparedStatement ps = c.prepareStatement("CREATE " + ident + ":first SET v = ?")) {
                    ps.setString(1, t);
                    assertEquals(1, ps.executeUpdate(), "create in " + t);
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + ident)) {
                    assertTrue(rs.next(), t);
                    assertEquals(new RecordId(t, "first"), rs.getObject("id"), "id in " + t);
                    assertEquals(t, rs.getString("v"));
                    assertEquals(t, rs.getMetaData().getTableName(1), "getTableName of " + t);
                }
                checked++;
                // 2. every kind of key, bound as a RecordId, read back bound and through toString() in SurrealQL
                for (Object key : keys) {
                    RecordId id = new RecordId(t, key);
                    try (PreparedStatement ps = c.prepareStatement("CREATE ? SET k = ?")) {
                        ps.setObject(1, id);
                        ps.setString(2, String.valueOf(key));
                        assertEquals(1, ps.executeUpdate(), "create " + id);
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, k FROM ONLY ?")) {
                        ps.setObject(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next(), "read " + id);
                            assertEquals(id, rs.getObject("id"), "bound id " + id);
                            assertEquals(String.valueOf(key), rs.getString("k"));
                        }
                    }
                    try (Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT VALUE id FROM ONLY " + id)) {
                        assertTrue(rs.next(), "toString() in SurrealQL: " + id);
                        assertEquals(id, rs.getObject(1), "toString() in SurrealQL: " + id);
                    }
                    checked++;
                }
            }
            // 3. field names that need quoting, written through a map and read by name and by projection
            Map<String, Object> content = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                content.put(fields.get(i), "value of " + fields.get(i));
            }
            RecordId rid = new RecordId("7days", "fields");
            try (PreparedStatement ps = c.prepareStatement("CREATE ? CONTENT ?")) {
                ps.setObject(1, rid);
                ps.setObject(2, content);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ONLY ?")) {
                ps.setObject(1, rid);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    ResultSetMetaData md = rs.getMetaData();
                    Set<String> labels = new HashSet<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        labels.add(md.getColumnLabel(i));
                    }
                    for (String f : fields) {
                        assertTrue(labels.contains(f), "column " + f + " among " + labels);
                        assertEquals("value of " + f, rs.getString(f), "field " + f);
                        checked++;
                    }
                }
            }
            for (String f : fields) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + SurrealQL.ident(f) + " FROM ONLY ?")) {
                    ps.setObject(1, rid);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(f, rs.getMetaData().getColumnLabel(1), "projected column label");
                        assertEquals("value of " + f, rs.getString(1));
                        checked++;
                    }
                }
            }
            // 4. the simple keys parse back from their text form
            for (Object key : keys) {
                if (key instanceof String || key instanceof Long || key instanceof UUID) {
                    RecordId id = new RecordId("back`tick", key);
                    assertEquals(id, RecordId.parse(id.toString()), "RecordId.parse(" + id + ")");
                    checked++;
                }
            }
        }
        REPORT.set("tables / record keys per table / fields", tables.size() + " / " + keys.size() + " / "
                + fields.size());
        REPORT.count("identifier and key round trips verified", checked);
    }
}

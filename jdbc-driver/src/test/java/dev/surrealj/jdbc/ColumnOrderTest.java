package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Result set columns follow the SELECT projection (SurrealDB sends object keys sorted), against the
 * real engine.
 */
@ExtendWith(SurrealExtension.class)
class ColumnOrderTest {
    private static Connection conn;

    @BeforeAll
    static void open(SurrealTestDb db) throws SQLException {
        db.sql("CREATE person:1 SET name = 'Ada', zeta = 1, age = 36, address = { city: 'London', zip: 'N1' };"
                + "CREATE person:2 SET name = 'Bob', zeta = 2, age = 40, address = { city: 'Paris', zip: '75' };"
                + "RELATE person:1->knows->person:2;");
        conn = connect(db);
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
    }

    private static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    private static List<String> labels(String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return labels(rs);
        }
    }

    @Test
    void projectionOrderNotTheServersSortedKeys() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, age FROM person ORDER BY name")) {
            assertEquals(List.of("name", "age"), labels(rs));
            assertTrue(rs.next());
            assertEquals("Ada", rs.getString(1));
            assertEquals(36, rs.getInt(2));
            assertEquals(1, rs.findColumn("name"));
        }
        assertEquals(List.of("zeta", "name", "age"), labels("SELECT zeta, name, age FROM person"));
        assertEquals(List.of("years", "name"), labels("SELECT age AS years, name FROM person"));
        assertEquals(List.of("name", "id"), labels("SELECT name, id FROM person"));
        assertEquals(List.of("name", "age"), labels("SELECT `name`, \u27E8age\u27E9 FROM person"));
    }

    @Test
    void starKeepsIdFirstAndTheRestAtItsPosition() throws SQLException {
        assertEquals(List.of("id", "address", "age", "name", "zeta"), labels("SELECT * FROM person"));
        // (SurrealDB moves an aliased field: name is not in the rows any more)
        assertEquals(List.of("id", "address", "age", "zeta", "n"), labels("SELECT *, name AS n FROM person"));
        assertEquals(List.of("id", "address", "age", "name", "zeta", "n"),
                labels("SELECT *, string::uppercase(name) AS n FROM person"));
        assertEquals(List.of("zeta", "id", "address", "age", "name"), labels("SELECT zeta, * FROM person"));
        assertEquals(List.of("id", "address", "name", "zeta"), labels("SELECT * OMIT age FROM person"));
    }

    @Test
    void pathsExpressionsAndGraphs() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, address.city FROM person:1")) {
            assertEquals(List.of("name", "address"), labels(rs));
            assertTrue(rs.next());
            assertEquals(Map.of("city", "London"), rs.getObject(2));
        }
        // one expression without a name: its key goes where it stands
        assertEquals(List.of("zeta", "string::len"), labels("SELECT zeta, string::len(name) FROM person"));
        assertEquals(List.of("string::len", "zeta"), labels("SELECT string::len(name), zeta FROM person"));
        assertEquals(List.of("friends", "name"), labels("SELECT ->knows->person AS friends, name FROM person:1"));
        assertEquals(List.of("->knows", "name"), labels("SELECT ->knows->person, name FROM person:1"));
        // several: the server's order
        assertEquals(List.of("count", "string::len"), labels("SELECT string::len(name), count() FROM person"));
        // a projected field missing from the records is NONE: still a column, reading NULL
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, missing, age FROM person:1")) {
            assertEquals(List.of("name", "missing", "age"), labels(rs));
            assertTrue(rs.next());
            assertNull(rs.getObject(2));
            assertEquals(36, rs.getInt(3));
        }
    }

    @Test
    void stringsCommentsAndSubqueriesDoNotConfuseTheProjection() throws SQLException {
        String sql = "SELECT name, /* , zeta FROM x */ (SELECT VALUE age FROM person WHERE name = 'x, FROM y') AS sub,"
                + " -- FROM z\n age FROM person WHERE name != \"FROM, a\" ORDER BY name";
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertEquals(List.of("name", "sub", "age"), labels(rs));
            assertTrue(rs.next());
            assertEquals("Ada", rs.getString(1));
            assertEquals(List.of(), rs.getObject(2));
            assertEquals(36, rs.getLong(3));
        }
        assertEquals(List.of("o", "name"), labels("SELECT { b: 1, a: 2 } AS o, name FROM person"));
    }

    @Test
    void emptyResultStillHasTheProjectedColumns() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, age FROM person WHERE age > 1000")) {
            assertEquals(List.of("name", "age"), labels(rs));
            assertFalse(rs.next());
        }
    }

    @Test
    void everyResultOfAScriptHasItsOwnOrder() throws SQLException {
        try (Statement st = conn.createStatement()) {
            List<List<String>> sets = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            boolean isResultSet = st.execute("BEGIN; SELECT zeta, name FROM person; CREATE tmp:1 SET b = 1, a = 2;"
                    + " SELECT name, zeta FROM person; COMMIT");
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = st.getResultSet()) {
                        sets.add(labels(rs));
                    }
                } else if (st.getUpdateCount() == -1) {
                    break;
                } else {
                    counts.add(st.getUpdateCount());
                }
                isResultSet = st.getMoreResults();
            }
            assertEquals(List.of(List.of("zeta", "name"), List.of("name", "zeta")), sets);
            assertTrue(counts.contains(1), counts.toString());
            // executeQuery on a DML statement returns its records in the server's order
            try (ResultSet rs = st.executeQuery("CREATE tmp:2 SET b = 1, a = 2")) {
                assertEquals(List.of("id", "a", "b"), labels(rs));
            }
        }
    }

    @Test
    void preparedStatementsKeepTheOrder() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT zeta, name, id FROM person WHERE age > ? ORDER BY id")) {
            ps.setInt(1, 37);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of("zeta", "name", "id"), labels(rs));
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertEquals("Bob", rs.getString(2));
                assertEquals(new RecordId("person", 2L), rs.getObject(3));
            }
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of("zeta", "name", "id"), labels(rs));
            }
        }
    }
}

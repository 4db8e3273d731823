package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Result set metadata from the statement: the source table of a plain single-table SELECT, and the
 * field types of SCHEMAFULL tables, fetched only when {@code getMetaData()} asks and cached per
 * connection until a schema statement. Against the real engine.
 */
@ExtendWith(SurrealExtension.class)
class ResultMetadataTest {
    private static SurrealTestDb db;

    @BeforeAll
    static void fixtures(SurrealTestDb testDb) {
        db = testDb;
        db.sql("DEFINE TABLE sf SCHEMAFULL;"
                + "DEFINE FIELD name ON sf TYPE string;"
                + "DEFINE FIELD age ON sf TYPE option<int>;"
                + "DEFINE FIELD tags ON sf TYPE array<string>;"
                + "DEFINE FIELD address ON sf TYPE object;"
                + "DEFINE FIELD address.city ON sf TYPE string;"
                + "DEFINE FIELD note ON sf TYPE option<string> DEFAULT 'n/a' COMMENT 'a note';"
                + "CREATE sf:1 SET name = 'Ada', age = 36, tags = ['x'], address = { city: 'London' };"
                + "CREATE sf:2 SET name = 'Bob', tags = [], address = { city: 'Paris' };"
                + "DEFINE TABLE loose SCHEMALESS; DEFINE FIELD n ON loose TYPE option<int>;"
                + "CREATE loose:1 SET n = 1, s = 'a';"
                + "CREATE other:1 SET v = 1;");
    }

    private static SurrealConnectionImpl impl(Connection c) throws SQLException {
        return c.unwrap(SurrealConnectionImpl.class);
    }

    private static String tableOf(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            return md.getColumnCount() == 0 ? null : md.getTableName(1);
        }
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    @Test
    void tableNameOfAPlainSingleTableSelect() throws SQLException {
        try (Connection c = connect(db)) {
            assertEquals("other", tableOf(c, "SELECT * FROM other"));
            assertEquals("other", tableOf(c, "SELECT v FROM other WHERE v > 0 ORDER BY v LIMIT 3"));
            assertEquals("other", tableOf(c, "SELECT * FROM ONLY other:1"));
            assertEquals("other", tableOf(c, "SELECT * FROM other:1"));
            assertEquals("", tableOf(c, "SELECT * FROM other, loose"));
            assertEquals("", tableOf(c, "SELECT * FROM (SELECT * FROM other)"));
            assertEquals("", tableOf(c, "SELECT count() FROM other GROUP ALL"));
            assertEquals("", tableOf(c, "RETURN { a: 1 }"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM other")) {
                ResultSetMetaData md = rs.getMetaData();
                assertTrue(md.isReadOnly(1)); // id
                assertTrue(md.isWritable(2)); // a column of a known table
            }
        }
    }

    @Test
    void schemafullTypesAreFetchedOnlyForGetMetaDataAndCached() throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            TableSchemas schemas = impl(c).schemas();
            try (ResultSet rs = st.executeQuery("SELECT * FROM sf ORDER BY id")) {
                while (rs.next()) {
                    rs.getString("name");
                }
            }
            assertEquals(0, schemas.requests(), "no metadata asked: no INFO request");

            try (ResultSet rs = st.executeQuery("SELECT * FROM sf ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(1, schemas.requests());
                assertEquals(List.of("id", "address", "age", "name", "note", "tags"), labels(md));
                assertEquals("sf", md.getTableName(1));
                int age = rs.findColumn("age");
                assertEquals(Types.BIGINT, md.getColumnType(age));
                assertEquals("int", md.getColumnTypeName(age));
                assertEquals(ResultSetMetaData.columnNullable, md.isNullable(age));
                int name = rs.findColumn("name");
                assertEquals(Types.VARCHAR, md.getColumnType(name));
                assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(name));
                assertTrue(md.isDefinitelyWritable(name));
                assertEquals(Types.ARRAY, md.getColumnType(rs.findColumn("tags")));
                assertEquals("array<string>", md.getColumnTypeName(rs.findColumn("tags")));
                assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn("note")));
                assertEquals(ResultSetMetaData.columnNullable, md.isNullable(rs.findColumn("note")));
                assertTrue(rs.next());
                assertEquals("string", rs.getArray("tags").getBaseTypeName());
            }
            // cached: another query on the table asks nothing
            try (ResultSet rs = st.executeQuery("SELECT name, age FROM sf")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("name", "age"), labels(md));
                assertEquals(Types.BIGINT, md.getColumnType(2));
                assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
                assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
            }
            assertEquals(1, schemas.requests());

            // a schema statement on this connection drops the cache
            st.execute("DEFINE FIELD OVERWRITE age ON sf TYPE option<float>");
            try (ResultSet rs = st.executeQuery("SELECT age FROM sf")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(2, schemas.requests());
                assertEquals(Types.DOUBLE, md.getColumnType(1));
            }
            st.execute("DEFINE FIELD OVERWRITE age ON sf TYPE option<int>");
        }
    }

    @Test
    void aliasesAndExpressionsAreNotTypedByTheSchema() throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name AS age, string::len(name) AS len FROM sf")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(List.of("age", "len"), labels(md));
            assertEquals(Types.VARCHAR, md.getColumnType(1)); // the values are strings: not the schema's int
            assertEquals(Types.BIGINT, md.getColumnType(2));
            assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(2)); // inferred
        }
    }

    @Test
    void emptySelectStarShowsTheSchemaColumns() throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            TableSchemas schemas = impl(c).schemas();
            try (ResultSet rs = st.executeQuery("SELECT * FROM sf WHERE name = 'nobody'")) {
                assertFalse(rs.next());
            }
            assertEquals(0, schemas.requests(), "next() alone needs no columns");
            try (ResultSet rs = st.executeQuery("SELECT * FROM sf WHERE name = 'nobody'")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("id", "address", "age", "name", "note", "tags"), labels(md));
                assertEquals("record<sf>", md.getColumnTypeName(1));
                assertEquals(Types.BIGINT, md.getColumnType(3));
                assertFalse(rs.next());
            }
            try (ResultSet rs = st.executeQuery("SELECT * OMIT note FROM ONLY sf:404")) {
                assertEquals(4, rs.findColumn("name"));
                assertEquals(List.of("id", "address", "age", "name", "tags"), labels(rs.getMetaData()));
            }
            // only the projected columns when there is no *
            try (ResultSet rs = st.executeQuery("SELECT age, name FROM sf WHERE name = 'nobody'")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("age", "name"), labels(md));
                assertEquals(Types.BIGINT, md.getColumnType(1));
            }
            assertEquals(1, schemas.requests());
        }
    }

    @Test
    void schemalessTablesInferFromValues() throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            TableSchemas schemas = impl(c).schemas();
            try (ResultSet rs = st.executeQuery("SELECT * FROM loose")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("id", "n", "s"), labels(md));
                assertEquals("loose", md.getTableName(2));
                assertEquals(Types.BIGINT, md.getColumnType(2));
                assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(2)); // inferred, not the schema's
            }
            assertEquals(1, schemas.requests());
            // the table list is known now: another SCHEMALESS (or undefined) table needs no request
            try (ResultSet rs = st.executeQuery("SELECT * FROM other")) {
                assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM other WHERE v > 100")) {
                assertEquals(0, rs.getMetaData().getColumnCount()); // empty and no schema: no columns
            }
            assertEquals(1, schemas.requests());
        }
    }

    @Test
    void preparedStatementsUseTheSchemaToo() throws SQLException {
        try (Connection c = connect(db);
             PreparedStatement ps = c.prepareStatement("SELECT tags, name FROM sf WHERE name = ?")) {
            ps.setString(1, "Bob");
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("tags", "name"), labels(md));
                assertEquals("sf", md.getTableName(1));
                assertEquals("array<string>", md.getColumnTypeName(1)); // an empty array: known from the schema
                assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
            }
        }
    }

    @Test
    void resultSetsAreHeldOverCommit() throws SQLException {
        try (Connection c = connect(db)) {
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
            DatabaseMetaData dmd = c.getMetaData();
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, dmd.getResultSetHoldability());
            assertTrue(dmd.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
            assertFalse(dmd.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
            c.clearWarnings();
            c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
            SQLWarning w = c.getWarnings();
            assertNotNull(w);
            assertTrue(w.getMessage().contains("HOLD_CURSORS_OVER_COMMIT"), w.getMessage());
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
            try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.CLOSE_CURSORS_AT_COMMIT); ResultSet rs = st.executeQuery("RETURN 1")) {
                assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, st.getResultSetHoldability());
                assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
            }
            JdbcTestSupport.assertState("HY024", () -> c.setHoldability(42));
        }
    }

    @Test
    void queryTimeoutIsDescribedAsClientSide() {
        String d = ConnectionProperty.QUERY_TIMEOUT.description();
        assertTrue(d.contains("client"), d);
        assertFalse(d.contains("server side TIMEOUT"), d);
    }
}

package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.DatabaseMetaDataTest.column;
import static dev.surrealj.jdbc.DatabaseMetaDataTest.rows;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays the call sequence of DBeaver's generic JDBC support (see the reference notes: connect info,
 * dialect info, the navigator from namespaces down to a table's keys and indexes, then the result grid
 * of a table) and checks every answer, as DBeaver would use it.
 */
@ExtendWith(SurrealExtension.class)
class DatabaseMetaDataDbeaverReplayTest {
    private static SurrealTestDb db;

    @BeforeAll
    static void fixtures(SurrealTestDb testDb) {
        db = testDb;
        MetadataFixture.create(db, db.server().engine());
        db.sql("DEFINE TABLE item_log SCHEMAFULL; DEFINE FIELD msg ON item_log TYPE string;"
                + "DEFINE TABLE itemXlog SCHEMAFULL; DEFINE FIELD other ON itemXlog TYPE string;");
    }

    /** What DBeaver asks when it opens a connection. */
    @Test
    void connectInfo() throws SQLException {
        try (Connection c = connect(db)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("SurrealDB", md.getDatabaseProductName());
            String version = md.getDatabaseProductVersion();
            assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
            assertEquals(Integer.parseInt(version.split("\\.")[0]), md.getDatabaseMajorVersion());
            assertEquals(Integer.parseInt(version.split("\\.")[1]), md.getDatabaseMinorVersion());
            assertEquals("SurrealJ", md.getDriverName());
            assertEquals(SurrealDriver.VERSION, md.getDriverVersion());
            assertEquals(SurrealDriver.MAJOR_VERSION, md.getDriverMajorVersion());
            assertEquals(SurrealDriver.MINOR_VERSION, md.getDriverMinorVersion());
            assertEquals("namespace", md.getCatalogTerm());
            assertEquals("database", md.getSchemaTerm());
            assertEquals("function", md.getProcedureTerm());
            assertFalse(md.isReadOnly());
            assertEquals(md.getDatabaseMajorVersion() >= 3, md.supportsTransactions());
            assertTrue(md.supportsBatchUpdates());
            assertEquals(md.supportsTransactions(),
                    md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
            assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
            assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, md.getDefaultTransactionIsolation());
            assertEquals(c.getTransactionIsolation(), md.getDefaultTransactionIsolation());
            assertTrue(c.getAutoCommit());
            assertEquals(db.namespace(), c.getCatalog());
            assertEquals(db.database(), c.getSchema());
            assertTrue(md.getURL().startsWith("jdbc:surrealdb://"));
            assertEquals(DatabaseMetaData.sqlStateSQL, md.getSQLStateType());
            assertFalse(md.supportsSavepoints());
            assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
            assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
            assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, md.getResultSetHoldability());
            assertEquals(List.of("ApplicationName", "ClientHostname", "ClientUser"),
                    column(md.getClientInfoProperties(), "NAME"));
        }
    }

    /** What DBeaver's JDBC SQL dialect reads to quote, complete and qualify names. */
    @Test
    void dialectInfo() throws SQLException {
        try (Connection c = connect(db)) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("`", md.getIdentifierQuoteString());
            assertEquals("\\", md.getSearchStringEscape());
            assertEquals("", md.getExtraNameCharacters());
            assertEquals(".", md.getCatalogSeparator());
            assertTrue(md.isCatalogAtStart());
            String keywords = md.getSQLKeywords();
            assertTrue(keywords.matches("[A-Z0-9_]+(,[A-Z0-9_]+)*"), keywords);
            for (String list : List.of(md.getNumericFunctions(), md.getStringFunctions(), md.getSystemFunctions(),
                    md.getTimeDateFunctions())) {
                for (String f : list.split(",")) {
                    assertTrue(f.matches("[a-z0-9_]+(::[a-z0-9_]+)*"), "a SurrealQL function name: " + f);
                }
            }
            assertTrue(md.getNumericFunctions().contains("math::abs"));
            assertTrue(md.getStringFunctions().contains("string::lowercase"));
            assertTrue(md.getTimeDateFunctions().contains("time::format"));
            assertTrue(md.getSystemFunctions().contains("session::db"));
            // identifiers: case-sensitive, kept as written
            assertTrue(md.supportsMixedCaseIdentifiers());
            assertTrue(md.supportsMixedCaseQuotedIdentifiers());
            assertFalse(md.storesLowerCaseIdentifiers());
            assertFalse(md.storesUpperCaseIdentifiers());
            assertFalse(md.storesMixedCaseIdentifiers());
            assertFalse(md.storesLowerCaseQuotedIdentifiers());
            assertFalse(md.storesUpperCaseQuotedIdentifiers());
            assertFalse(md.storesMixedCaseQuotedIdentifiers());
            // DBeaver qualifies names in generated SQL only where these say so: never in statements
            assertFalse(md.supportsCatalogsInDataManipulation());
            assertFalse(md.supportsSchemasInDataManipulation());
            assertFalse(md.supportsCatalogsInProcedureCalls());
            assertFalse(md.supportsSchemasInProcedureCalls());
            assertFalse(md.supportsCatalogsInIndexDefinitions());
            assertFalse(md.supportsSchemasInIndexDefinitions());
            assertFalse(md.supportsCatalogsInPrivilegeDefinitions());
            assertFalse(md.supportsSchemasInPrivilegeDefinitions());
            assertTrue(md.supportsCatalogsInTableDefinitions());
            assertTrue(md.supportsSchemasInTableDefinitions());
            assertTrue(md.supportsColumnAliasing());
            assertFalse(md.supportsTableCorrelationNames());
            assertFalse(md.supportsOuterJoins());
            assertTrue(md.supportsMultipleResultSets());
            assertTrue(md.supportsGetGeneratedKeys());
            assertTrue(md.nullsAreSortedLow());
            assertFalse(md.nullsAreSortedHigh() || md.nullsAreSortedAtStart() || md.nullsAreSortedAtEnd());
        }
    }

    /** The navigator tree: namespaces, databases, tables, then one table's columns, keys and indexes. */
    @Test
    void navigator() throws SQLException {
        try (Connection c = connect(db)) {
            DatabaseMetaData md = c.getMetaData();
            List<Object> catalogs = column(md.getCatalogs(), "TABLE_CAT");
            assertTrue(catalogs.contains(db.namespace()), catalogs::toString);
            List<Map<String, Object>> schemas = rows(md.getSchemas(db.namespace(), null));
            assertEquals(List.of(db.database()), schemas.stream().map(r -> r.get("TABLE_SCHEM")).toList());
            assertEquals(db.namespace(), schemas.get(0).get("TABLE_CATALOG"));
            assertEquals(List.of("RELATION", "TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));

            List<Map<String, Object>> tables = rows(md.getTables(db.namespace(), db.database(), "%", null));
            assertEquals(List.of("knows", "company", "itemXlog", "item_log", "note", "person", "adults"),
                    tables.stream().map(r -> r.get("TABLE_NAME")).toList());
            for (Map<String, Object> t : tables) {
                assertEquals(db.namespace(), t.get("TABLE_CAT"));
                assertEquals(db.database(), t.get("TABLE_SCHEM"));
            }

            // the whole database's columns at once, as DBeaver loads them
            List<Map<String, Object>> all = rows(md.getColumns(db.namespace(), db.database(), "%", "%"));
            List<Object> tableOrder = new ArrayList<>();
            for (Map<String, Object> r : all) {
                if (!tableOrder.contains(r.get("TABLE_NAME"))) {
                    tableOrder.add(r.get("TABLE_NAME"));
                }
                if (r.get("ORDINAL_POSITION").equals(1)) {
                    assertEquals("id", r.get("COLUMN_NAME"), "id first in " + r.get("TABLE_NAME"));
                }
            }
            assertEquals(List.of("adults", "company", "itemXlog", "item_log", "knows", "note", "person"), tableOrder);

            // one table, its name escaped as DBeaver escapes LIKE patterns
            String escaped = "item" + md.getSearchStringEscape() + "_log";
            List<Map<String, Object>> cols = rows(md.getColumns(db.namespace(), db.database(), escaped, "%"));
            assertEquals(List.of("id", "msg"), cols.stream().map(r -> r.get("COLUMN_NAME")).toList());
            assertEquals(List.of("id", "other", "id", "msg"),
                    column(md.getColumns(db.namespace(), db.database(), "item_log", "%"), "COLUMN_NAME"),
                    "unescaped, _ is a wildcard");

            List<Map<String, Object>> pk = rows(md.getPrimaryKeys(db.namespace(), db.database(), "person"));
            assertEquals(1, pk.size());
            assertEquals("id", pk.get(0).get("COLUMN_NAME"));
            assertEquals("PK_person", pk.get(0).get("PK_NAME"));

            List<Map<String, Object>> imported = rows(md.getImportedKeys(db.namespace(), db.database(), "person"));
            assertEquals(List.of("employer", "best_friend"),
                    imported.stream().map(r -> r.get("FKCOLUMN_NAME")).toList());
            List<Map<String, Object>> exported = rows(md.getExportedKeys(db.namespace(), db.database(), "company"));
            assertEquals(List.of("person_employer_fkey"), exported.stream().map(r -> r.get("FK_NAME")).toList());

            List<Map<String, Object>> indexes = rows(md.getIndexInfo(db.namespace(), db.database(), "person", false,
                    true));
            assertTrue(indexes.stream().anyMatch(r -> "person_email".equals(r.get("INDEX_NAME"))
                    && Boolean.FALSE.equals(r.get("NON_UNIQUE")) && "email".equals(r.get("COLUMN_NAME"))));
            for (Map<String, Object> r : indexes) {
                assertNotNull(r.get("INDEX_NAME"));
                assertEquals((int) DatabaseMetaData.tableIndexOther, r.get("TYPE"));
            }

            assertEquals(List.of("fn::greet"), column(md.getProcedures(db.namespace(), db.database(), "%"),
                    "PROCEDURE_NAME"));
            assertEquals(List.of("fn::greet"), column(md.getFunctions(db.namespace(), db.database(), "%"),
                    "FUNCTION_NAME"));
            assertEquals(List.of("return", "name", "times"),
                    column(md.getProcedureColumns(db.namespace(), db.database(), "fn::greet", "%"), "COLUMN_NAME"));
            assertEquals(List.of("return", "name", "times"),
                    column(md.getFunctionColumns(db.namespace(), db.database(), "fn::greet", "%"), "COLUMN_NAME"));
            assertFalse(rows(md.getTypeInfo()).isEmpty());
        }
    }

    /**
     * The result grid of a table: the result set metadata agrees with {@code getColumns}, the source table
     * is named (so the grid can be edited by primary key), and every value reads with {@code getObject}.
     */
    @Test
    void resultGrid() throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.setFetchSize(200);
            assertTrue(st.execute("SELECT * FROM person"));
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData rmd = rs.getMetaData();
                List<Map<String, Object>> cols = rows(c.getMetaData().getColumns(null, db.database(), "person", "%"));
                assertEquals("id", rmd.getColumnLabel(1));
                assertEquals("id", rmd.getColumnName(1));
                assertTrue(rmd.isAutoIncrement(1));
                assertEquals("person", rmd.getTableName(1));
                assertEquals("", rmd.getCatalogName(1));
                assertEquals("", rmd.getSchemaName(1));
                for (int i = 1; i <= rmd.getColumnCount(); i++) {
                    String label = rmd.getColumnLabel(i);
                    Map<String, Object> col = cols.stream().filter(r -> label.equals(r.get("COLUMN_NAME"))).findFirst()
                            .orElseThrow(() -> new AssertionError(label + " is not a column of person"));
                    if (!label.equals("id")) {
                        assertEquals(col.get("DATA_TYPE"), rmd.getColumnType(i), label);
                        assertEquals(col.get("TYPE_NAME"), rmd.getColumnTypeName(i), label);
                        assertEquals(col.get("NULLABLE"), rmd.isNullable(i), label);
                    }
                    assertTrue(rmd.getPrecision(i) >= 0 && rmd.getScale(i) >= 0, label);
                    assertTrue(rmd.getColumnDisplaySize(i) > 0, label);
                    assertEquals(rmd.isReadOnly(i), !rmd.isWritable(i), label);
                }
                assertTrue(rs.next());
                for (int i = 1; i <= rmd.getColumnCount(); i++) {
                    rs.getObject(i);
                    rs.getString(i);
                }
                int created = rs.findColumn("created");
                assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, rmd.getColumnType(created));
                assertNotNull(rs.getObject(created, OffsetDateTime.class));
                assertEquals(36L, rs.getObject("age", Long.class));
            }
        }
    }
}

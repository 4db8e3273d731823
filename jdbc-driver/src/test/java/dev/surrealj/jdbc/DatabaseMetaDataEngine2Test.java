package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.DatabaseMetaDataTest.column;
import static dev.surrealj.jdbc.DatabaseMetaDataTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Table;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

/**
 * The same metadata from SurrealDB 2.x (2.6 in WebAssembly, one shared session), whose {@code INFO}
 * answers differ from 3.x: {@code option<int>} instead of {@code none | int}, {@code tags[*]} element
 * fields, index columns as one text, {@code SEARCH} instead of {@code FULLTEXT}, {@code full} instead of
 * {@code schemafull}. Ends with a SchemaCrawler crawl.
 */
class DatabaseMetaDataEngine2Test {
    private static SurrealServer server;
    private static SurrealTestDb db;

    @BeforeAll
    static void start() {
        server = SurrealServer.builder().engine(2).start();
        db = new SurrealTestDb(server, "meta2", "main");
        new SurrealTestDb(server, null, null).sql("DEFINE NAMESPACE meta2; USE NS meta2; DEFINE DATABASE main;"
                + "DEFINE DATABASE other;");
        MetadataFixture.create(db, 2);
        new SurrealTestDb(server, "meta2", "other").sql("DEFINE TABLE elsewhere SCHEMAFULL;"
                + "DEFINE FIELD x ON elsewhere TYPE int;");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(JdbcTestSupport.url(db));
    }

    @Test
    void scalarAnswersFor2x() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(2, md.getDatabaseMajorVersion());
            assertTrue(md.getDatabaseProductVersion().startsWith("2."), md.getDatabaseProductVersion());
            assertFalse(md.supportsTransactions());
            assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
            assertFalse(md.supportsDataDefinitionAndDataManipulationTransactions());
            assertTrue(md.getStringFunctions().contains("string::startsWith"), "2.x names");
            assertTrue(md.getSystemFunctions().contains("type::thing"), "2.x names");
            List<Object> types = column(md.getTypeInfo(), "TYPE_NAME");
            assertFalse(types.contains("regex") || types.contains("file"), "3.x types: " + types);
            assertTrue(types.containsAll(List.of("int", "string", "record", "datetime")));
        }
    }

    @Test
    void tablesAndColumns() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            List<Map<String, Object>> tables = rows(md.getTables(null, "main", "%", null));
            assertEquals(List.of("knows", "company", "note", "person", "adults"),
                    tables.stream().map(r -> r.get("TABLE_NAME")).toList());
            assertEquals(List.of("RELATION", "TABLE", "TABLE", "TABLE", "VIEW"),
                    tables.stream().map(r -> r.get("TABLE_TYPE")).toList());
            assertEquals("People", tables.get(3).get("REMARKS"));

            List<Map<String, Object>> person = rows(md.getColumns(null, "main", "person", "%"));
            assertEquals(List.of("id", "address", "address.city", "address.zip", "age", "best_friend", "created",
                    "email", "embedding", "employer", "name", "nick", "score", "shout", "tags"),
                    person.stream().map(r -> r.get("COLUMN_NAME")).toList());
            Map<String, Object> age = person.get(4);
            assertEquals("int", age.get("TYPE_NAME")); // 2.x prints option<int>
            assertEquals(Types.BIGINT, age.get("DATA_TYPE"));
            assertEquals(DatabaseMetaData.columnNullable, age.get("NULLABLE"));
            assertEquals(DatabaseMetaData.columnNoNulls, person.get(10).get("NULLABLE")); // name
            assertEquals("full name", person.get(10).get("REMARKS"));
            assertEquals("time::now()", person.get(6).get("COLUMN_DEF"));
            assertEquals("YES", person.get(13).get("IS_GENERATEDCOLUMN")); // shout
            assertEquals("NO", person.get(11).get("IS_GENERATEDCOLUMN")); // nick uses $value

            assertEquals(List.of("id", "in", "out", "since"), column(md.getColumns(null, "main", "knows", "%"),
                    "COLUMN_NAME"));
            assertEquals(List.of("id", "name", "age"), column(md.getColumns(null, "main", "adults", "%"),
                    "COLUMN_NAME"));
            List<Map<String, Object>> note = rows(md.getColumns(null, "main", "note", "%"));
            assertEquals(List.of("id", "author", "draft", "pages", "title"),
                    note.stream().map(r -> r.get("COLUMN_NAME")).toList());
            assertEquals("inferred from 2 sampled records", note.get(1).get("REMARKS"));
        }
    }

    @Test
    void keysIndexesAndFunctions() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("id"), column(md.getPrimaryKeys(null, "main", "person"), "COLUMN_NAME"));
            assertEquals(List.of("employer", "best_friend"),
                    column(md.getImportedKeys(null, "main", "person"), "FKCOLUMN_NAME"));
            assertEquals(List.of("in", "out"), column(md.getImportedKeys(null, "main", "knows"), "FKCOLUMN_NAME"));
            assertEquals(List.of("knows", "knows", "person"),
                    column(md.getExportedKeys(null, "main", "person"), "FKTABLE_NAME"));

            List<Map<String, Object>> idx = rows(md.getIndexInfo(null, "main", "person", false, true));
            assertEquals(List.of("person_email", "person_embedding", "person_name_age", "person_name_age",
                    "person_name_search"), idx.stream().map(r -> r.get("INDEX_NAME")).toList());
            assertEquals(List.of("UNIQUE", "HNSW", "INDEX", "INDEX", "SEARCH"),
                    idx.stream().map(r -> r.get("INDEX_KIND")).toList());
            assertEquals("age", idx.get(3).get("COLUMN_NAME")); // "name, age" split
            assertEquals(2, idx.get(3).get("ORDINAL_POSITION"));

            List<Map<String, Object>> params = rows(md.getFunctionColumns(null, "main", "fn::greet", "%"));
            assertEquals(List.of("return", "name", "times"), params.stream().map(r -> r.get("COLUMN_NAME")).toList());
            assertEquals("int", params.get(2).get("TYPE_NAME"));
            assertEquals(DatabaseMetaData.functionNullable, params.get(2).get("NULLABLE"));
        }
    }

    @Test
    void anotherDatabaseOfTheSharedSession() throws SQLException {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals(List.of("main", "other"), column(md.getSchemas(), "TABLE_SCHEM"));
            assertEquals(List.of("id", "x"), column(md.getColumns("meta2", "other", "elsewhere", "%"), "COLUMN_NAME"));
            assertEquals("main", JdbcTestSupport.scalar(c, "RETURN session::db()"));
            assertEquals(List.of("knows", "company", "note", "person", "adults"),
                    column(md.getTables(null, "main", "%", null), "TABLE_NAME"));
        }
    }

    @Test
    void schemaCrawlerCrawls2x() throws Exception {
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(new RegularExpressionInclusionRule(Pattern.compile(".*main.*")))
                        .tableTypes("TABLE", "VIEW", "RELATION").toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
        Catalog catalog;
        try (DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(
                JdbcTestSupport.url(db), new MultiUseUserCredentials())) {
            catalog = SchemaCrawlerUtility.getCatalog(source, options);
        }
        Set<String> tables = catalog.getTables().stream().map(Table::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("adults", "company", "knows", "note", "person"), tables);
        Table person = catalog.getTables().stream().filter(t -> t.getName().equals("person")).findFirst().orElseThrow();
        assertEquals("id", person.getPrimaryKey().getConstrainedColumns().get(0).getName());
        assertEquals(2, person.getImportedForeignKeys().size());
        assertEquals(4, person.getIndexes().size());
    }
}

package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import schemacrawler.inclusionrule.RegularExpressionInclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.Column;
import schemacrawler.schema.ForeignKey;
import schemacrawler.schema.Index;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.Routine;
import schemacrawler.schema.Schema;
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
 * SchemaCrawler, which nobody here wrote, crawls the sample schema through our
 * {@code DatabaseMetaData} alone (SchemaCrawler has no SurrealDB plugin) at its maximum info level,
 * and the catalog it builds is complete: tables of every type, columns with types and nullability,
 * primary keys, indexes and the foreign keys of record links and relations.
 */
@ExtendWith(SurrealExtension.class)
class DatabaseMetaDataSchemaCrawlerTest {
    private static Catalog catalog;
    private static Schema schema;

    @BeforeAll
    static void crawl(SurrealTestDb db) throws Exception {
        MetadataFixture.create(db, db.server().engine());
        String user = db.server().user();
        DatabaseConnectionSource source = DatabaseConnectionSources.newDatabaseConnectionSource(
                JdbcTestSupport.url(db), new MultiUseUserCredentials(user, db.server().password()));
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(new RegularExpressionInclusionRule(
                                Pattern.compile(".*" + Pattern.quote(db.namespace()) + ".*")))
                        .tableTypes("TABLE", "VIEW", "RELATION")
                        .includeAllRoutines()
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(SchemaInfoLevelBuilder.maximum()).toOptions());
        long start = System.nanoTime();
        try {
            catalog = SchemaCrawlerUtility.getCatalog(source, options);
        } finally {
            source.close();
        }
        System.out.printf("SchemaCrawler crawl over SurrealJ metadata: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        List<Schema> schemas = List.copyOf(catalog.getSchemas());
        assertEquals(1, schemas.size(), schemas::toString);
        schema = schemas.get(0);
        assertEquals(db.namespace(), schema.getCatalogName());
        assertEquals(db.database(), schema.getName());
    }

    private static Table table(String name) {
        return catalog.lookupTable(schema, name).orElseThrow(() -> new AssertionError("no table " + name
                + " in " + catalog.getTables(schema)));
    }

    @Test
    void tablesOfEveryType() {
        Map<String, String> types = new TreeMap<>();
        for (Table t : catalog.getTables(schema)) {
            types.put(t.getName(), t.getTableType().getTableType());
        }
        assertEquals(Map.of("adults", "view", "company", "table", "knows", "relation", "note", "table",
                "person", "table"), lower(types));
        assertEquals("People", table("person").getRemarks());
        assertTrue(table("note").getRemarks().contains("SCHEMALESS"), table("note").getRemarks());
    }

    private static Map<String, String> lower(Map<String, String> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    @Test
    void columnsWithTypesAndNullability() {
        List<Column> columns = table("person").getColumns();
        assertEquals("id", columns.get(0).getName());
        Map<String, Column> byName = columns.stream().collect(Collectors.toMap(Column::getName, c -> c));
        assertTrue(byName.keySet().containsAll(Set.of("name", "age", "email", "created", "score", "address",
                "address.city", "address.zip", "tags", "best_friend", "employer", "embedding", "shout", "nick")),
                byName.keySet()::toString);
        assertEquals("string", byName.get("name").getColumnDataType().getName());
        assertEquals(Types.VARCHAR, byName.get("name").getColumnDataType().getJavaSqlType().getVendorTypeNumber());
        assertEquals("int", byName.get("age").getColumnDataType().getName());
        assertEquals(Types.BIGINT, byName.get("age").getColumnDataType().getJavaSqlType().getVendorTypeNumber());
        assertEquals("record<person>", byName.get("best_friend").getColumnDataType().getName());
        assertEquals("array<string>", byName.get("tags").getColumnDataType().getName());
        assertFalse(byName.get("name").isNullable());
        assertTrue(byName.get("age").isNullable());
        assertTrue(byName.get("address.zip").isNullable());
        assertEquals("full name", byName.get("name").getRemarks());
        assertEquals("time::now()", byName.get("created").getDefaultValue());
        assertTrue(byName.get("shout").isGenerated());
        assertFalse(byName.get("nick").isGenerated());
        assertTrue(byName.get("id").isAutoIncremented());
        assertTrue(byName.get("id").isPartOfPrimaryKey());
        assertTrue(byName.get("email").isPartOfUniqueIndex());

        List<String> note = table("note").getColumns().stream().map(Column::getName).collect(Collectors.toList());
        assertEquals(List.of("id", "author", "draft", "pages", "title"), note);
        List<String> knows = table("knows").getColumns().stream().map(Column::getName).collect(Collectors.toList());
        assertEquals(List.of("id", "in", "out", "since"), knows);
        List<String> adults = table("adults").getColumns().stream().map(Column::getName).collect(Collectors.toList());
        assertEquals(List.of("id", "name", "age"), adults);
    }

    @Test
    void primaryKeys() {
        for (String t : List.of("person", "company", "note", "knows")) {
            assertNotNull(table(t).getPrimaryKey(), t + " has no primary key");
            assertEquals(List.of("id"), table(t).getPrimaryKey().getConstrainedColumns().stream()
                    .map(Column::getName).collect(Collectors.toList()));
        }
    }

    @Test
    void indexes() {
        Map<String, Index> indexes = table("person").getIndexes().stream()
                .collect(Collectors.toMap(Index::getName, i -> i));
        assertTrue(indexes.keySet().containsAll(Set.of("person_email", "person_name_age", "person_embedding",
                "person_name_search")), indexes.keySet()::toString);
        assertTrue(indexes.get("person_email").isUnique());
        assertFalse(indexes.get("person_name_age").isUnique());
        assertEquals(List.of("name", "age"), indexes.get("person_name_age").getColumns().stream()
                .map(IndexColumn::getName).collect(Collectors.toList()));
        assertEquals(List.of("embedding"), indexes.get("person_embedding").getColumns().stream()
                .map(IndexColumn::getName).collect(Collectors.toList()));
    }

    @Test
    void foreignKeysFromRecordLinksAndRelations() {
        Set<String> fks = new TreeSet<>();
        for (ForeignKey fk : catalog.getTables(schema).stream().flatMap(t -> t.getImportedForeignKeys().stream())
                .collect(Collectors.toSet())) {
            fk.getColumnReferences().forEach(r -> fks.add(r.getForeignKeyColumn().getParent().getName() + "."
                    + r.getForeignKeyColumn().getName() + " -> " + r.getPrimaryKeyColumn().getParent().getName()
                    + "." + r.getPrimaryKeyColumn().getName()));
        }
        assertEquals(Set.of("knows.in -> person.id", "knows.out -> person.id", "person.best_friend -> person.id",
                "person.employer -> company.id"), fks);
        assertTrue(table("company").getExportedForeignKeys().stream()
                .anyMatch(fk -> fk.getName().equals("person_employer_fkey")));
    }

    @Test
    void functions() {
        List<String> routines = catalog.getRoutines(schema).stream().map(Routine::getName).distinct()
                .collect(Collectors.toList());
        assertEquals(List.of("fn::greet"), routines);
        Routine greet = catalog.getRoutines(schema).iterator().next();
        List<String> params = greet.getParameters().stream().map(p -> p.getName()).collect(Collectors.toList());
        assertTrue(params.containsAll(List.of("name", "times")), params::toString);
    }

    @Test
    void typesAndDatabaseInfo() {
        assertEquals("SurrealDB", catalog.getDatabaseInfo().getProductName());
        Set<String> types = catalog.getSystemColumnDataTypes().stream().map(t -> t.getName())
                .collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("int", "string", "datetime", "record", "object", "array")),
                types::toString);
    }
}

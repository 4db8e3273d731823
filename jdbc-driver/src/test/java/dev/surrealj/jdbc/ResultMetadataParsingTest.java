package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reading table and field definitions as {@code INFO FOR …} prints them (3.x and 2.x), and the lazy
 * schema of a result set, without a server.
 */
class ResultMetadataParsingTest {

    @Test
    void typeClauseOfFieldDefinitions() {
        // 3.x
        assertEquals("none | int", TableSchemas.fieldType("DEFINE FIELD age ON sf TYPE none | int PERMISSIONS FULL"));
        assertEquals("array<string>", TableSchemas.fieldType("DEFINE FIELD tags ON sf TYPE array<string> PERMISSIONS FULL"));
        assertEquals("string", TableSchemas.fieldType("DEFINE FIELD x ON `we ird` TYPE string PERMISSIONS FULL"));
        assertEquals("none | string", TableSchemas.fieldType(
                "DEFINE FIELD note ON sf TYPE none | string DEFAULT 'n/a' COMMENT 'a TYPE note' PERMISSIONS FULL"));
        assertEquals("record<person | user>", TableSchemas.fieldType(
                "DEFINE FIELD owner ON t TYPE record<person | user> REFERENCE ON DELETE CASCADE PERMISSIONS FULL"));
        assertEquals("'a' | 'b'", TableSchemas.fieldType("DEFINE FIELD k ON t TYPE 'a' | 'b' ASSERT $value != NONE"));
        assertEquals("{ a: int, b: string }", TableSchemas.fieldType("DEFINE FIELD o ON t TYPE { a: int, b: string }"));
        assertEquals("string", TableSchemas.fieldType("DEFINE FIELD type ON type TYPE string PERMISSIONS FULL"));
        assertEquals("int", TableSchemas.fieldType("DEFINE FIELD n ON TABLE t TYPE int"));
        // 2.x
        assertEquals("option<int>", TableSchemas.fieldType("DEFINE FIELD age ON sf TYPE option<int> PERMISSIONS FULL"));
        assertEquals("object", TableSchemas.fieldType("DEFINE FIELD meta ON t FLEXIBLE TYPE object PERMISSIONS FULL"));
        assertEquals("string", TableSchemas.fieldType("DEFINE FIELD tags[*] ON sf TYPE string PERMISSIONS FULL"));
        // no TYPE clause
        assertNull(TableSchemas.fieldType("DEFINE FIELD any ON t PERMISSIONS FULL"));
    }

    @Test
    void fieldTypesOfATableInfo() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("age", "DEFINE FIELD age ON sf TYPE none | int PERMISSIONS FULL");
        fields.put("free", "DEFINE FIELD free ON sf PERMISSIONS FULL");
        fields.put("tags.*", "DEFINE FIELD tags.* ON sf TYPE string PERMISSIONS FULL");
        Map<String, String> types = TableSchemas.fieldTypes(Map.of("fields", fields, "indexes", Map.of()));
        assertEquals(Map.of("age", "none | int", "free", "any", "tags.*", "string"), types);
        assertEquals(List.of("age", "free", "tags.*"), List.copyOf(types.keySet()));
        assertTrue(SurrealTypes.parse(types.get("age")).nullable());
        assertNull(TableSchemas.fieldTypes(Map.of("fields", Map.of())));
        assertNull(TableSchemas.fieldTypes(null));
    }

    @Test
    void schemafullTables() {
        assertTrue(TableSchemas.isSchemafull("DEFINE TABLE sf TYPE NORMAL SCHEMAFULL PERMISSIONS NONE"));
        assertTrue(TableSchemas.isSchemafull("DEFINE TABLE `we ird` TYPE ANY SCHEMAFULL COMMENT 'x' PERMISSIONS NONE"));
        assertFalse(TableSchemas.isSchemafull("DEFINE TABLE person TYPE ANY SCHEMALESS PERMISSIONS NONE"));
        assertFalse(TableSchemas.isSchemafull("DEFINE TABLE `SCHEMAFULL` TYPE ANY SCHEMALESS PERMISSIONS NONE"));
        assertFalse(TableSchemas.isSchemafull(
                "DEFINE TABLE v TYPE ANY SCHEMALESS AS SELECT * FROM x COMMENT 'SCHEMAFULL' PERMISSIONS NONE"));
        assertFalse(TableSchemas.isSchemafull(null));
        assertEquals("`a\\`b`", TableSchemas.quote("a`b"));
    }

    @Test
    void theSchemaIsAskedOnlyForMetadataAndOnce() throws SQLException {
        AtomicInteger loads = new AtomicInteger();
        Map<String, String> types = new LinkedHashMap<>();
        types.put("age", "none | int");
        types.put("name", "string");
        ResultSetContext.SchemaSource source = new ResultSetContext.SchemaSource() {
            @Override
            public Map<String, String> load() {
                loads.incrementAndGet();
                return types;
            }

            @Override
            public Map<String, String> cached() {
                return null;
            }
        };
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("age", 3L);
        row.put("name", "a");
        ResultSet rs = SurrealResultSet.of(null, List.of(row),
                new ResultSetContext("person", null, 0, List.of("name", "age"), source));
        assertTrue(rs.next());
        assertEquals("a", rs.getString(1));
        assertEquals(0, loads.get());
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(1, loads.get());
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
        assertEquals("person", md.getTableName(2));

        // an empty SELECT *: the columns wait for the schema
        ResultSet empty = SurrealResultSet.of(null, List.of(),
                new ResultSetContext("person", null, 0, List.of("*"), source));
        assertFalse(empty.next());
        assertEquals(1, loads.get());
        assertEquals(3, empty.findColumn("name"));
        assertEquals(2, loads.get());
        assertEquals(Types.BIGINT, empty.getMetaData().getColumnType(2));
        assertEquals(2, loads.get());

        // a failing source: no schema, types inferred
        ResultSetContext.SchemaSource failing = new ResultSetContext.SchemaSource() {
            @Override
            public Map<String, String> load() throws SQLException {
                throw new SQLException("refused");
            }

            @Override
            public Map<String, String> cached() {
                return null;
            }
        };
        ResultSet inferred = SurrealResultSet.of(null, List.of(row),
                new ResultSetContext("person", null, 0, List.of("name", "age"), failing));
        assertEquals(ResultSetMetaData.columnNullableUnknown, inferred.getMetaData().isNullable(2));
        assertEquals(Types.BIGINT, inferred.getMetaData().getColumnType(2));
    }
}

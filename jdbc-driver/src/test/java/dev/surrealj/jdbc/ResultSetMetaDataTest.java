package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.ConversionsReadTest.fails;
import static dev.surrealj.jdbc.ResultSetLayoutTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultSetMetaDataTest {

    private static ResultSetMetaData md(Object result, ResultSetContext ctx) throws SQLException {
        return SurrealResultSet.of(null, result, ctx).getMetaData();
    }

    private static int col(ResultSetMetaData md, String label) throws SQLException {
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnLabel(i).equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no column " + label);
    }

    @Test
    void inferredFromValues() throws SQLException {
        List<Object> rows = List.of(
                row("id", new RecordId("person", "a"), "i", 1L, "f", 1.5, "d", new BigDecimal("1.25"),
                        "s", "x", "b", true, "dt", Instant.EPOCH, "dur", Duration.ZERO, "u", UUID.randomUUID(),
                        "bytes", new byte[0], "arr", List.of("a"), "obj", Map.of(), "geo", new GeometryPoint(0, 0),
                        "mixed", 1L, "nums", 1L, "nul", null, "sometimes", 1L),
                row("id", new RecordId("person", "b"), "i", 2L, "d", new BigDecimal("2.125"), "mixed", "x",
                        "nums", 2.5, "nul", None.NONE));
        ResultSetMetaData md = md(rows, null);
        Object[][] expected = {
            {"id", Types.OTHER, "record<person>", RecordId.class.getName()},
            {"i", Types.BIGINT, "int", "java.lang.Long"},
            {"f", Types.DOUBLE, "float", "java.lang.Double"},
            {"d", Types.DECIMAL, "decimal", "java.math.BigDecimal"},
            {"s", Types.VARCHAR, "string", "java.lang.String"},
            {"b", Types.BOOLEAN, "bool", "java.lang.Boolean"},
            {"dt", Types.TIMESTAMP_WITH_TIMEZONE, "datetime", "java.time.Instant"},
            {"dur", Types.OTHER, "duration", "java.time.Duration"},
            {"u", Types.OTHER, "uuid", "java.util.UUID"},
            {"bytes", Types.VARBINARY, "bytes", "[B"},
            {"arr", Types.ARRAY, "array<string>", "java.util.List"},
            {"obj", Types.OTHER, "object", "java.util.Map"},
            {"geo", Types.OTHER, "geometry<point>", GeometryPoint.class.getName()},
            {"mixed", Types.OTHER, "any", "java.lang.Object"},
            {"nums", Types.NUMERIC, "number", "java.lang.Number"},
            {"nul", Types.NULL, "null", "java.lang.Object"},
        };
        for (Object[] e : expected) {
            int c = col(md, (String) e[0]);
            assertEquals(e[1], md.getColumnType(c), () -> "type of " + e[0]);
            assertEquals(e[2], md.getColumnTypeName(c), () -> "type name of " + e[0]);
            assertEquals(e[3], md.getColumnClassName(c), () -> "class of " + e[0]);
        }
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(col(md, "id")));
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(col(md, "i")));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(col(md, "f")), "missing in row 2");
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(col(md, "nul")));
        assertEquals(3, md.getScale(col(md, "d")), "largest decimal scale seen");
        assertEquals(9, md.getScale(col(md, "dt")));
        assertEquals(0, md.getScale(col(md, "i")));
        assertEquals(19, md.getPrecision(col(md, "i")));
        assertEquals(20, md.getColumnDisplaySize(col(md, "i")));
        assertEquals(30, md.getColumnDisplaySize(col(md, "dt")));
        assertEquals(36, md.getPrecision(col(md, "u")));
        assertEquals(Integer.MAX_VALUE, md.getColumnDisplaySize(col(md, "s")));
        assertTrue(md.isSigned(col(md, "f")));
        assertFalse(md.isSigned(col(md, "s")));
        assertTrue(md.isCaseSensitive(col(md, "s")));
        assertFalse(md.isCaseSensitive(col(md, "i")));
        assertTrue(md.isSearchable(1));
        assertFalse(md.isCurrency(1));
    }

    @Test
    void schemaTypesWinOverValues() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("name", "string");
        types.put("age", "option<int>");
        types.put("score", "decimal");
        types.put("friends", "array<record<person>>");
        types.put("born", "datetime");
        types.put("meta", "object");
        types.put("kind", "'a' | 'b'");
        List<Object> rows = List.of(row("id", new RecordId("person", 1L), "name", "Ada", "age", 36L,
                "score", 1L, "friends", List.of(), "born", Instant.EPOCH, "meta", Map.of(), "kind", "a", "extra", 1.5));
        ResultSetMetaData md = md(rows, new ResultSetContext("person", types, 0));
        assertEquals(Types.VARCHAR, md.getColumnType(col(md, "name")));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(col(md, "name")));
        assertEquals(Types.BIGINT, md.getColumnType(col(md, "age")));
        assertEquals("int", md.getColumnTypeName(col(md, "age")));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(col(md, "age")));
        assertEquals(Types.DECIMAL, md.getColumnType(col(md, "score")), "the schema, not the int value");
        assertEquals(Types.ARRAY, md.getColumnType(col(md, "friends")));
        assertEquals("array<record<person>>", md.getColumnTypeName(col(md, "friends")));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(col(md, "born")));
        assertEquals(Types.OTHER, md.getColumnType(col(md, "meta")));
        assertEquals(Types.VARCHAR, md.getColumnType(col(md, "kind")));
        assertEquals(Types.DOUBLE, md.getColumnType(col(md, "extra")), "not in the schema: inferred");
        assertEquals("person", md.getTableName(col(md, "name")));
        assertEquals("", md.getSchemaName(1));
        assertEquals("", md.getCatalogName(1));
    }

    @Test
    void idIsAutoIncrementAndReadOnly() throws SQLException {
        Map<String, String> types = Map.of("name", "string");
        ResultSetMetaData md = md(List.of(row("id", new RecordId("person", 1L), "name", "Ada", "calc", 2L)),
                new ResultSetContext("person", types, 0));
        int id = col(md, "id");
        assertTrue(md.isAutoIncrement(id));
        assertTrue(md.isReadOnly(id));
        assertFalse(md.isWritable(id));
        assertFalse(md.isDefinitelyWritable(id));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(id));
        int name = col(md, "name");
        assertFalse(md.isAutoIncrement(name));
        assertFalse(md.isReadOnly(name));
        assertTrue(md.isWritable(name));
        assertTrue(md.isDefinitelyWritable(name));
        int calc = col(md, "calc");
        assertTrue(md.isWritable(calc));
        assertFalse(md.isDefinitelyWritable(calc), "not defined by the schema");
    }

    @Test
    void withoutTableEverythingIsReadOnly() throws SQLException {
        ResultSetMetaData md = md(List.of(row("id", new RecordId("t", 1L), "x", 1L)), null);
        assertTrue(md.isReadOnly(2));
        assertFalse(md.isWritable(2));
        assertEquals("", md.getTableName(2));
        ResultSetMetaData scalar = md(1L, null);
        assertEquals("value", scalar.getColumnName(1));
        assertFalse(scalar.isAutoIncrement(1));
        assertEquals(Types.BIGINT, scalar.getColumnType(1));
    }

    @Test
    void idColumnIsOnlyForObjectRows() throws SQLException {
        ResultSetMetaData md = SurrealResultSet.ofValues(null, List.of("id"), List.of(List.of(1L))).getMetaData();
        assertFalse(md.isAutoIncrement(1));
    }

    @Test
    void badIndexAndWrapping() throws SQLException {
        ResultSetMetaData md = md(1L, null);
        fails("22023", () -> md.getColumnType(0));
        fails("22023", () -> md.getColumnLabel(2));
        assertTrue(md.isWrapperFor(SurrealResultSetMetaData.class));
        assertSame(md, md.unwrap(ResultSetMetaData.class));
        assertFalse(md.isWrapperFor(String.class));
        fails("HY000", () -> md.unwrap(String.class));
    }

    @Test
    void inferenceOverManyRowsSeesEveryScalarAndEveryTable() throws SQLException {
        List<Object> rows = new java.util.ArrayList<>();
        for (int k = 0; k < 5_000; k++) {
            rows.add(row("id", new RecordId(k < 4_999 ? "person" : "robot", (long) k), "n", (long) k,
                    "tags", List.of("t" + k), "late", k < 4_999 ? "x" : 1L, "num", k < 4_999 ? (Object) 1L : 2.5));
        }
        ResultSetMetaData md = md(rows, null);
        assertEquals("record", md.getColumnTypeName(col(md, "id")), "the last row's record id has another table");
        assertEquals("int", md.getColumnTypeName(col(md, "n")));
        assertEquals("array<string>", md.getColumnTypeName(col(md, "tags")));
        assertEquals("number", md.getColumnTypeName(col(md, "num")), "a float in the last row");
        assertEquals(Types.OTHER, md.getColumnType(col(md, "late")), "a string column with an int in the last row");
    }
}

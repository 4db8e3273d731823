package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.ConversionsReadTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealSet;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How statement results become rows and columns. */
class ResultSetLayoutTest {

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    static List<List<Object>> all(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> r = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                r.add(rs.getObject(i));
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void selectRowsGetIdFirstThenUnionOfKeysInFirstSeenOrder() throws SQLException {
        RecordId a = new RecordId("person", "a");
        RecordId b = new RecordId("person", "b");
        List<Object> result = List.of(
                row("name", "Ada", "id", a, "age", 36L),
                row("id", b, "email", "b@x", "name", "Bob"));
        ResultSet rs = SurrealResultSet.of(null, result, null);
        assertEquals(List.of("id", "name", "age", "email"), labels(rs));
        assertEquals(List.of(
                Arrays.asList(a, "Ada", 36L, null),
                Arrays.asList(b, "Bob", null, "b@x")), all(rs));
    }

    @Test
    void missingKeyAndNoneReadAsNull() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, List.of(row("a", 1L, "b", None.NONE), row("b", 2L)), null);
        assertTrue(rs.next());
        assertEquals(1L, rs.getObject("a"));
        assertFalse(rs.wasNull());
        assertNull(rs.getObject("b"));
        assertTrue(rs.wasNull());
        assertTrue(rs.next());
        assertEquals(0, rs.getInt("a"));
        assertTrue(rs.wasNull());
        assertEquals(2, rs.getInt("b"));
        assertFalse(rs.wasNull());
    }

    @Test
    void singleObjectIsOneRow() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, row("x", 1L, "id", new RecordId("t", 1L)), null);
        assertEquals(List.of("id", "x"), labels(rs));
        assertEquals(1, all(rs).size());
    }

    @Test
    void scalarsGetOneValueColumn() throws SQLException {
        ResultSet one = SurrealResultSet.of(null, 1L, null);
        assertEquals(List.of("value"), labels(one));
        assertEquals(List.of(List.of(1L)), all(one));

        ResultSet list = SurrealResultSet.of(null, List.of("a", "b", "c"), null);
        assertEquals(List.of("value"), labels(list));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), all(list));

        ResultSet lists = SurrealResultSet.of(null, List.of(List.of(1L), List.of(2L)), null);
        assertEquals(List.of(List.of(List.of(1L)), List.of(List.of(2L))), all(lists));

        ResultSet mixed = SurrealResultSet.of(null, List.of(row("a", 1L), "x"), null);
        assertEquals(List.of("value"), labels(mixed), "a list that is not all objects is scalar");
        assertEquals(2, all(mixed).size());

        ResultSet set = SurrealResultSet.of(null, SurrealSet.of(1L, 2L), null);
        assertEquals(List.of(List.of(SurrealSet.of(1L, 2L))), all(set), "a set is one value");
    }

    @Test
    void nullIsOneNullRowAndNoneIsNoRows() throws SQLException {
        ResultSet nul = SurrealResultSet.of(null, null, null);
        assertEquals(List.of("value"), labels(nul));
        assertEquals(List.of(Arrays.asList((Object) null)), all(nul));

        ResultSet none = SurrealResultSet.of(null, None.NONE, null);
        assertEquals(List.of(), labels(none));
        assertFalse(none.next());

        ResultSet empty = SurrealResultSet.of(null, List.of(), null);
        assertEquals(List.of(), labels(empty));
        assertFalse(empty.next());
    }

    @Test
    void nullElementsAmongObjectsAreNullRows() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, Arrays.asList(row("a", 1L), None.NONE, null), null);
        assertEquals(List.of("a"), labels(rs));
        assertEquals(List.of(List.of(1L), Arrays.asList((Object) null), Arrays.asList((Object) null)), all(rs));
    }

    @Test
    void emptyResultWithSchemaShowsTheTableColumns() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("name", "string");
        types.put("address", "object");
        types.put("address.city", "string");
        types.put("tags", "array<string>");
        types.put("tags[*]", "string");
        ResultSet rs = SurrealResultSet.of(null, List.of(), new ResultSetContext("person", types, 0));
        assertEquals(List.of("id", "name", "address", "tags"), labels(rs));
        assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(2));
        assertFalse(rs.next());
        ResultSet none = SurrealResultSet.of(null, None.NONE, new ResultSetContext("person", types, 0));
        assertEquals(List.of("id", "name", "address", "tags"), labels(none));
    }

    @Test
    void maxRowsCutsRowsBeforeColumnsAreWorkedOut() throws SQLException {
        List<Object> result = List.of(row("a", 1L), row("a", 2L), row("a", 3L, "late", true));
        ResultSet rs = SurrealResultSet.of(null, result, ResultSetContext.ofMaxRows(2));
        assertEquals(List.of("a"), labels(rs));
        assertEquals(List.of(List.of(1L), List.of(2L)), all(rs));
        assertEquals(2, SurrealResultSet.of(null, List.of(1L, 2L, 3L), ResultSetContext.ofMaxRows(2)).rowCount());
        assertEquals(3, SurrealResultSet.of(null, List.of(1L, 2L, 3L), ResultSetContext.ofMaxRows(0)).rowCount());
        assertEquals(3, SurrealResultSet.of(null, List.of(1L, 2L, 3L), ResultSetContext.ofMaxRows(-5)).rowCount());
    }

    @Test
    void findColumnIsExactThenCaseInsensitive() throws SQLException {
        ResultSet rs = SurrealResultSet.of(null, List.of(row("Name", "upper", "name", "lower", "Age", 3L)), null);
        assertTrue(rs.next());
        assertEquals(1, rs.findColumn("Name"));
        assertEquals(2, rs.findColumn("name"));
        assertEquals(1, rs.findColumn("NAME"), "first case-insensitive match");
        assertEquals(3, rs.findColumn("age"));
        assertEquals("lower", rs.getString("name"));
        SQLException e = fails("42S22", () -> rs.findColumn("missing"));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("Name"), e.getMessage());
        fails("42S22", () -> rs.getString((String) null));
    }

    @Test
    void syntheticRows() throws SQLException {
        ResultSet keys = SurrealResultSet.ofValues(null, List.of("id"), List.of(List.of(new RecordId("t", 1L)),
                List.of(new RecordId("t", 2L))));
        assertEquals(List.of("id"), labels(keys));
        assertEquals(List.of(List.of(new RecordId("t", 1L)), List.of(new RecordId("t", 2L))), all(keys));
        assertEquals("record<t>", keys.getMetaData().getColumnTypeName(1));

        ResultSet meta = SurrealResultSet.ofRows(null, List.of(new Columns.Def("TABLE_NAME", Types.VARCHAR),
                new Columns.Def("DATA_TYPE", Types.INTEGER), new Columns.Def("NULLABLE", Types.SMALLINT, "int2")),
                List.of(Arrays.asList("person", 12L, null), List.of("short")));
        assertTrue(meta.next());
        assertEquals("person", meta.getString("TABLE_NAME"));
        assertEquals(12, meta.getObject("DATA_TYPE"), "INTEGER columns give Integer");
        assertEquals(Integer.class, meta.getObject("DATA_TYPE").getClass());
        assertEquals(0, meta.getInt("NULLABLE"));
        assertTrue(meta.wasNull());
        assertTrue(meta.next());
        assertNull(meta.getObject(2), "short rows read NULL at the end");
        ResultSetMetaData md = meta.getMetaData();
        assertEquals(Types.INTEGER, md.getColumnType(2));
        assertEquals("int", md.getColumnTypeName(2));
        assertEquals("int2", md.getColumnTypeName(3));
        assertEquals("java.lang.Integer", md.getColumnClassName(2));

        ResultSet viaColumns = SurrealResultSet.ofRows(null, Columns.named(List.of("x")), List.of(List.of(1L)));
        assertEquals(List.of(List.of(1L)), all(viaColumns));
        assertThrows(IllegalArgumentException.class, () -> SurrealResultSet.ofRows(null, Columns.scalar(), List.of()));

        ResultSet empty = SurrealResultSet.empty(null);
        assertEquals(0, empty.getMetaData().getColumnCount());
        assertFalse(empty.next());
    }
}

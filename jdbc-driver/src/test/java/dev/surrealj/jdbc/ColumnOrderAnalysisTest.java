package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jdbc.Placeholders.StatementKind;
import dev.surrealj.value.RecordId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SelectInfo} (projection order, source table) and {@link Columns#ofObjects(List, Map, List)}, without a server. */
class ColumnOrderAnalysisTest {

    private static List<String> order(String sql) {
        SelectInfo s = SelectInfo.analyze(sql);
        return s == null ? null : s.columnOrder();
    }

    private static String table(String sql) {
        SelectInfo s = SelectInfo.analyze(sql);
        return s == null ? null : s.table();
    }

    @Test
    void plainNamesAliasesPathsAndStar() {
        assertEquals(List.of("name", "age"), order("SELECT name, age FROM person"));
        assertEquals(List.of("years", "name"), order("select age AS years, name from person"));
        assertEquals(List.of("address", "name"), order("SELECT address.city, name FROM person"));
        assertEquals(List.of("address"), order("SELECT address.city, address.zip FROM person"));
        assertEquals(List.of("*", "n"), order("SELECT *, name AS n FROM person"));
        assertEquals(List.of("name", "*"), order("SELECT name, * FROM person"));
        assertEquals(List.of("*"), order("SELECT * FROM person"));
        assertEquals(List.of("my name", "age"), order("SELECT `my name`, \u27E8age\u27E9 FROM person"));
        assertEquals(List.of("a`b"), order("SELECT x AS `a\\`b` FROM t"));
        assertEquals(List.of("name"), order("SELECT name, name FROM person"));
        assertEquals(List.of("id", "name"), order("SELECT id, name FROM person"));
    }

    @Test
    void unknownItemsTakeTheRestPosition() {
        assertEquals(List.of("name", "*"), order("SELECT name, string::len(name) FROM person"));
        assertEquals(List.of("*", "name"), order("SELECT count(), name FROM person GROUP BY name"));
        assertEquals(List.of("*", "name"), order("SELECT ->knows->person, name FROM person"));
        assertEquals(List.of("friends", "name"), order("SELECT ->knows->person AS friends, name FROM person"));
        assertEquals(List.of("*", "name"), order("SELECT tags[0], name FROM person"));
        assertEquals(List.of("*", "b"), order("SELECT x AS a.b, y AS b FROM t")); // dotted alias: unknown
        // two rest positions: unknown
        assertNull(order("SELECT 1, true FROM person"));
        assertNull(order("SELECT *, count() FROM person"));
    }

    @Test
    void stringsCommentsBracketsAndSubqueriesAreRespected() {
        assertEquals(List.of("name", "sub", "age"), order("SELECT name, /* , zeta FROM x */ "
                + "(SELECT VALUE age FROM person WHERE name = 'x, FROM y') AS sub, -- FROM z\n age FROM person"));
        assertEquals(List.of("o", "arr"), order("SELECT { a: 1, b: 2 } AS o, [1, 2, 3] AS arr FROM t"));
        assertEquals(List.of("x", "y"), order("SELECT fn::f(a, b) AS x, y FROM t"));
        assertEquals(List.of("a", "b"), order("SELECT a, b FROM t WHERE c = \"FROM, x\""));
        assertEquals(List.of("from"), order("SELECT x.from AS `from` FROM t"));
        assertEquals(List.of("*"), order("SELECT * OMIT password FROM person"));
        assertEquals(List.of("n", "*"), order("SELECT name AS n, * OMIT pw, secret FROM person"));
    }

    @Test
    void notASelectOrNoColumns() {
        assertNull(SelectInfo.analyze("SELECT VALUE name FROM person"));
        assertNull(SelectInfo.analyze("CREATE person SET name = 'x'"));
        assertNull(SelectInfo.analyze("RETURN 1"));
        assertNull(SelectInfo.analyze("SELECT * FROM person EXPLAIN"));
        assertNull(SelectInfo.analyze("SELECT 'unterminated FROM t"));
        assertNull(SelectInfo.analyze("(SELECT * FROM person)"));
        // a field called value
        assertEquals(List.of("value", "x"), order("SELECT value, x FROM t"));
    }

    @Test
    void tableOfAPlainSingleTableSelect() {
        assertEquals("person", table("SELECT * FROM person"));
        assertEquals("person", table("SELECT name FROM person WHERE age > 3 ORDER BY name LIMIT 5"));
        assertEquals("person", table("SELECT * FROM ONLY person:ada"));
        assertEquals("person", table("SELECT * FROM person:1"));
        assertEquals("person", table("SELECT * FROM person:\u27E8a b\u27E9"));
        assertEquals("person", table("SELECT * FROM person:[1, 'x'] FETCH friends"));
        assertEquals("person", table("SELECT * FROM person:1..5"));
        assertEquals("my table", table("SELECT * FROM `my table` WHERE x = 1"));
        assertEquals("person", table("SELECT * FROM person WITH INDEX idx WHERE a = 1"));
        assertNull(table("SELECT * FROM person, animal"));
        assertNull(table("SELECT * FROM person:1, person:2"));
        assertNull(table("SELECT * FROM (SELECT * FROM person)"));
        assertNull(table("SELECT * FROM $things"));
        assertNull(table("SELECT * FROM type::table('person')"));
        assertNull(table("SELECT ->knows->person FROM person:1->knows"));
        assertNull(table("SELECT count() FROM person GROUP ALL"));
        assertNull(table("SELECT * FROM person SPLIT tags"));
    }

    @Test
    void schemaFilterKeepsTheColumnsThatAreFields() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("address", "object");
        types.put("address.city", "string");
        types.put("age", "none | int");
        types.put("friends", "array<record<person>>");
        types.put("name", "string");
        types.put("pw", "string");
        types.put("tags", "array<string>");
        types.put("tags.*", "string");
        assertEquals(List.of("address", "age", "friends", "name", "pw", "tags"),
                List.copyOf(SelectInfo.analyze("SELECT * FROM person").filterSchema(types).keySet()));
        assertEquals(List.of("age", "name"),
                List.copyOf(SelectInfo.analyze("SELECT name, age, count() AS tags FROM person")
                        .filterSchema(types).keySet()));
        // aliases, paths, OMIT and FETCH fields are not described by the schema
        assertEquals(List.of("age", "tags"), List.copyOf(SelectInfo.analyze(
                "SELECT address.city, *, string::len(x) AS name OMIT pw FROM person FETCH friends")
                .filterSchema(types).keySet()));
        assertNull(SelectInfo.analyze("SELECT * FROM person").filterSchema(null));
    }

    @Test
    void columnsFollowTheOrder() {
        RecordId id = new RecordId("person", 1L);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("address", Map.of("city", "x"));
        row.put("age", 3L);
        row.put("id", id);
        row.put("n", "a");
        row.put("name", "a");
        List<Object> rows = List.of(row);
        assertEquals(List.of("id", "name", "age", "address", "n"),
                Columns.ofObjects(rows, null, List.of("name", "age")).labels()); // unexpected keys: id first, rest last
        assertEquals(List.of("id", "address", "age", "name", "n"),
                Columns.ofObjects(rows, null, List.of("*", "n")).labels());
        assertEquals(List.of("n", "id", "address", "age", "name"),
                Columns.ofObjects(rows, null, List.of("n", "*")).labels());
        assertEquals(List.of("name", "id"), Columns.ofObjects(List.of(Map.of("id", id, "name", "a")), null,
                List.of("name", "id")).labels());
        // a name no row has is left out (the server did not give it that name)
        assertEquals(List.of("name", "age", "id", "address", "n"),
                Columns.ofObjects(rows, null, List.of("name", "nosuch", "age", "*")).labels());
        // null order: the server's order, id first
        assertEquals(List.of("id", "address", "age", "n", "name"), Columns.ofObjects(rows, null, null).labels());
    }

    @Test
    void emptyResultColumns() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("age", "int");
        types.put("name", "string");
        types.put("tags[*]", "string");
        assertEquals(List.of("name", "age"), Columns.ofObjects(List.of(), null, List.of("name", "age")).labels());
        assertEquals(List.of("name", "age"), Columns.ofObjects(List.of(), types, List.of("name", "age")).labels());
        assertEquals(List.of("id", "age", "name"), Columns.ofObjects(List.of(), types, List.of("*")).labels());
        assertEquals(List.of("name", "id", "age"), Columns.ofObjects(List.of(), types, List.of("name", "*")).labels());
        assertEquals(List.of(), Columns.ofObjects(List.of(), null, List.of("*")).labels());
        assertEquals(List.of("id", "age", "name"), Columns.ofObjects(List.of(), types, null).labels());
    }

    @Test
    void scriptInfoIsCachedAndKnowsSchemaChanges() {
        ScriptInfo a = ScriptInfo.of("SELECT b, a FROM t; DEFINE FIELD x ON t TYPE int; USE DB other");
        assertSame(a, ScriptInfo.of("SELECT b, a FROM t; DEFINE FIELD x ON t TYPE int; USE DB other"));
        assertEquals(List.of(StatementKind.QUERY, StatementKind.DDL, StatementKind.SESSION), a.kinds());
        assertEquals(List.of("b", "a"), a.select(0).columnOrder());
        assertNull(a.select(1));
        assertTrue(a.changesSchema());
        assertTrue(a.containsUse());
        ScriptInfo b = ScriptInfo.of("SELECT * FROM t");
        assertFalse(b.changesSchema());
        assertFalse(b.containsUse());
        assertSame(ScriptInfo.UNKNOWN, ScriptInfo.of("SELECT 'open"));
        assertEquals(Set.of(), Set.copyOf(ScriptInfo.UNKNOWN.kinds()));
    }
}

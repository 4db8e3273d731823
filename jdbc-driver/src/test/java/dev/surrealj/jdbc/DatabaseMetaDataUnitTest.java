package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts of the metadata that need no server: LIKE patterns, reading 2.x and 3.x {@code STRUCTURE}
 * answers, the column model, record-link targets and the type list.
 */
class DatabaseMetaDataUnitTest {

    @Test
    void likePatterns() {
        assertTrue(LikePattern.like(null, "anything"));
        assertTrue(LikePattern.like("%", ""));
        assertTrue(LikePattern.like("p%", "person"));
        assertFalse(LikePattern.like("p%", "company"));
        assertTrue(LikePattern.like("a_b", "aXb"));
        assertTrue(LikePattern.like("a_b", "a_b"));
        assertFalse(LikePattern.like("a\\_b", "aXb"));
        assertTrue(LikePattern.like("a\\_b", "a_b"));
        assertTrue(LikePattern.like("a\\%b", "a%b"));
        assertFalse(LikePattern.like("a\\%b", "axxb"));
        assertTrue(LikePattern.like("a\\\\b", "a\\b"));
        assertTrue(LikePattern.like("a\\", "a\\"), "a trailing escape is literal");
        assertTrue(LikePattern.like("fn::%", "fn::greet"));
        assertTrue(LikePattern.like("a.b*", "a.b*"), "regex characters are literal");
        assertFalse(LikePattern.like("a.b", "aXb"));
        assertFalse(LikePattern.like("Person", "person"), "case-sensitive");
        assertTrue(LikePattern.like("%\n%", "a\nb"));
        assertFalse(LikePattern.like("", "x"));
        assertTrue(LikePattern.like("", ""));
        assertEquals("a_b", LikePattern.of("a\\_b").literal());
        assertNull(LikePattern.of("a_b").literal());
        assertEquals("person", LikePattern.of("person").literal());
        assertTrue(LikePattern.of(null).matchesAll() && LikePattern.of("%").matchesAll());
        assertFalse(LikePattern.of("x").matches(null));
    }

    @Test
    void readsA3xStructure() {
        Map<String, Object> db = map(
                "tables", List.of(
                        map("name", "person", "kind", map("kind", "NORMAL"), "schemafull", true, "comment", "People"),
                        map("name", "knows", "kind", map("kind", "RELATION", "in", List.of("person"),
                                "out", List.of("person", "company")), "schemafull", true),
                        map("name", "adults", "kind", map("kind", "ANY"), "schemafull", false,
                                "view", "AS SELECT name FROM person"),
                        map("name", "`odd name`", "kind", map("kind", "ANY"), "schemafull", false)),
                "functions", List.of(map("name", "greet", "args", List.of(List.of("name", "string"),
                        List.of("times", "none | int")), "returns", "string", "comment", "hi")));
        SchemaInfo.Database d = SchemaInfo.database(db);
        assertEquals(List.of("adults", "knows", "odd name", "person"), new ArrayList<>(d.tables().keySet()));
        SchemaInfo.Table person = d.tables().get("person");
        assertEquals(SchemaInfo.TABLE, person.type());
        assertTrue(person.schemafull());
        assertFalse(person.sampled());
        assertEquals("People", person.comment());
        SchemaInfo.Table knows = d.tables().get("knows");
        assertEquals(SchemaInfo.RELATION, knows.type());
        assertEquals(List.of("person", "company"), knows.out());
        SchemaInfo.Table adults = d.tables().get("adults");
        assertEquals(SchemaInfo.VIEW, adults.type());
        assertEquals("SELECT name FROM person", adults.view());
        assertTrue(adults.sampled());
        SchemaInfo.Function f = d.functions().get(0);
        assertEquals("fn::greet", f.name());
        assertEquals(List.of(new SchemaInfo.Param("name", "string"), new SchemaInfo.Param("times", "none | int")),
                f.params());
        assertEquals("string", f.returns());

        SchemaInfo.TableDetail t = SchemaInfo.table(map(
                "fields", List.of(
                        map("name", "tags", "kind", "array<string>"),
                        map("name", "tags.*", "kind", "string"),
                        map("name", "address.city", "kind", "string"),
                        map("name", "address", "kind", "none | object"),
                        map("name", "address-x", "kind", "string"),
                        map("name", "`post code`", "kind", "string", "comment", "pc"),
                        map("name", "full", "computed", "name + '!'"),
                        map("name", "owner", "kind", "none | record<person>", "reference", map("on_delete", "CASCADE")),
                        map("name", "created", "kind", "datetime", "default", "time::now()", "readonly", true)),
                "indexes", List.of(
                        map("name", "i_vec", "cols", List.of("embedding"), "index", "HNSW DIMENSION 3"),
                        map("name", "i_count", "cols", List.of(), "index", "COUNT"),
                        map("name", "i_plain", "cols", List.of("a", "`b c`"), "index", ""))));
        assertEquals(List.of("address", "address.city", "address-x", "created", "full", "owner", "post code",
                "tags", "tags.*"), t.fields().stream().map(SchemaInfo.Field::name).toList());
        assertTrue(t.field("tags.*").isElement());
        assertTrue(t.field("full").generated());
        assertEquals("CASCADE", t.field("owner").onDelete());
        assertEquals("time::now()", t.field("created").defaultValue());
        assertTrue(t.field("created").readonly());
        assertEquals("pc", t.field("post code").comment());
        assertEquals(List.of("i_count", "i_plain", "i_vec"), t.indexes().stream().map(SchemaInfo.Index::name).toList());
        assertEquals("COUNT", t.indexes().get(0).kind());
        assertEquals("INDEX", t.indexes().get(1).kind());
        assertTrue(t.indexes().get(1).ordered());
        assertEquals(List.of("a", "b c"), t.indexes().get(1).columns());
        assertEquals("HNSW", t.indexes().get(2).kind());
        assertFalse(t.indexes().get(2).unique() || t.indexes().get(2).ordered());
    }

    @Test
    void readsA2xStructure() {
        SchemaInfo.Database d = SchemaInfo.database(map("tables", List.of(
                map("name", "person", "kind", map("kind", "NORMAL"), "full", true),
                map("name", "loose", "kind", map("kind", "ANY"), "full", false))));
        assertTrue(d.tables().get("person").schemafull());
        assertFalse(d.tables().get("loose").schemafull());
        SchemaInfo.TableDetail t = SchemaInfo.table(map(
                "fields", List.of(map("name", "tags[*]", "kind", "string"), map("name", "age", "kind", "option<int>")),
                "indexes", List.of(map("name", "i", "cols", "name, `x, y`, age", "index", "UNIQUE"),
                        map("name", "s", "cols", "name", "index", "SEARCH ANALYZER simple BM25(1.2,0.75)"))));
        assertTrue(t.field("tags[*]").isElement());
        assertEquals(List.of("name", "x, y", "age"), t.indexes().get(0).columns());
        assertTrue(t.indexes().get(0).unique());
        assertEquals("SEARCH", t.indexes().get(1).kind());
        assertEquals(SchemaInfo.Database.EMPTY, SchemaInfo.database("refused"));
        assertEquals(SchemaInfo.TableDetail.EMPTY, SchemaInfo.table(null));
    }

    @Test
    void columnModel() {
        SchemaInfo.Table table = new SchemaInfo.Table("person", SchemaInfo.TABLE, true, null, null, List.of(),
                List.of());
        SchemaInfo.TableDetail detail = SchemaInfo.table(map("fields", List.of(
                map("name", "address", "kind", "none | object"),
                map("name", "address.city", "kind", "string"),
                map("name", "age", "kind", "option<int>"),
                map("name", "name", "kind", "string"),
                map("name", "tags", "kind", "array<string>"),
                map("name", "tags.*", "kind", "string"),
                map("name", "shout", "value", "string::uppercase(name)"),
                map("name", "nick", "kind", "option<string>", "value", "string::lowercase($value)"))));
        List<SchemaInfo.Column> cols = SchemaInfo.columns(table, detail, null, null);
        assertEquals(List.of("id", "address", "address.city", "age", "name", "nick", "shout", "tags"),
                cols.stream().map(SchemaInfo.Column::name).toList());
        assertEquals("record<person>", cols.get(0).type().name());
        assertTrue(cols.get(0).autoIncrement());
        assertFalse(cols.get(0).type().nullable());
        assertTrue(cols.get(2).type().nullable(), "address.city under an optional address");
        assertTrue(cols.get(3).type().nullable());
        assertEquals(Types.BIGINT, cols.get(3).type().sqlType());
        assertFalse(cols.get(4).type().nullable());
        assertFalse(cols.get(5).generated(), "VALUE using $value transforms what is written");
        assertTrue(cols.get(6).generated());
        assertEquals("any", cols.get(6).type().name());

        SchemaInfo.Table relation = new SchemaInfo.Table("likes", SchemaInfo.RELATION, false, null, null,
                List.of("person"), List.of("post", "comment"));
        List<Map<String, Object>> samples = List.of(map("id", "x", "in", "a", "out", "b", "n", 1L),
                map("id", "y", "n", 2.5, "s", "t"));
        List<SchemaInfo.Column> rel = SchemaInfo.columns(relation, SchemaInfo.TableDetail.EMPTY, null, samples);
        assertEquals(List.of("id", "in", "out", "n", "s"), rel.stream().map(SchemaInfo.Column::name).toList());
        assertEquals("record<post | comment>", rel.get(2).type().name());
        assertEquals("number", rel.get(3).type().name());
        assertEquals("inferred from 2 sampled records", rel.get(4).remarks());
        assertTrue(rel.get(4).type().nullable());

        SchemaInfo.Table view = new SchemaInfo.Table("v", SchemaInfo.VIEW, false, null,
                "SELECT name, count() AS n FROM person GROUP BY name", List.of(), List.of());
        List<SchemaInfo.Column> v = SchemaInfo.columns(view, SchemaInfo.TableDetail.EMPTY, detail, List.of());
        assertEquals(List.of("id", "name", "n"), v.stream().map(SchemaInfo.Column::name).toList());
        assertEquals("any", v.get(2).type().name());
    }

    @Test
    void recordTargetsAndPaths() {
        assertEquals(List.of("person"), SurrealDatabaseMetaData.recordTargets("record<person>"));
        assertEquals(List.of("a", "b"), SurrealDatabaseMetaData.recordTargets("record<a | b>"));
        assertEquals(List.of("a", "b"), SurrealDatabaseMetaData.recordTargets("record<a> | record<b>"));
        assertEquals(List.of("a"), SurrealDatabaseMetaData.recordTargets("string | record<a>"));
        assertEquals(List.of(), SurrealDatabaseMetaData.recordTargets("record"));
        assertEquals(List.of(), SurrealDatabaseMetaData.recordTargets("array<record<a>>"));
        assertEquals(List.of("odd name"), SurrealDatabaseMetaData.recordTargets("record<`odd name`>"));
        assertTrue(SchemaInfo.comparePaths("a", "a.b") < 0);
        assertTrue(SchemaInfo.comparePaths("a.b", "a-b") < 0);
        assertTrue(SchemaInfo.comparePaths("a.z", "aa") < 0);
        assertEquals("address.post code", SchemaInfo.unquotePath("address.`post code`"));
        assertEquals("a.b`c", SchemaInfo.unquotePath("a.`b\\`c`"));
        assertEquals("x", SchemaInfo.unquote("⟨x⟩"));
        assertEquals("person", SurrealDatabaseMetaData.ident("person"));
        assertEquals("`odd name`", SurrealDatabaseMetaData.ident("odd name"));
    }

    @Test
    void typeListIsOrderedAndVersioned() {
        int previous = Integer.MIN_VALUE;
        for (TypeInfo.Type t : TypeInfo.TYPES) {
            assertTrue(t.sqlType() >= previous, t.name());
            previous = t.sqlType();
            assertEquals(SurrealTypes.parse(t.name()).sqlType(), t.sqlType(), t.name() + " as SurrealTypes maps it");
            assertEquals(18, t.row().size());
        }
        assertEquals(TypeInfo.TYPES.size() - 2, TypeInfo.rows(2).size());
        assertEquals(TypeInfo.TYPES.size(), TypeInfo.rows(3).size());
        assertFalse(List.of(TypeInfo.KEYWORDS.split(",")).contains("SELECT"));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

package dev.surrealj.jooq;

import static dev.surrealj.jooq.Fixture.AGE;
import static dev.surrealj.jooq.Fixture.CITY;
import static dev.surrealj.jooq.Fixture.EMB;
import static dev.surrealj.jooq.Fixture.NAME;
import static dev.surrealj.jooq.Fixture.PERSON;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateTimeAdd;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jooq.SurrealDSL.Distance;
import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.value.RecordId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Rendering only: no server. */
class RenderTest {
    private static final DSLContext DSL_ = DSL.using(SQLDialect.DEFAULT);
    private static final SurrealQLRenderer V3 = SurrealQLRenderer.of(SurrealVersion.V3);
    private static final SurrealQLRenderer V2 = SurrealQLRenderer.of(SurrealVersion.V2);

    private static String v3(QueryPart q) {
        return V3.render(q).sql();
    }

    private static String v2(QueryPart q) {
        return V2.render(q).sql();
    }

    private static UnsupportedSurrealQLException unsupported(SurrealQLRenderer r, QueryPart q) {
        return assertThrows(UnsupportedSurrealQLException.class, () -> r.render(q));
    }

    @Nested
    class Binds {
        @Test
        void valuesAreBoundInTextOrder() {
            SurrealQLRenderer.Rendered r = V3.render(DSL_.select(NAME).from(PERSON)
                    .where(AGE.gt(18).and(NAME.eq("x"))).limit(5).offset(10));
            assertEquals("SELECT name FROM person WHERE age > ? AND name = ? LIMIT ? START ?", r.sql());
            assertEquals(List.of(18, "x", 5L, 10L), r.binds());
            assertEquals(List.of("name"), r.columns());
        }

        @Test
        void hostileValuesNeverReachTheText() {
            String evil = "x'; DELETE person; -- `$a` ⟨b⟩";
            SurrealQLRenderer.Rendered r = V3.render(DSL_.selectFrom(PERSON).where(NAME.eq(evil)));
            assertEquals("SELECT * FROM person WHERE name = ?", r.sql());
            assertEquals(evil, r.bind(0));
            assertEquals("SELECT * FROM person WHERE name = 'x\\'; DELETE person; -- `$a` ⟨b⟩'", r.inlined());
        }

        @Test
        void namedVariables() {
            SurrealQLRenderer.Rendered r = V3.renderNamed(DSL_.selectFrom(PERSON).where(AGE.between(1, 9)));
            assertEquals("SELECT * FROM person WHERE age >= $p1 AND age <= $p2", r.sql());
            assertEquals(Map.of("p1", 1, "p2", 9), r.variables());
            assertTrue(r.isNamed());
        }

        @Test
        void inlinedRendering() {
            assertEquals("SELECT name FROM person WHERE born > d'2020-01-01T00:00:00Z' AND id = person:`tobie jaffey`",
                    V3.renderInlined(DSL_.select(NAME).from(PERSON)
                            .where(Fixture.BORN.gt(Instant.parse("2020-01-01T00:00:00Z"))
                                    .and(Fixture.ID.eq(new RecordId("person", "tobie jaffey"))))));
        }

        @Test
        void inlineParamsStayLiterals() {
            assertEquals("SELECT name FROM person WHERE age > 3 AND name != 'it\\'s' AND name IS NOT NONE AND name IS NOT NULL",
                    v3(DSL_.select(NAME).from(PERSON).where(AGE.gt(inline(3)).and(NAME.ne(inline("it's"))))));
        }
    }

    @Nested
    class Identifiers {
        @Test
        void escapedWhenNeeded() {
            Table<Record> t = table(name("my table"));
            Field<String> f = field(name("first-name"), String.class);
            Field<String> kw = field(name("value"), String.class);
            assertEquals("SELECT `first-name`, `value` FROM `my table` WHERE `first-name` = ?",
                    v3(DSL_.select(f, kw).from(t).where(f.eq("a"))));
            assertEquals("SELECT `a\\`b` FROM t", v3(DSL_.select(field(name("a`b"))).from(table(name("t")))));
        }

        @Test
        void qualifiedFields() {
            // a qualifier naming the FROM table (or its alias) is dropped; any other qualifier is a nested path
            Table<Record> p = PERSON.as("p");
            assertEquals("SELECT name, address.city AS city FROM person WHERE age > ?",
                    v3(DSL_.select(field(name("p", "name")), field(name("address", "city"))).from(p)
                            .where(field(name("person", "age"), Integer.class).gt(1))));
        }

        @Test
        void correlatedSubqueryUsesParent() {
            Table<Record> pet = table(name("pet"));
            assertEquals("SELECT name FROM person WHERE array::len((SELECT id FROM pet WHERE owner = $parent.id LIMIT 1)) > 0",
                    v3(DSL_.select(NAME).from(PERSON).where(DSL.exists(
                            select(field(name("pet", "id"))).from(pet).where(field(name("pet", "owner")).eq(field(name("person", "id"))))))));
        }
    }

    @Nested
    class Versions {
        @Test
        void functionNames() {
            Field<?> f = SurrealDSL.function("type::thing", Object.class, "t", 1);
            assertEquals("SELECT type::record(?, ?) AS thing FROM [{}]", v3(select(f)));
            assertEquals("SELECT type::thing(?, ?) AS thing FROM [{}]", v2(select(f)));
            Field<?> g = SurrealDSL.function("time::from_unix", Instant.class, 0);
            assertEquals("SELECT time::from::unix(?) AS from_unix FROM [{}]", v2(select(g)));
        }

        @Test
        void substringSemantics() {
            // 2.x slices (start, length); 3.x slices (start, end)
            Field<String> s = val("abcdef");
            assertEquals(List.of(1L, 3), V2.render(select(DSL.substring(s, 2, 3))).binds().subList(1, 3));
            assertEquals(List.of(1L, 4L), V3.render(select(DSL.substring(s, 2, 3))).binds().subList(1, 3));
        }

        @Test
        void dateAdd() {
            Field<java.time.LocalDateTime> d = field(name("d"), SQLDataType.LOCALDATETIME);
            assertEquals("SELECT (IF type::is_datetime(d) { d + duration::from_hours(?) } ELSE { NULL }) AS date_add FROM t",
                    v3(DSL_.select(localDateTimeAdd(d, 2, DatePart.HOUR)).from(table(name("t")))));
            assertEquals("SELECT (IF type::is::datetime(d) { d - duration::from::mins(?) } ELSE { NULL }) AS date_add FROM t",
                    v2(DSL_.select(localDateTimeAdd(d, -5, DatePart.MINUTE)).from(table(name("t")))));
            assertTrue(unsupported(V3, DSL_.select(localDateTimeAdd(d, 1, DatePart.MONTH)).from(table(name("t"))))
                    .getMessage().contains("MONTH"));
        }

        @Test
        void versionParsing() {
            assertEquals(SurrealVersion.V2, SurrealVersion.fromServerVersion("surrealdb-2.6.0"));
            assertEquals(SurrealVersion.V3, SurrealVersion.fromServerVersion("surrealdb-3.0.2"));
            assertEquals(SurrealVersion.V3, SurrealVersion.fromServerVersion(null));
            assertEquals(SurrealVersion.V2, SurrealVersion.fromMajor(1));
            assertEquals(SurrealVersion.V3, SurrealVersion.fromMajor(0));
        }

        @Test
        void twoXOnlyAndThreeXOnly() {
            unsupported(V2, DSL_.select(countDistinct(CITY)).from(PERSON));
            assertThrows(UnsupportedSurrealQLException.class,
                    () -> SurrealDSL.select(DSL_.selectFrom(PERSON)).parallel().render(SurrealVersion.V3));
            assertEquals("SELECT * FROM person PARALLEL",
                    SurrealDSL.select(DSL_.selectFrom(PERSON)).parallel().render(SurrealVersion.V2).sql());
        }
    }

    @Nested
    class Unsupported {
        private void relational(QueryPart q, String what) {
            UnsupportedSurrealQLException e = unsupported(V3, q);
            assertTrue(e.getMessage().startsWith(what), e.getMessage());
            assertTrue(e.getMessage().contains("Calcite adapter"), e.getMessage());
        }

        @Test
        void joins() {
            Table<Record> pet = table(name("pet"));
            relational(DSL_.select(NAME).from(PERSON).join(pet).on(field(name("pet", "owner")).eq(field(name("person", "id")))),
                    "JOIN");
            relational(DSL_.select(NAME).from(PERSON).leftJoin(pet).on(DSL.trueCondition()), "JOIN");
            relational(DSL_.select(NAME).from(PERSON, pet), "Selecting FROM several tables");
        }

        @Test
        void setOperationsWindowsCtes() {
            relational(DSL_.select(NAME).from(PERSON).union(select(NAME).from(table(name("pet")))), "UNION");
            relational(DSL_.select(NAME, rowNumber().over().as("rn")).from(PERSON), "A window function");
            relational(DSL_.select(NAME, DSL.sum(AGE).over().as("s")).from(PERSON), "A window function");
            relational(DSL_.with("x").as(select(NAME).from(PERSON)).select(field(name("name"))).from(table(name("x"))),
                    "WITH");
        }

        @Test
        void others() {
            unsupported(V3, DSL_.select(NAME).from(PERSON).orderBy(NAME.asc().nullsFirst()));
            unsupported(V3, DSL_.select(NAME).from(PERSON).where(NAME.like(CITY)));
            unsupported(V3, DSL_.selectDistinct().from(PERSON));
            unsupported(V3, DSL_.update(PERSON).set(NAME, "x").limit(1));
        }
    }

    @Nested
    class Conditions {
        @Test
        void nullSemantics() {
            assertEquals("SELECT * FROM person WHERE age < ? AND age IS NOT NONE AND age IS NOT NULL",
                    v3(DSL_.selectFrom(PERSON).where(AGE.lt(3))));
            assertEquals("SELECT * FROM person WHERE age > ?", v3(DSL_.selectFrom(PERSON).where(AGE.gt(3))));
            // NOT is pushed in, so a missing age stays "unknown"
            assertEquals("SELECT * FROM person WHERE age <= ? AND age IS NOT NONE AND age IS NOT NULL",
                    v3(DSL_.selectFrom(PERSON).where(DSL.not(AGE.gt(3)))));
            assertEquals("SELECT * FROM person WHERE age > ?", v3(DSL_.selectFrom(PERSON).where(DSL.not(AGE.le(3)))));
            assertEquals("SELECT * FROM person WHERE (age < ? AND age IS NOT NONE AND age IS NOT NULL) OR city = ?",
                    v3(DSL_.selectFrom(PERSON).where(DSL.not(AGE.ge(3).and(CITY.ne("x"))))));
            assertEquals("SELECT * FROM person WHERE age IS NOT NONE AND age IS NOT NULL",
                    v3(DSL_.selectFrom(PERSON).where(DSL.not(AGE.isNull()))));
            // IS DISTINCT FROM is SurrealQL's own != (NONE and NULL are values)
            assertEquals("SELECT * FROM person WHERE age != ?", v3(DSL_.selectFrom(PERSON).where(AGE.isDistinctFrom(3))));
        }

        @Test
        void likeToRegex() {
            assertEquals("(?s)^a\\.b.*c.$", Functions.likeToRegex("a.b%c_", (char) 0, false));
            assertEquals("(?is)^50%.*$", Functions.likeToRegex("50!%%", '!', true));
            SurrealQLRenderer.Rendered r = V3.render(DSL_.selectFrom(PERSON).where(NAME.like("a_c%")));
            assertEquals("(?s)^a.c.*$", r.bind(0));
            assertEquals("SELECT * FROM person WHERE (type::is_string(name))",
                    v3(DSL_.selectFrom(PERSON).where(NAME.like("%"))));
        }

        @Test
        void surrealOperators() {
            assertEquals("SELECT * FROM doc WHERE emb <|5,40|> ? AND emb <|3,COSINE|> ? AND body @@ ?",
                    v3(DSL_.selectFrom(table(name("doc"))).where(SurrealDSL.knn(EMB, 5, 40, List.of(1, 2))
                            .and(SurrealDSL.knn(EMB, 3, Distance.COSINE, List.of(1, 2)))
                            .and(SurrealDSL.matches(field(name("body")), "x")))));
            // <|k|> is the M-tree form: 2.x only (3.x has no M-tree index and rejects it)
            QueryPart mtree = DSL_.selectFrom(table(name("doc"))).where(SurrealDSL.knn(EMB, 5, List.of(1, 2)));
            assertEquals("SELECT * FROM doc WHERE emb <|5|> ?", v2(mtree));
            assertTrue(unsupported(V3, mtree).getMessage().contains("M-tree"));
            assertEquals("SELECT * FROM person WHERE tags CONTAINSALL ? AND tags CONTAINSNONE ? AND tags ALLINSIDE ?",
                    v3(DSL_.selectFrom(PERSON).where(SurrealDSL.containsAll(Fixture.TAGS, List.of("a"))
                            .and(SurrealDSL.containsNone(Fixture.TAGS, List.of("z")))
                            .and(SurrealDSL.allInside(Fixture.TAGS, List.of("a", "b"))))));
        }
    }

    @Nested
    class Extensions {
        @Test
        void graphSteps() {
            assertEquals("SELECT ->(likes, follows)->?.name AS name, <-(wrote WHERE year > ?)<-person AS person, "
                    + "@.{1..3}(<->knows<->person) AS p FROM person",
                    v3(DSL_.select(SurrealDSL.graph().out("likes", "follows").outAny().field("name"),
                            SurrealDSL.graph().in("wrote", field(name("year")).gt(2000)).in("person"),
                            SurrealDSL.graph().both("knows").both("person").recurse(1, 3).as("p")).from(PERSON)));
        }

        @Test
        void searchAndIndexHints() {
            assertEquals("SELECT search::offsets(2) AS offsets FROM doc WITH INDEX doc_body WHERE body @2@ ?",
                    SurrealDSL.select(DSL_.select(SurrealDSL.searchOffsets(2)).from(table(name("doc")))
                            .where(SurrealDSL.matches(field(name("body")), 2, "x"))).withIndex("doc_body")
                            .render(SurrealVersion.V3).sql());
            assertEquals("SELECT VALUE name FROM ONLY person EXPLAIN FULL",
                    SurrealDSL.select(DSL_.select(NAME).from(PERSON)).value().only().explainFull()
                            .render(SurrealVersion.V3).sql());
        }

        @Test
        void variablesIdiomsAndNone() {
            assertEquals("SELECT * FROM person WHERE owner = $auth.id AND tags[WHERE $this > 2] != [] AND x = NONE",
                    v3(DSL_.selectFrom(PERSON).where(field(name("owner")).eq(SurrealDSL.idiom("$auth.id"))
                            .and(SurrealDSL.idiom("tags[WHERE $this > 2]").ne(SurrealDSL.idiom("[]")))
                            .and(field(name("x")).eq(SurrealDSL.none())))));
        }
    }

    @Nested
    class Statements {
        @Test
        void mutations() {
            assertEquals("UPSERT ONLY ? PATCH ? RETURN NONE TIMEOUT 1s",
                    v3(SurrealDSL.upsert(new RecordId("p", 1)).only()
                            .patch(List.of(Map.of("op", "replace", "path", "/a", "value", 1))).returnNone()
                            .timeout(Duration.ofSeconds(1))));
            assertEquals("UPDATE person SET age = ? UNSET city WHERE name = ?",
                    v3(SurrealDSL.update("person").set(AGE, 3).unset(CITY).where(NAME.eq("x"))));
            // 3.x evaluates SET expressions before WHERE: the target becomes the matching ids
            assertEquals("UPDATE (SELECT VALUE id FROM person WHERE name = ?) SET age = (IF type::is_number(age) { age + ? } ELSE { NULL })",
                    v3(SurrealDSL.update("person").set(AGE, AGE.plus(1)).where(NAME.eq("x"))));
            assertEquals("UPDATE person SET age = (IF type::is::number(age) { age + ? } ELSE { NULL }) WHERE name = ?",
                    v2(SurrealDSL.update("person").set(AGE, AGE.plus(1)).where(NAME.eq("x"))));
            assertEquals("CREATE person SET address.city = ? RETURN AFTER",
                    v3(SurrealDSL.create("person").set("address.city", "Oslo").returnAfter()));
            assertThrows(IllegalStateException.class, () -> SurrealDSL.create("person").where(AGE.gt(1)));
            assertThrows(IllegalStateException.class, () -> SurrealDSL.update("person").set(AGE, 1).content(Map.of()));
        }

        @Test
        void contentFromAJavaRecord() {
            record Person(String name, int age) {
            }
            SurrealQLRenderer.Rendered r = V3.render(SurrealDSL.create("person").content(new Person("Ann", 3)));
            assertEquals("CREATE person CONTENT ?", r.sql());
            assertEquals(Map.of("name", "Ann", "age", 3), r.bind(0));
        }

        @Test
        void insertDefaultsAndNulls() {
            assertEquals("INSERT INTO person {name: ?} RETURN id",
                    v3(DSL_.insertInto(PERSON, NAME, AGE).values(val("a"), DSL.defaultValue(AGE))));
            assertEquals("INSERT INTO person {} RETURN id", v3(DSL_.insertInto(PERSON).defaultValues()));
            // 3.x reads a bare field in ON DUPLICATE KEY UPDATE as NONE: the stored record's fields are @.field
            assertEquals("INSERT INTO person {name: ?, age: ?} ON DUPLICATE KEY UPDATE age = (IF type::is_number(@.age) { @.age + ? } ELSE { NULL }) RETURN id",
                    v3(DSL_.insertInto(PERSON, NAME, AGE).values("a", 1).onConflict().doUpdate().set(AGE, AGE.plus(1))));
            assertEquals("INSERT INTO person {name: ?, age: ?} ON DUPLICATE KEY UPDATE age = (IF type::is::number(age) { age + ? } ELSE { NULL }) RETURN id",
                    v2(DSL_.insertInto(PERSON, NAME, AGE).values("a", 1).onConflict().doUpdate().set(AGE, AGE.plus(1))));
        }

        @Test
        void live() {
            assertEquals("LIVE SELECT * FROM person WHERE age > $p1",
                    SurrealDSL.renderLive(SurrealVersion.V3, DSL_.selectFrom(PERSON).where(AGE.gt(3)), false).sql());
            assertEquals("LIVE SELECT DIFF FROM person WHERE age > $p1",
                    SurrealDSL.renderLive(SurrealVersion.V3, DSL_.selectFrom(PERSON).where(AGE.gt(3)), true).sql());
            assertThrows(UnsupportedSurrealQLException.class,
                    () -> SurrealDSL.live(DSL_, DSL_.selectFrom(PERSON).orderBy(AGE)));
        }
    }

    @Nested
    class JooqOwnRendering {
        @Test
        void surrealPartsRenderInsideJooq() {
            // accept(Context): used by toString(), logging and plain SQL templates
            String sql = DSL_.renderInlined(DSL_.select(SurrealDSL.graph().out("follows").out("person").as("f"))
                    .from(PERSON).where(SurrealDSL.knn(EMB, 3, Distance.COSINE, List.of(1.0, 2.0))));
            assertTrue(sql.contains("->follows->person"), sql);
            assertTrue(sql.contains("emb <|3,COSINE|> [1.0, 2.0]"), sql);
            assertEquals("CREATE person SET name = 'x'", SurrealDSL.create("person").set(NAME, "x").toString());
        }
    }

    @Nested
    class Ddl {
        @Test
        void tables() {
            assertEquals("DEFINE TABLE OVERWRITE likes SCHEMALESS TYPE RELATION IN person OUT post | comment ENFORCED",
                    v3(SurrealDDL.defineTable("likes").overwrite().typeRelation("person", "post|comment").enforced()
                            .schemaless()));
        }

        @Test
        void tableOptions() {
            assertEquals("DEFINE TABLE IF NOT EXISTS adults DROP AS SELECT name FROM person WHERE age >= 18 PERMISSIONS NONE",
                    v3(SurrealDDL.defineTable("adults").ifNotExists().drop()
                            .as(select(NAME).from(PERSON).where(AGE.ge(18))).permissionsNone()));
            assertEquals("DEFINE TABLE log SCHEMALESS CHANGEFEED 1d INCLUDE ORIGINAL COMMENT 'it\\'s'",
                    v3(SurrealDDL.defineTable("log").schemaless().changefeed(Duration.ofDays(1), true).comment("it's")));
        }

        @Test
        void fields() {
            assertEquals("DEFINE FIELD meta ON person TYPE object FLEXIBLE DEFAULT {} READONLY",
                    v3(SurrealDDL.defineField("meta", "person").type("object").flexible().defaultValue(Map.of()).readonly()));
            assertEquals("DEFINE FIELD created ON person TYPE datetime DEFAULT ALWAYS time::now()",
                    v3(SurrealDDL.defineField("created", "person").type("datetime").defaultExpression("time::now()")
                            .defaultAlways()));
            assertEquals("DEFINE FIELD email ON person TYPE string VALUE string::lowercase($value) "
                    + "ASSERT string::is_email($value)",
                    v3(SurrealDDL.defineField("email", "person").type("string").value("string::lowercase($value)")
                            .assertThat(SurrealDSL.function("string::is::email", Boolean.class, SurrealDDL.VALUE))));
            assertEquals("DEFINE FIELD tags.* ON person TYPE string", v3(SurrealDDL.defineField("tags.*", "person").type("string")));
            assertEquals("DEFINE FIELD age ON person TYPE int ASSERT $value >= 0 AND $value <= 150",
                    v2(SurrealDDL.defineField("age", "person").type("int")
                            .assertThat(SurrealDDL.VALUE.between(0, 150))));
        }

        @Test
        void indexes() {
            assertEquals("DEFINE INDEX emb ON doc FIELDS emb HNSW DIMENSION 768 TYPE F32 DIST COSINE EFC 150 M 12",
                    v3(SurrealDDL.defineIndex("emb", "doc").fields("emb").hnsw(768).vectorType("f32")
                            .dist(Distance.COSINE).efc(150).m(12)));
            assertEquals("DEFINE INDEX body ON doc FIELDS body FULLTEXT ANALYZER simple BM25(1.2, 0.75) HIGHLIGHTS",
                    v3(SurrealDDL.defineIndex("body", "doc").fields("body").fulltext("simple").bm25(1.2, 0.75).highlights()));
            assertEquals("DEFINE INDEX body ON doc FIELDS body SEARCH ANALYZER simple BM25",
                    v2(SurrealDDL.defineIndex("body", "doc").fields("body").fulltext("simple")));
            assertEquals("DEFINE INDEX n ON person COUNT", v3(SurrealDDL.defineIndex("n", "person").count()));
            assertEquals("DEFINE INDEX a ON person FIELDS address.city, name UNIQUE",
                    v3(SurrealDDL.defineIndex("a", "person").fields("address.city", "name").unique()));
        }

        @Test
        void analyzersEventsAccessFunctions() {
            assertEquals("DEFINE ANALYZER en FUNCTION fn::clean TOKENIZERS blank FILTERS lowercase, snowball(english)",
                    v3(SurrealDDL.defineAnalyzer("en").function("fn::clean").tokenizers("blank")
                            .filters("lowercase", "snowball(english)")));
            assertEquals("DEFINE EVENT audit ON person WHEN $event = 'CREATE' THEN { CREATE log SET msg = 'new'; }",
                    v3(SurrealDDL.defineEvent("audit", "person").when(SurrealDDL.EVENT.eq("CREATE"))
                            .then(SurrealDSL.create("log").set("msg", "new"))));
            assertEquals("DEFINE EVENT mail ON person ASYNC RETRY 3 THEN { http::post('u', $after); }",
                    v3(SurrealDDL.defineEvent("mail", "person").async(3).then("http::post('u', $after)")));
            assertThrows(UnsupportedSurrealQLException.class,
                    () -> v2(SurrealDDL.defineEvent("mail", "person").async(3).then("x")));
            assertEquals("DEFINE ACCESS account ON DATABASE TYPE RECORD SIGNUP (CREATE user SET email = $email) "
                    + "SIGNIN (SELECT * FROM user WHERE email = $email) DURATION FOR TOKEN 15m, FOR SESSION 12h",
                    v3(SurrealDDL.defineAccess("account").record().signup("CREATE user SET email = $email")
                            .signin("SELECT * FROM user WHERE email = $email").tokenDuration(Duration.ofMinutes(15))
                            .sessionDuration(Duration.ofHours(12))));
            assertEquals("DEFINE ACCESS api ON DATABASE TYPE JWT ALGORITHM HS512 KEY 'k\\'ey'",
                    v3(SurrealDDL.defineAccess("api").jwt("HS512", "k'ey")));
            assertEquals("DEFINE FUNCTION fn::greet($name: string) -> string { RETURN 'Hi ' + $name; } COMMENT 'hi'",
                    v3(SurrealDDL.defineFunction("greet").arg("name", "string").returns("string")
                            .body("RETURN 'Hi ' + $name;").comment("hi")));
        }

        @Test
        void removes() {
            assertEquals("REMOVE TABLE IF EXISTS person", v3(SurrealDDL.removeTable("person").ifExists()));
            assertEquals("REMOVE FIELD age ON person", v3(SurrealDDL.removeField("age", "person")));
            assertEquals("REMOVE INDEX i ON person", v3(SurrealDDL.removeIndex("i", "person")));
            assertEquals("REMOVE ANALYZER en", v3(SurrealDDL.removeAnalyzer("en")));
            assertEquals("REMOVE EVENT e ON person", v3(SurrealDDL.removeEvent("e", "person")));
            assertEquals("REMOVE ACCESS api ON DATABASE", v3(SurrealDDL.removeAccess("api")));
            assertEquals("REMOVE FUNCTION fn::greet", v3(SurrealDDL.removeFunction("fn::greet")));
        }

        @Test
        void scripts() {
            assertEquals("DEFINE FIELD x ON t VALUE <future> { a + b };\nREMOVE TABLE u;\n",
                    SurrealDDL.script(SurrealVersion.V2, SurrealDDL.defineField("x", "t").computed("a + b"),
                            SurrealDDL.removeTable("u")));
        }
    }

    @Test
    void columnsOfStarSelects() {
        assertNull(V3.render(DSL_.selectFrom(PERSON)).columns());
        assertEquals(List.of("n"), V3.render(DSL_.select(count().as("n")).from(PERSON)).columns());
        assertFalse(V3.render(DSL_.select(NAME).from(PERSON)).isNamed());
    }
}

package dev.surrealj.jooq;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surrealj.value.RecordId;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The typical queries of {@code tools/bench/.../RenderBench} (the rendering benchmark) and the SurrealQL they must
 * render: the benchmark checks the same strings before measuring. Rendering only; no timing here.
 */
class RenderBenchQueriesTest {
    private static final DSLContext DSL_ = DSL.using(SQLDialect.DEFAULT);
    private static final Table<Record> PERSON = table(name("person"));
    private static final Table<Record> DOC = table(name("doc"));
    private static final Field<RecordId> ID = field(name("id"), SurrealDataTypes.RECORD_ID);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<Integer> AGE = field(name("age"), Integer.class);
    private static final Field<String> CITY = field(name("city"), String.class);
    private static final Field<Double> SCORE = field(name("score"), Double.class);
    private static final Field<Object> EMB = field(name("emb"));
    private static final Field<String> BODY = field(name("body"), String.class);
    private static final List<Double> VECTOR = List.of(0.12, 0.5, 0.33, 0.91);

    private static void renders(String expected, QueryPart q) {
        assertEquals(expected, SurrealQLRenderer.of(SurrealVersion.V3).render(q).sql());
    }

    @Test
    void selectWhereOrderLimit() {
        renders("SELECT name, age, city FROM person WHERE age >= ? AND city = ? ORDER BY age DESC, name LIMIT ? START ?",
                DSL_.select(NAME, AGE, CITY).from(PERSON).where(AGE.ge(18).and(CITY.eq("Oslo")))
                        .orderBy(AGE.desc(), NAME).limit(10).offset(20));
    }

    @Test
    void insert() {
        renders("INSERT INTO person {name: ?, age: ?, city: ?} RETURN id",
                DSL_.insertInto(PERSON, NAME, AGE, CITY).values("Ann", 31, "Oslo"));
    }

    @Test
    void update() {
        renders("UPDATE person SET city = ?, score = ? WHERE id = ? RETURN id",
                DSL_.update(PERSON).set(CITY, "Bergen").set(SCORE, 7.5).where(ID.eq(new RecordId("person", "ann"))));
    }

    @Test
    void graph() {
        renders("SELECT name, ->follows->person.name AS follows FROM person WHERE id = ?",
                DSL_.select(NAME, SurrealDSL.graph().out("follows").out("person").field("name").as("follows"))
                        .from(PERSON).where(ID.eq(SurrealDSL.recordId("person", "tobie"))));
    }

    @Test
    void knn() {
        renders("SELECT id, vector::distance::knn() AS dist FROM doc WHERE emb <|10,40|> ? ORDER BY dist",
                DSL_.select(ID, SurrealDSL.knnDistance().as("dist")).from(DOC)
                        .where(SurrealDSL.knn(EMB, 10, 40, VECTOR)).orderBy(field(name("dist"))));
    }

    @Test
    void fullText() {
        renders("SELECT id, search::score(1) AS score, search::highlight('<b>', '</b>', 1) AS hl FROM doc WHERE body @1@ ?"
                + " ORDER BY score DESC LIMIT ?",
                DSL_.select(ID, SurrealDSL.searchScore(1).as("score"), SurrealDSL.searchHighlight("<b>", "</b>", 1).as("hl"))
                        .from(DOC).where(SurrealDSL.matches(BODY, 1, "lazy fox")).orderBy(field(name("score")).desc())
                        .limit(5));
    }

    @Test
    void groupByHaving() {
        renders("SELECT city, n FROM (SELECT city, count() AS n FROM person WHERE age > ? GROUP BY city) WHERE n > ?"
                + " ORDER BY city",
                DSL_.select(CITY, count().as("n")).from(PERSON).where(AGE.gt(18)).groupBy(CITY)
                        .having(count().gt(1)).orderBy(CITY));
    }
}

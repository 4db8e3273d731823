package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** The corpus on SurrealDB 3.x: each case's SurrealQL (3.x and 2.x renderings) and its rows on the engine. */
@ExtendWith(SurrealExtension.class)
class CorpusTest {
    private static Connection connection;
    private static DSLContext dsl;

    @BeforeAll
    static void load(SurrealTestDb db) throws Exception {
        Fixture.load(db, SurrealVersion.V3);
        connection = Fixture.connect(db);
        dsl = SurrealDSL.using(connection);
    }

    @AfterAll
    static void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        List<Corpus.Case> all = new ArrayList<>(Corpus.SELECTS);
        all.addAll(Corpus.WRITES);
        Stream<DynamicTest> both = all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
        Stream<DynamicTest> only2 = Corpus.ONLY_V2.stream().map(c -> DynamicTest.dynamicTest(c.name() + " fails on 3.x",
                () -> assertThrows(UnsupportedSurrealQLException.class,
                        () -> SurrealQLRenderer.of(SurrealVersion.V3).render(c.query().apply(dsl)))));
        return Stream.concat(both, only2);
    }

    private static void check(Corpus.Case c) {
        QueryPart q = c.query().apply(dsl);
        if (System.getProperty("corpus.print") != null) {
            System.out.println("CASE " + c.name() + "\n  V3 " + safe(() -> SurrealQLRenderer.of(SurrealVersion.V3).render(q).sql())
                    + "\n  V2 " + safe(() -> SurrealQLRenderer.of(SurrealVersion.V2).render(q).sql()));
            System.out.println("  ROWS " + safe(() -> CorpusRunner.execute(dsl, q, c.rows())));
            return;
        }
        String v3 = SurrealQLRenderer.of(SurrealVersion.V3).render(q).sql();
        assertEquals(c.v3(), v3, "3.x rendering");
        if (!Corpus.NOT_ON_2.equals(c.v2())) {
            String expected2 = Corpus.SAME.equals(c.v2()) ? c.v3() : c.v2();
            assertEquals(expected2, SurrealQLRenderer.of(SurrealVersion.V2).render(q).sql(), "2.x rendering");
        }
        String rows = CorpusRunner.execute(dsl, q, c.rows());
        if (c.rows() != null) {
            assertEquals(c.rows(), rows, "rows on SurrealDB 3.x");
        }
    }

    interface S { String get() throws Exception; }

    static String safe(S s) {
        try {
            return s.get();
        } catch (Throwable e) {
            java.io.StringWriter w = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(w));
            return "EXC " + w.toString().lines().limit(8).collect(java.util.stream.Collectors.joining(" | "));
        }
    }
}

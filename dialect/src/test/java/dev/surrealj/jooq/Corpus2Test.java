package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surrealj.testing.SurrealServer;
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

/**
 * The corpus on SurrealDB 2.x (the embedded 2.6 engine): the version is read from the server, every case that
 * applies to 2.x renders its 2.x SurrealQL and returns the same rows as on 3.x (or its 2.x rows).
 */
class Corpus2Test {
    private static SurrealServer server;
    private static Connection connection;
    private static DSLContext dsl;

    @BeforeAll
    static void start() throws Exception {
        server = SurrealServer.builder().engine(2).start();
        SurrealTestDb db = new SurrealTestDb(server, "corpus2", "test");
        db.sql("DEFINE NAMESPACE IF NOT EXISTS corpus2; DEFINE DATABASE IF NOT EXISTS test;");
        Fixture.load(db, SurrealVersion.V2);
        connection = Fixture.connect(db);
        dsl = SurrealDSL.using(connection);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        List<Corpus.Case> all = new ArrayList<>(Corpus.SELECTS);
        all.addAll(Corpus.ONLY_V2);
        all.addAll(Corpus.WRITES);
        return all.stream().filter(c -> !Corpus.NOT_ON_2.equals(c.v2()))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Corpus.Case c) {
        assertEquals(SurrealVersion.V2, SurrealDSL.version(dsl));
        QueryPart q = c.query().apply(dsl);
        String expected = Corpus.SAME.equals(c.v2()) ? c.v3() : c.v2();
        if (System.getProperty("corpus.print") != null) {
            System.out.println("CASE " + c.name() + "\n  V2 " + CorpusTest.safe(() -> SurrealQLRenderer.of(SurrealVersion.V2).render(q).sql()));
            System.out.println("  ROWS " + CorpusTest.safe(() -> CorpusRunner.execute(dsl, q, c.rows())) + "\n  EXP  " + c.rows());
            return;
        }
        assertEquals(expected, SurrealQLRenderer.of(SurrealVersion.V2).render(q).sql(), "2.x rendering");
        String rows = CorpusRunner.execute(dsl, q, c.rows());
        String want = c.rows2() != null ? c.rows2() : c.rows();
        if (want != null) {
            assertEquals(want, rows, "rows on SurrealDB 2.x");
        }
    }
}

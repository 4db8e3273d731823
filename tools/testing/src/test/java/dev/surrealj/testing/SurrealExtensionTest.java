package dev.surrealj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class SurrealExtensionTest {

    static SurrealTestDb fromBeforeAll;

    @BeforeAll
    static void schema(SurrealTestDb db) {
        fromBeforeAll = db;
        db.sql("DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string;");
    }

    @Test
    void givesTheSameDatabaseToEveryMethodOfTheClass(SurrealTestDb db, SurrealServer server) {
        assertEquals(fromBeforeAll, db);
        assertSame(SurrealServer.shared(), server);
        assertTrue(db.namespace().startsWith("t_surrealextensiontest_"), db.namespace());
    }

    @Test
    void theDatabaseExistsAndHoldsTheSchema(SurrealTestDb db) {
        db.sql("CREATE person:one SET name = 'One'");
        String rows = db.sql("SELECT name FROM person");
        assertTrue(rows.contains("One"), rows);
    }

    @Nested
    @ExtendWith(SurrealExtension.class)
    class Another {
        @Test
        void anotherClassGetsAnotherNamespace(SurrealTestDb db) {
            assertTrue(!db.namespace().equals(fromBeforeAll.namespace()), db.namespace());
            String tables = db.sql("INFO FOR DB");
            assertTrue(!tables.contains("person"), tables);
        }
    }
}

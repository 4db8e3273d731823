package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SQL translation corpus ({@link SqlCorpus}) on SurrealDB with {@code sqlTranslation=true}, in file order (writes
 * change what later reads see): each statement's translation ({@code nativeSQL}), its rows or update count on the
 * engine, and, unless the case says otherwise, the same rows or count from H2 running the original SQL over the same
 * data: H2 is the oracle for the SQL semantics (NULLs, ordering, aggregates).
 */
@ExtendWith(SurrealExtension.class)
class SqlTranslationCorpusTest {
    private static Connection surreal;
    private static Connection h2;
    private static List<SqlCorpus.Case> cases;

    /**
     * The data set in SurrealQL: record links (book.author, author.country) and relation tables (reviewed; borrowed,
     * with two edges between the same person and book, and two edges whose other end does not exist, which RELATE
     * allows and an inner join drops). Dee has no edges.
     */
    static final String SURREAL_DATA = """
        DEFINE TABLE country SCHEMALESS;
        DEFINE TABLE author SCHEMALESS;
        DEFINE FIELD country ON author TYPE option<record<country>>;
        DEFINE TABLE book SCHEMALESS;
        DEFINE FIELD author ON book TYPE option<record<author>>;
        DEFINE TABLE person SCHEMALESS;
        DEFINE TABLE reviewed TYPE RELATION IN person OUT book SCHEMALESS;
        DEFINE TABLE borrowed TYPE RELATION IN person OUT book SCHEMALESS;
        CREATE country:no SET name = 'Norway', code = 'NO';
        CREATE country:se SET name = 'Sweden', code = 'SE';
        CREATE country:dk SET name = 'Denmark', code = 'DK';
        CREATE author:1 SET name = 'Ibsen', born = 1828, country = country:no;
        CREATE author:2 SET name = 'Hamsun', born = 1859, country = country:no;
        CREATE author:3 SET name = 'Lagerlof', born = 1858, country = country:se;
        CREATE author:4 SET name = 'Anon';
        CREATE book:1 SET title = 'Peer Gynt', author = author:1, published = 1867, pages = 200, price = 12.5, genre = 'drama';
        CREATE book:2 SET title = 'A Dolls House', author = author:1, published = 1879, pages = 120, price = 10.0, genre = 'drama';
        CREATE book:3 SET title = 'Hunger', author = author:2, published = 1890, pages = 180, price = 15.0, genre = 'novel';
        CREATE book:4 SET title = 'Growth of the Soil', author = author:2, published = 1917, pages = 400, price = 20.0, genre = 'novel';
        CREATE book:5 SET title = 'Nils Holgersson', author = author:3, published = 1906, pages = 350, genre = 'children';
        CREATE book:6 SET title = 'Untitled', published = 2000, price = 5.0;
        CREATE person:1 SET name = 'Ann', age = 31, city = 'Oslo', score = 7.5, active = true, joined = d'2020-01-15T00:00:00Z';
        CREATE person:2 SET name = 'Bob', age = 25, city = 'Bergen', score = 6.0, active = false, joined = d'2021-06-30T12:00:00Z';
        CREATE person:3 SET name = 'Cid', age = 40, city = 'Oslo', score = 9.0, active = true, joined = d'2019-11-02T08:30:00Z';
        CREATE person:4 SET name = 'Dee', city = 'Tromso', score = 5.5, active = true, joined = d'2022-03-01T00:00:00Z';
        CREATE person:5 SET name = 'Eve', age = 19, score = 8.0, active = false, joined = d'2023-07-04T00:00:00Z';
        RELATE person:1->reviewed->book:1 SET rating = 5;
        RELATE person:1->reviewed->book:3 SET rating = 4;
        RELATE person:2->reviewed->book:3 SET rating = 2;
        RELATE person:3->reviewed->book:5 SET rating = 5;
        RELATE person:1->borrowed->book:3 SET days = 7;
        RELATE person:1->borrowed->book:3 SET days = 14;
        RELATE person:2->borrowed->book:1 SET days = 3;
        RELATE person:3->borrowed->book:6 SET days = 1;
        RELATE person:5->borrowed->book:99 SET days = 2;
        RELATE person:99->borrowed->book:2 SET days = 5;
        """;

    /** The same data for H2 (record ids as text; absent fields as NULL). */
    static final String H2_DATA = """
        CREATE TABLE country (id VARCHAR(20), name VARCHAR(50), code VARCHAR(2));
        CREATE TABLE author (id VARCHAR(20), name VARCHAR(50), born INT, country VARCHAR(20));
        CREATE TABLE book (id VARCHAR(20), title VARCHAR(50), author VARCHAR(20), published INT, pages INT,
            price DOUBLE PRECISION, genre VARCHAR(20));
        CREATE TABLE person (id VARCHAR(20), name VARCHAR(50), age INT, city VARCHAR(50), score DOUBLE PRECISION,
            active BOOLEAN, joined TIMESTAMP WITH TIME ZONE);
        CREATE TABLE reviewed (id VARCHAR(20), "in" VARCHAR(20), "out" VARCHAR(20), rating INT);
        CREATE TABLE borrowed (id VARCHAR(20), "in" VARCHAR(20), "out" VARCHAR(20), days INT);
        INSERT INTO country VALUES ('country:no', 'Norway', 'NO'), ('country:se', 'Sweden', 'SE'), ('country:dk', 'Denmark', 'DK');
        INSERT INTO author VALUES ('author:1', 'Ibsen', 1828, 'country:no'), ('author:2', 'Hamsun', 1859, 'country:no'),
            ('author:3', 'Lagerlof', 1858, 'country:se'), ('author:4', 'Anon', NULL, NULL);
        INSERT INTO book VALUES ('book:1', 'Peer Gynt', 'author:1', 1867, 200, 12.5, 'drama'),
            ('book:2', 'A Dolls House', 'author:1', 1879, 120, 10.0, 'drama'),
            ('book:3', 'Hunger', 'author:2', 1890, 180, 15.0, 'novel'),
            ('book:4', 'Growth of the Soil', 'author:2', 1917, 400, 20.0, 'novel'),
            ('book:5', 'Nils Holgersson', 'author:3', 1906, 350, NULL, 'children'),
            ('book:6', 'Untitled', NULL, 2000, NULL, 5.0, NULL);
        INSERT INTO person VALUES ('person:1', 'Ann', 31, 'Oslo', 7.5, TRUE, TIMESTAMP WITH TIME ZONE '2020-01-15 00:00:00Z'),
            ('person:2', 'Bob', 25, 'Bergen', 6.0, FALSE, TIMESTAMP WITH TIME ZONE '2021-06-30 12:00:00Z'),
            ('person:3', 'Cid', 40, 'Oslo', 9.0, TRUE, TIMESTAMP WITH TIME ZONE '2019-11-02 08:30:00Z'),
            ('person:4', 'Dee', NULL, 'Tromso', 5.5, TRUE, TIMESTAMP WITH TIME ZONE '2022-03-01 00:00:00Z'),
            ('person:5', 'Eve', 19, NULL, 8.0, FALSE, TIMESTAMP WITH TIME ZONE '2023-07-04 00:00:00Z');
        INSERT INTO reviewed VALUES ('reviewed:1', 'person:1', 'book:1', 5), ('reviewed:2', 'person:1', 'book:3', 4),
            ('reviewed:3', 'person:2', 'book:3', 2), ('reviewed:4', 'person:3', 'book:5', 5);
        INSERT INTO borrowed VALUES ('borrowed:1', 'person:1', 'book:3', 7), ('borrowed:2', 'person:1', 'book:3', 14),
            ('borrowed:3', 'person:2', 'book:1', 3), ('borrowed:4', 'person:3', 'book:6', 1),
            ('borrowed:5', 'person:5', 'book:99', 2), ('borrowed:6', 'person:99', 'book:2', 5);
        """;

    @BeforeAll
    static void load(SurrealTestDb db) throws Exception {
        cases = SqlCorpus.load("/sql-translation/corpus.txt");
        db.sql(SURREAL_DATA);
        surreal = connect(db, true);
        h2 = DriverManager.getConnection("jdbc:h2:mem:sqlcorpus;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;"
                + "TIME ZONE=UTC");
        try (Statement s = h2.createStatement()) {
            for (String stmt : H2_DATA.split(";\n")) {
                if (!stmt.isBlank()) {
                    s.execute(stmt);
                }
            }
        }
    }

    static Connection connect(SurrealTestDb db, boolean translate) throws SQLException {
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        p.setProperty("sqlTranslation", String.valueOf(translate));
        return DriverManager.getConnection("jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/"
                + db.namespace() + "/" + db.database(), p);
    }

    @AfterAll
    static void close() throws Exception {
        if (surreal != null) {
            surreal.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    @Test
    void corpusHasAtLeastOneHundredStatementsMostOfThemCheckedAgainstH2() {
        assertTrue(cases.size() >= 100, "cases: " + cases.size());
        long oracle = cases.stream().filter(c -> c.h2Skip == null && c.error == null).count();
        assertTrue(oracle >= 80, "cases compared with H2: " + oracle);
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        boolean print = System.getProperty("corpus.print") != null;
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name + " (line " + c.line + ")", () -> {
            if (print) {
                print(c);
            } else {
                check(c);
            }
        }));
    }

    private static void check(SqlCorpus.Case c) throws SQLException {
        if (c.error != null) {
            String state = c.error.split(" ", 2)[0];
            String fragment = c.error.contains(" ") ? c.error.split(" ", 2)[1] : "";
            try {
                run(surreal, c.sql, c);
                fail("expected " + c.error);
            } catch (SQLException e) {
                assertEquals(state, e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains(fragment), e.getMessage());
            }
            return;
        }
        assertNotNull(c.surql, "the case needs surql:");
        assertEquals(c.surql, surreal.nativeSQL(c.sql), "translation");
        String got = run(surreal, c.sql, c);
        String expected = c.count != null ? "count=" + c.count : c.rows;
        assertNotNull(expected, "the case needs rows: or count:");
        assertEquals(expected, got, "SurrealDB");
        if (c.h2Skip == null) {
            assertEquals(expected, run(h2, c.h2Sql != null ? c.h2Sql : c.sql, c), "H2 (the SQL oracle) answers");
        }
    }

    private static void print(SqlCorpus.Case c) {
        System.out.println("== " + c.name);
        System.out.println("sql: " + c.sql);
        try {
            System.out.println("surql: " + surreal.nativeSQL(c.sql));
        } catch (SQLException e) {
            System.out.println("error: " + e.getSQLState() + " " + e.getMessage());
            return;
        }
        String got;
        try {
            got = run(surreal, c.sql, c);
            System.out.println(got.startsWith("count=") ? "count: " + got.substring(6) : "rows: " + got);
        } catch (SQLException e) {
            System.out.println("SURREAL-ERROR: " + e.getSQLState() + " " + e.getMessage());
            got = null;
        }
        if (c.h2Skip == null) {
            try {
                String h = run(h2, c.h2Sql != null ? c.h2Sql : c.sql, c);
                if (!h.equals(got)) {
                    System.out.println("H2-DIFFERS: " + h);
                }
            } catch (SQLException e) {
                System.out.println("H2-ERROR: " + e.getMessage());
            }
        }
    }

    /** Runs a case: a PreparedStatement when it has parameters, else a Statement. */
    static String run(Connection conn, String sql, SqlCorpus.Case c) throws SQLException {
        if (!c.params.isEmpty()) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < c.params.size(); i++) {
                    Object v = c.params.get(i);
                    ps.setObject(i + 1, conn == h2 && v instanceof dev.surrealj.value.RecordId ? v.toString() : v);
                }
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        return SqlCorpus.format(rs, c.ordered());
                    }
                }
                return "count=" + ps.getUpdateCount();
            }
        }
        try (Statement s = conn.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    return SqlCorpus.format(rs, c.ordered());
                }
            }
            return "count=" + s.getUpdateCount();
        }
    }

    static List<String> names() {
        List<String> out = new ArrayList<>();
        for (SqlCorpus.Case c : cases) {
            out.add(c.name);
        }
        return out;
    }
}

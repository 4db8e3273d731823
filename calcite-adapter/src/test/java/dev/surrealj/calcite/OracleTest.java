package dev.surrealj.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TPC-H-style SQL through Calcite over SurrealDB returns the rows H2 returns for the same data; the
 * ordered queries compare in order, the others as multisets.
 */
@ExtendWith(SurrealExtension.class)
class OracleTest {
    static Connection calcite;
    static Connection h2;

    @BeforeAll
    static void load(SurrealTestDb db) throws SQLException {
        Sample.Data data = Sample.generate();
        Sample.loadSurreal(db, data);
        h2 = Sample.loadH2(data, "oracle");
        calcite = connect(db);
    }

    static Connection connect(SurrealTestDb db) throws SQLException {
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        return DriverManager.getConnection("jdbc:surrealdb-sql://" + db.server().host() + ":" + db.server().port() + "/"
                + db.namespace() + "/" + db.database(), p);
    }

    @AfterAll
    static void close() throws SQLException {
        if (calcite != null) {
            calcite.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    record Q(String name, boolean ordered, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Q> queries() {
        return List.of(
            new Q("pricing summary (pushed GROUP BY)", true, """
                SELECT status, COUNT(*) AS n, SUM(total) AS s, AVG(total) AS a, MIN(total) AS mn, MAX(total) AS mx
                FROM orders WHERE orderdate < TIMESTAMP '2024-07-01 00:00:00' GROUP BY status ORDER BY status"""),
            new Q("shipping priority (3 joins, top 10)", true, """
                SELECT o.id, SUM(l.quantity * p.price * (1 - l.discount)) AS revenue
                FROM customer c JOIN orders o ON o.customer = c.id JOIN lineitem l ON l."in" = o.id
                JOIN part p ON p.id = l."out"
                WHERE c.segment = 'BUILDING' AND o.orderdate < TIMESTAMP '2024-06-15 00:00:00'
                GROUP BY o.id ORDER BY revenue DESC, o.id LIMIT 10"""),
            new Q("local supplier volume (region join)", true, """
                SELECT n.name, SUM(o.total) AS revenue, COUNT(*) AS n
                FROM nation n JOIN customer c ON c.nation = n.id JOIN orders o ON o.customer = c.id
                WHERE n.region IN ('EUROPE', 'ASIA') GROUP BY n.name ORDER BY revenue DESC"""),
            new Q("HAVING", true, """
                SELECT c.id, c.name, COUNT(*) AS n FROM customer c JOIN orders o ON o.customer = c.id
                GROUP BY c.id, c.name HAVING COUNT(*) >= 7 ORDER BY n DESC, c.name"""),
            new Q("pushed HAVING on one table", true, """
                SELECT segment, COUNT(*) AS n, MAX(balance) AS mx FROM customer GROUP BY segment
                HAVING COUNT(*) > 70 ORDER BY segment"""),
            new Q("scalar subquery", true, """
                SELECT id, name, balance FROM customer
                WHERE balance > (SELECT AVG(balance) FROM customer) AND segment = 'MACHINERY'
                ORDER BY balance DESC LIMIT 15"""),
            new Q("IN subquery", true, """
                SELECT p.name, p.brand FROM part p
                WHERE p.id IN (SELECT l."out" FROM lineitem l WHERE l.quantity > 48) ORDER BY p.name"""),
            new Q("NOT EXISTS (customers without orders)", true, """
                SELECT c.name FROM customer c
                WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer = c.id) ORDER BY c.name"""),
            new Q("window: top 2 balances per nation", true, """
                SELECT name, nation, balance, r FROM (
                  SELECT c.name, n.name AS nation, c.balance,
                         RANK() OVER (PARTITION BY c.nation ORDER BY c.balance DESC) AS r
                  FROM customer c JOIN nation n ON n.id = c.nation) t
                WHERE r <= 2 ORDER BY nation, r, name"""),
            new Q("window: running total", true, """
                SELECT id, total, SUM(total) OVER (PARTITION BY customer ORDER BY total
                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run_total
                FROM orders WHERE customer = 'customer:7' ORDER BY total"""),
            new Q("UNION / INTERSECT / EXCEPT", false, """
                SELECT name FROM nation WHERE region = 'ASIA'
                UNION SELECT brand FROM part WHERE size > 45
                UNION (SELECT segment FROM customer INTERSECT SELECT segment FROM customer WHERE balance > 19000)
                EXCEPT SELECT 'Brand#1' FROM nation"""),
            new Q("counts with a nullable column (GROUP ALL)", false,
                "SELECT COUNT(*) AS n, COUNT(phone) AS p, MIN(phone) AS mn, MAX(phone) AS mx FROM customer"),
            new Q("IS NULL", true, "SELECT id, name FROM customer WHERE phone IS NULL ORDER BY name"),
            new Q("comparison on a nullable column", true,
                "SELECT name, phone FROM customer WHERE phone > '5' OR balance < 0 ORDER BY name"),
            new Q("less-than and not-equal on a nullable column", true,
                "SELECT name, phone FROM customer WHERE phone <= '3' OR phone <> '5-500' AND balance > 15000 ORDER BY name"),
            new Q("NOT over a nullable column", true,
                "SELECT name FROM customer WHERE NOT (phone > '5' AND balance > 0) ORDER BY name"),
            new Q("ORDER BY a nullable column NULLS FIRST, LIMIT/OFFSET", true,
                "SELECT name, phone FROM customer ORDER BY phone NULLS FIRST, name LIMIT 20 OFFSET 40"),
            new Q("ORDER BY DESC, LIMIT/OFFSET", true,
                "SELECT total, priority FROM orders WHERE total > 500 ORDER BY total DESC LIMIT 5 OFFSET 3"),
            new Q("LIKE, IN list, BETWEEN", true, """
                SELECT name, size, price FROM part
                WHERE (name LIKE 'Part 1%' OR name LIKE '%7') AND size IN (1, 5, 9, 20, 33, 41, 47)
                   OR price BETWEEN 100 AND 120 ORDER BY name"""),
            new Q("CASE in an aggregate", true, """
                SELECT segment, SUM(CASE WHEN balance > 0 THEN 1 ELSE 0 END) AS pos, COUNT(*) AS n
                FROM customer GROUP BY segment ORDER BY segment"""),
            new Q("COUNT DISTINCT and LEFT JOIN", false, """
                SELECT (SELECT COUNT(DISTINCT customer) FROM orders) AS buyers,
                       (SELECT COUNT(*) FROM customer c LEFT JOIN orders o ON o.customer = c.id WHERE o.id IS NULL) AS idle
                FROM nation WHERE id = 'nation:1'"""),
            new Q("schemaless table typed by sampling", true,
                "SELECT stars, COUNT(*) AS n FROM review GROUP BY stars ORDER BY stars"),
            new Q("GROUP BY a column holding both NONE and NULL (one SQL NULL group)", true,
                "SELECT note, COUNT(*) AS n, MAX(stars) AS mx FROM review GROUP BY note ORDER BY note NULLS FIRST"),
            new Q("ORDER BY a column holding both NONE and NULL, then another key", true,
                "SELECT note, stars, text FROM review ORDER BY note NULLS FIRST, text LIMIT 40"),
            new Q("DISTINCT over NONE and NULL", false, "SELECT DISTINCT note FROM review"),
            // (H2 and Calcite default to opposite NULL orders: the oracle queries say which they mean)
            new Q("ORDER BY a nullable column DESC NULLS FIRST", true,
                "SELECT note, stars, text FROM review ORDER BY note DESC NULLS FIRST, text LIMIT 30 OFFSET 90"),
            new Q("ORDER BY a nullable column ASC NULLS LAST (Calcite's default)", true,
                "SELECT name, phone FROM customer WHERE balance > 12000 ORDER BY phone NULLS LAST, name"),
            new Q("arithmetic projection and timestamp filter", true, """
                SELECT total * 2 AS t2, priority + 1 AS p1 FROM orders
                WHERE orderdate >= TIMESTAMP '2024-12-01 00:00:00' AND priority = 3 ORDER BY t2 DESC LIMIT 12"""),
            new Q("LEFT JOIN along a record link", true, """
                SELECT c.name, n.name AS nation, n.region FROM customer c LEFT JOIN nation n ON c.nation = n.id
                WHERE c.balance > 17000 ORDER BY c.name"""),
            new Q("GROUP BY over a record-link join (pushed as traversal)", true, """
                SELECT c.segment, COUNT(*) AS n, SUM(o.total) AS s FROM orders o JOIN customer c ON o.customer = c.id
                WHERE o.priority = 1 GROUP BY c.segment ORDER BY c.segment"""),
            new Q("derived table with aggregate then filter", true, """
                SELECT status, n FROM (SELECT status, COUNT(*) AS n FROM orders GROUP BY status) t
                WHERE n > 10 ORDER BY n DESC"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void sameRowsAsH2(Q q) throws SQLException {
        List<List<String>> expected = Sample.rows(h2, q.sql());
        List<List<String>> actual = Sample.rows(calcite, q.sql());
        assertFalse(expected.isEmpty(), "the oracle returns rows for " + q.name());
        if (!q.ordered()) {
            expected = sorted(expected);
            actual = sorted(actual);
        }
        assertEquals(expected, actual, q.sql());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    static String explain(String sql) throws SQLException {
        return explainOn(calcite, sql);
    }

    static String explainOn(Connection c, String sql) throws SQLException {
        StringBuilder b = new StringBuilder();
        for (List<String> row : Sample.rows(c, "EXPLAIN PLAN FOR " + sql)) {
            b.append(String.join(" ", row)).append('\n');
        }
        return b.toString();
    }

    @org.junit.jupiter.api.Test
    void explainShowsFilterAndProjectionPushed() throws SQLException {
        String plan = explain("SELECT name, balance FROM customer WHERE segment = 'BUILDING' AND balance > 1000");
        assertTrue(plan.contains("SurrealFilter") && plan.contains("SurrealProject"), plan);
        assertTrue(plan.contains("surrealql=[SELECT `name`, `balance` FROM `customer` WHERE (`segment` = $p0 AND `balance` > 1000)]"), plan);
        assertFalse(plan.contains("EnumerableCalc") || plan.contains("EnumerableFilter"), plan);
    }

    @org.junit.jupiter.api.Test
    void explainShowsSortAndLimitPushed() throws SQLException {
        String plan = explain("SELECT name, balance FROM customer WHERE balance > 0 ORDER BY balance DESC LIMIT 5 OFFSET 2");
        assertTrue(plan.contains("SurrealSort"), plan);
        assertTrue(plan.contains("ORDER BY `balance` DESC LIMIT 5 START 2"), plan);
        assertFalse(plan.contains("$this"), "only the needed fields are read: " + plan);
        plan = explain("SELECT name FROM customer ORDER BY phone NULLS FIRST, name LIMIT 3");
        assertTrue(plan.contains("ORDER BY `phone` ASC, `name` ASC LIMIT 3") && !plan.contains("$this"), plan);
        assertFalse(plan.contains("EnumerableSort") || plan.contains("EnumerableLimit"), plan);
    }

    @org.junit.jupiter.api.Test
    void explainShowsAggregatesPushed() throws SQLException {
        String plan = explain("SELECT segment, COUNT(*), SUM(balance), MIN(balance), MAX(balance), AVG(balance) "
                + "FROM customer GROUP BY segment");
        assertTrue(plan.contains("SurrealAggregate"), plan);
        assertTrue(plan.contains("count()") && plan.contains("math::sum(`balance`)") && plan.contains("math::min(`balance`)")
                && plan.contains("math::max(`balance`)") && plan.contains("GROUP BY `segment`"), plan);
        assertFalse(plan.contains("EnumerableAggregate"), plan);
    }

    @org.junit.jupiter.api.Test
    void explainShowsJoinsInCalciteOverPushedScans() throws SQLException {
        // not along a record link: Calcite joins, each side's filter still goes to SurrealDB
        String plan = explain("SELECT c.name, p.brand FROM customer c JOIN part p ON c.name = p.name "
                + "WHERE c.segment = 'BUILDING' AND p.size > 10");
        assertTrue(plan.contains("EnumerableHashJoin") || plan.contains("EnumerableMergeJoin")
                || plan.contains("EnumerableNestedLoopJoin"), plan);
        assertTrue(plan.contains("FROM `customer` WHERE `segment` = $p0") && plan.contains("FROM `part` WHERE `size` > 10"), plan);
    }

    @org.junit.jupiter.api.Test
    void explainShowsRecordLinkJoinsPushed() throws SQLException {
        String plan = explain("SELECT o.total, c.name, n.name AS nation FROM orders o JOIN customer c ON o.customer = c.id "
                + "JOIN nation n ON c.nation = n.id WHERE c.segment = 'BUILDING' AND o.total > 900");
        assertTrue(plan.contains("SurrealJoin"), plan);
        assertFalse(plan.contains("EnumerableHashJoin") || plan.contains("EnumerableMergeJoin")
                || plan.contains("EnumerableNestedLoopJoin"), plan);
        assertTrue(plan.contains("`customer`.`name`") && plan.contains("`customer`.`nation`.`name`")
                && plan.contains("`customer`.`segment` = $p0"), plan);
    }

    @org.junit.jupiter.api.Test
    void nullableComparisonIsGuarded() throws SQLException {
        String plan = explain("SELECT name FROM customer WHERE phone < '5'");
        assertTrue(plan.contains("`phone` != NONE AND `phone` != NULL AND `phone` < $p0"), plan);
        // NONE and NULL sort first in SurrealDB: ">" needs no guard
        plan = explain("SELECT name FROM customer WHERE phone > '5'");
        assertTrue(plan.contains("WHERE `phone` > $p0"), plan);
    }

    @org.junit.jupiter.api.Test
    void whatCalciteComputesItselfReadsOnlyTheFieldsItNeeds() throws SQLException {
        String plan = explain("SELECT segment, SUM(CASE WHEN balance > 0 THEN 1 ELSE 0 END) FROM customer GROUP BY segment");
        assertTrue(plan.contains("surrealql=[SELECT `balance`, `segment` FROM `customer`]")
                || plan.contains("surrealql=[SELECT `segment`, `balance` FROM `customer`]"), plan);
        plan = explain("SELECT COUNT(*), MIN(phone) FROM customer");
        assertTrue(plan.contains("surrealql=[SELECT `phone` FROM `customer`]"), plan);
        plan = explain("SELECT id, total, SUM(total) OVER (ORDER BY total) FROM orders WHERE customer = 'customer:7'");
        assertFalse(plan.contains("$this"), plan);
    }

    @org.junit.jupiter.api.Test
    void noneAndNullGroupAndSortAsOneNull() throws SQLException {
        String plan = explain("SELECT note, COUNT(*) AS n FROM review GROUP BY note");
        assertTrue(plan.contains("SELECT (`note` ?? NULL) AS `note`, count() AS `n` FROM `review` GROUP BY `note`"), plan);
        plan = explain("SELECT note, text FROM review ORDER BY note NULLS FIRST, text LIMIT 40");
        assertTrue(plan.contains("(`note` ?? NULL) AS `note`") && plan.contains("ORDER BY `note` ASC, `__nulls1` ASC, `text` ASC LIMIT 40"),
                plan);
        assertFalse(plan.contains("EnumerableSort") || plan.contains("EnumerableLimit"), plan);
    }

    @org.junit.jupiter.api.Test
    void recordLinksAreNotComparedAsText() throws SQLException {
        // SurrealDB compares record ids by value, not as text: a filter on one stays with Calcite
        String plan = explain("SELECT total FROM orders WHERE customer = 'customer:7'");
        assertFalse(plan.contains("WHERE `customer`"), plan);
        assertEquals(Sample.rows(h2, "SELECT COUNT(*) FROM orders WHERE customer = 'customer:7'"),
                Sample.rows(calcite, "SELECT COUNT(*) FROM orders WHERE customer = 'customer:7'"));
    }
}

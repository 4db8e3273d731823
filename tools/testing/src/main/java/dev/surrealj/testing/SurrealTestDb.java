package dev.surrealj.testing;

/**
 * A fresh namespace and database on a {@link SurrealServer}, one per test class, given to tests
 * by {@link SurrealExtension}.
 *
 * <pre>{@code
 * @ExtendWith(SurrealExtension.class)
 * class PersonTest {
 *     @Test
 *     void creates(SurrealTestDb db) {
 *         db.sql("CREATE person:tobie SET name = 'Tobie'");
 *         String url = "jdbc:surrealdb://127.0.0.1:" + db.server().port() + "/" + db.namespace() + "/" + db.database();
 *     }
 * }
 * }</pre>
 *
 * @param server    the server
 * @param namespace a namespace no other test class uses
 * @param database  a database in it
 */
public record SurrealTestDb(SurrealServer server, String namespace, String database) {

    /**
     * Runs SurrealQL in this namespace and database over HTTP ({@code POST /sql}) and returns the
     * server's JSON answer. For fixtures: it does not depend on the driver under test.
     *
     * @throws IllegalStateException when the request fails or a statement returns an error
     */
    public String sql(String surql) {
        return HttpSql.run(server, namespace, database, surql);
    }
}

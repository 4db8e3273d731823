package dev.surrealj.jdbc;

import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.rpc.RpcOperations;
import dev.surrealj.rpc.Tokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The SurrealDB-specific side of a SurrealJ {@link Connection}: authentication, live queries, session
 * variables, namespace/database switching and raw RPC access. Every connection of the driver
 * implements it; reach it through {@link Connection#unwrap(Class)} (this also works through a pool
 * such as HikariCP, whose proxies delegate {@code unwrap}).
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:surrealdb://localhost:8000/shop/main", props)) {
 *     SurrealConnection sc = c.unwrap(SurrealConnection.class);
 *     sc.let("min_age", 18);                                          // $min_age in every query
 *     try (LiveSubscription sub = sc.live("person", false)) {         // a live query
 *         sub.listen(n -> System.out.println(n.action() + " " + n.record()));
 *         ...
 *     }
 *     sc.use("other_ns", "other_db");                                 // same as setCatalog + setSchema
 *     Object r = sc.rpc().select("person").await();                   // any RPC method
 * }
 * }</pre>
 *
 * <p>All methods throw {@link SQLException} with SQLState 08003 on a closed connection; server
 * errors are mapped as for statements (28000 for authentication failures).
 */
public interface SurrealConnection extends Connection {

    /**
     * Signs in ({@code signin}) with other credentials: a root, namespace or database user, a record
     * access method or a bearer key. The session's authentication is replaced; after a reconnect the
     * client signs in again with these credentials.
     *
     * @return the tokens the server issued
     */
    Tokens signin(Credentials credentials) throws SQLException;

    /**
     * Signs up ({@code signup}) through a record access method, e.g.
     * {@code Credentials.recordAccess(ns, db, "user", Map.of("email", e, "pass", p))}; the session is
     * then authenticated as the new record.
     */
    Tokens signup(Credentials credentials) throws SQLException;

    /** Authenticates the session with a token (JWT), {@code authenticate}. */
    void authenticate(String token) throws SQLException;

    /** Drops the session's authentication ({@code invalidate}). */
    void invalidate() throws SQLException;

    /** The authenticated record ({@code info}), or {@code None.NONE} / {@code null}. */
    Object info() throws SQLException;

    /**
     * Starts a live query on a table ({@code live}) and subscribes to it. Close the subscription to
     * kill the live query. WebSocket only (08xxx/0A000 over HTTP).
     *
     * @param table the table name
     * @param diff  whether notifications carry JSON-Patch diffs instead of records
     */
    LiveSubscription live(String table, boolean diff) throws SQLException;

    /**
     * Runs SurrealQL holding a {@code LIVE SELECT} (with variables, {@code $name} ↔ {@code name}) and
     * subscribes to the live query it starts.
     */
    LiveSubscription liveQuery(String surql, Map<String, ?> vars) throws SQLException;

    /** Kills a live query by id ({@code kill}). */
    void kill(UUID liveQueryId) throws SQLException;

    /**
     * Defines a session variable ({@code let}), usable as {@code $name} in every later query of this
     * connection. The value is converted like a {@code PreparedStatement.setObject} argument.
     */
    void let(String name, Object value) throws SQLException;

    /** Removes a session variable ({@code unset}). */
    void unset(String name) throws SQLException;

    /**
     * Switches namespace and database ({@code use}); {@code null} keeps the current one. The same as
     * {@link #setCatalog(String)} and {@link #setSchema(String)}.
     */
    void use(String namespace, String database) throws SQLException;

    /** The current namespace (same as {@link #getCatalog()}). */
    String getNamespace() throws SQLException;

    /** The current database (same as {@link #getSchema()}). */
    String getDatabase() throws SQLException;

    /** The server's version text, e.g. {@code surrealdb-3.0.2}. */
    String getServerVersion() throws SQLException;

    /** The server's major version: 2, 3 …; 0 when unknown. */
    int getServerMajorVersion() throws SQLException;

    /**
     * The RPC operations of this connection for any method the JDBC API does not cover. Inside an
     * open interactive transaction ({@code setAutoCommit(false)} on 3.x, after the first statement)
     * these are the transaction's operations, so calls take part in it; otherwise the client's.
     * Calls carry the connection's network timeout when one is set.
     *
     * <pre>{@code
     * Object ada = conn.unwrap(SurrealConnection.class).rpc().select(new RecordId("person", "ada")).await();
     * }</pre>
     */
    RpcOperations rpc() throws SQLException;
}

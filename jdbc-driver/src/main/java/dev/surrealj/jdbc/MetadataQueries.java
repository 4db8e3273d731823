package dev.surrealj.jdbc;

import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code INFO} requests behind {@link SurrealDatabaseMetaData}, batched: whatever one metadata call
 * needs from one database goes to the server as ONE multi-statement request ({@code INFO FOR TABLE a
 * STRUCTURE; INFO FOR TABLE b STRUCTURE; …; SELECT * FROM c LIMIT n}), so {@code getColumns} over 200
 * tables costs three round trips (databases, tables, then fields and samples), not 200.
 *
 * <h2>Other namespaces and databases</h2>
 * The session reads {@code INFO} of its own namespace and database. For another one (a tool browsing
 * every database of a namespace) the request is wrapped as {@code USE NS n DB d; …; USE NS cur DB cur}:
 * the answers count only when the first {@code USE} succeeded, and the trailing {@code USE} puts the
 * session back in the same request (without a current namespace/database, an RPC {@code use} with NULL
 * follows instead). While such a request runs, another request of the same connection would see the
 * other database: JDBC connections are used by one thread at a time, and metadata calls do not overlap
 * statements of the same thread.
 *
 * <h2>Failures</h2>
 * A statement the server refuses (permissions: record users cannot run {@code INFO}; an unknown table;
 * a database that went away) reads as "nothing there". A lost connection (08xxx) or a timeout (HYT00)
 * is thrown: an empty answer would be a false one.
 */
final class MetadataQueries {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");

    /**
     * A namespace and database.
     *
     * @param ns the namespace
     * @param db the database, or {@code null} for namespace-level requests
     */
    record Scope(String ns, String db) {
        Scope {
            Objects.requireNonNull(ns, "ns");
        }
    }

    private final SurrealConnectionImpl connection;
    /** Number of requests sent (tests). */
    private volatile int requests;

    MetadataQueries(SurrealConnectionImpl connection) {
        this.connection = connection;
    }

    /** Number of requests sent so far. */
    int requests() {
        return requests;
    }

    // ------------------------------------------------------------------ names

    /** The namespaces the user can list ({@code INFO FOR ROOT}), sorted; just the current one when refused. */
    List<String> namespaces() throws SQLException {
        List<Object> r = run(null, List.of("INFO FOR ROOT"));
        List<String> out = keys(r.get(0), "namespaces");
        String current = connection.getCatalog();
        if (out.isEmpty() && current != null) {
            out.add(current);
        }
        return out;
    }

    /** The databases of {@code ns} ({@code INFO FOR NS}), sorted; just the current one when refused. */
    List<String> databases(String ns) throws SQLException {
        String curNs = connection.getCatalog();
        List<Object> r = run(new Scope(ns, null), List.of("INFO FOR NS"));
        List<String> out = keys(r.get(0), "databases");
        String current = connection.getSchema();
        if (out.isEmpty() && ns.equals(curNs) && current != null) {
            out.add(current);
        }
        return out;
    }

    /**
     * The databases a {@code (catalog, schemaPattern)} pair of a metadata call names: catalog {@code null}
     * is the current namespace, {@code ""} none; schema pattern {@code null} every database of it.
     */
    List<Scope> scopes(String catalog, String schemaPattern) throws SQLException {
        String ns = catalog == null ? connection.getCatalog() : catalog;
        if (ns == null || ns.isEmpty() || "".equals(schemaPattern)) {
            return List.of();
        }
        LikePattern p = LikePattern.of(schemaPattern);
        String curDb = connection.getSchema();
        if (p.literal() != null && ns.equals(connection.getCatalog()) && p.literal().equals(curDb)) {
            return List.of(new Scope(ns, curDb));
        }
        List<Scope> out = new ArrayList<>();
        for (String db : databases(ns)) {
            if (p.matches(db)) {
                out.add(new Scope(ns, db));
            }
        }
        return out;
    }

    /** A scope for an exact {@code (catalog, schema)} of a one-table call ({@code null}: current / every database). */
    List<Scope> exactScopes(String catalog, String schema) throws SQLException {
        if (schema == null) {
            return scopes(catalog, null);
        }
        String ns = catalog == null ? connection.getCatalog() : catalog;
        if (ns == null || ns.isEmpty() || schema.isEmpty()) {
            return List.of();
        }
        return List.of(new Scope(ns, schema));
    }

    // ------------------------------------------------------------------ databases and tables

    /** {@code INFO FOR DB STRUCTURE} of one database. */
    SchemaInfo.Database database(Scope scope) throws SQLException {
        return SchemaInfo.database(run(scope, List.of("INFO FOR DB STRUCTURE")).get(0));
    }

    /**
     * What one database says about some of its tables, read in one request: {@code INFO FOR DB
     * STRUCTURE} when {@code db} is {@code null}, then {@code INFO FOR TABLE t STRUCTURE} for each of
     * {@code tables}, and {@code SELECT * FROM t LIMIT sampleSize} for each of {@code sampled}.
     *
     * @param scope      the database
     * @param db         its tables when already read, else {@code null}
     * @param tables     tables whose fields and indexes are needed
     * @param sampled    tables whose records are sampled (a subset of {@code tables} or not)
     * @param sampleSize records per sampled table (0: none are read)
     */
    Loaded load(Scope scope, SchemaInfo.Database db, Collection<String> tables, Collection<String> sampled,
                int sampleSize) throws SQLException {
        List<String> script = new ArrayList<>();
        if (db == null) {
            script.add("INFO FOR DB STRUCTURE");
        }
        List<String> t = List.copyOf(new TreeSet<>(tables));
        List<String> s = sampleSize > 0 ? List.copyOf(new TreeSet<>(sampled)) : List.of();
        for (String name : t) {
            script.add("INFO FOR TABLE " + TableSchemas.quote(name) + " STRUCTURE");
        }
        for (String name : s) {
            script.add("SELECT * FROM " + TableSchemas.quote(name) + " LIMIT " + sampleSize);
        }
        if (script.isEmpty()) {
            return new Loaded(db, Map.of(), Map.of());
        }
        List<Object> r = run(scope, script);
        int i = 0;
        SchemaInfo.Database database = db;
        if (db == null) {
            database = SchemaInfo.database(r.get(i++));
        }
        Map<String, SchemaInfo.TableDetail> details = new LinkedHashMap<>();
        for (String name : t) {
            details.put(name, SchemaInfo.table(r.get(i++)));
        }
        Map<String, List<?>> samples = new LinkedHashMap<>();
        for (String name : s) {
            Object rows = r.get(i++);
            samples.put(name, rows instanceof List<?> l ? l : List.of());
        }
        return new Loaded(database, Collections.unmodifiableMap(details), Collections.unmodifiableMap(samples));
    }

    /**
     * The answers of {@link #load}.
     *
     * @param database the database's tables and functions
     * @param details  table → fields and indexes (empty for a table the server refused)
     * @param samples  table → sampled records
     */
    record Loaded(SchemaInfo.Database database, Map<String, SchemaInfo.TableDetail> details,
                  Map<String, List<?>> samples) {
        SchemaInfo.TableDetail detail(String table) {
            return details.getOrDefault(table, SchemaInfo.TableDetail.EMPTY);
        }

        List<?> sample(String table) {
            return samples.get(table);
        }
    }

    // ------------------------------------------------------------------ requests

    /**
     * Runs {@code statements} as one request in {@code scope} ({@code null}: the session's own) and
     * gives each statement's value, {@code null} for one that failed.
     */
    List<Object> run(Scope scope, List<String> statements) throws SQLException {
        connection.checkOpen();
        List<Object> out = new ArrayList<>(Collections.nCopies(statements.size(), null));
        String curNs = connection.getCatalog();
        String curDb = connection.getSchema();
        boolean foreign = scope != null && !(scope.ns().equals(curNs)
                && (scope.db() == null || scope.db().equals(curDb)));
        StringBuilder script = new StringBuilder();
        int offset = 0;
        boolean restoreByRpc = false;
        if (foreign) {
            script.append("USE NS ").append(TableSchemas.quote(scope.ns()));
            if (scope.db() != null) {
                script.append(" DB ").append(TableSchemas.quote(scope.db()));
            }
            script.append(";\n");
            offset = 1;
        }
        for (String s : statements) {
            script.append(s).append(";\n");
        }
        if (foreign) {
            if (curNs != null && curDb != null) {
                script.append("USE NS ").append(TableSchemas.quote(curNs)).append(" DB ")
                        .append(TableSchemas.quote(curDb)).append(";\n");
            } else {
                restoreByRpc = true;
            }
        }
        requests++;
        try {
            List<QueryResult> r = connection.client().withTimeout(connection.metadataTimeout())
                    .query(script.toString()).await();
            if (foreign && (r.isEmpty() || !r.get(0).isOk())) {
                return out; // could not switch: the answers would be about the current database
            }
            for (int i = 0; i < statements.size() && offset + i < r.size(); i++) {
                QueryResult q = r.get(offset + i);
                if (q.isOk()) {
                    out.set(i, q.result());
                } else {
                    LOG.log(System.Logger.Level.DEBUG, () -> "metadata statement refused: " + q.errorMessage());
                }
            }
        } catch (SurrealException e) {
            if (e.isConnectionError() || e.isTimeout()) {
                throw ExceptionMapper.map(e);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "metadata request refused: " + e.getMessage());
        } finally {
            if (restoreByRpc) {
                restore(curNs, curDb);
            }
        }
        return out;
    }

    /** Puts the session back in {@code ns}/{@code db} with an RPC {@code use} (NULL unsets). */
    private void restore(String ns, String db) {
        try {
            connection.client().withTimeout(connection.metadataTimeout()).call("use", ns, db).await();
        } catch (SurrealException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot restore the session's namespace/database: "
                    + e.getMessage());
        }
    }

    /** The keys of the object {@code key} of an INFO answer, sorted. */
    private static List<String> keys(Object answer, String key) {
        List<String> out = new ArrayList<>();
        if (answer instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> inner) {
            for (Object k : new TreeSet<>(stringKeys(inner))) {
                out.add(SchemaInfo.unquote(String.valueOf(k)));
            }
        }
        return out;
    }

    private static List<String> stringKeys(Map<?, ?> m) {
        List<String> out = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
            out.add(String.valueOf(k));
        }
        return out;
    }
}

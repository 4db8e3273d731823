package dev.surrealj.rpc;

import dev.surrealj.value.None;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every SurrealDB RPC method, typed, over the generic {@link #call(String, Object...)}. Implemented by
 * {@link SurrealClient} (the connection's default session), {@link RpcSession} (a 3.x session: calls
 * carry top-level {@code session}), {@link RpcTransaction} (calls carry top-level {@code txn}) and the
 * views returned by {@link #withTimeout(Duration)}.
 *
 * <p>Every method is asynchronous and returns an {@link RpcFuture}; {@link RpcFuture#await()} waits.
 * Targets ({@code what}) follow SurrealDB's rule: a {@code String} is always a <b>table</b> name; pass
 * a {@code RecordId} for one record, a {@code Table}, or a {@code RecordId} with a {@code Range} key.
 *
 * <pre>{@code
 * client.use("shop", "main").await();
 * client.create("person", Map.of("name", "Ada")).await();             // random id
 * Object ada = client.select(new RecordId("person", "ada")).await();
 * List<QueryResult> r = client.query("SELECT * FROM person WHERE age > $min", Map.of("min", 18)).await();
 * client.withTimeout(Duration.ofSeconds(2)).query("SLEEP 1s").await(); // per-call timeout
 * }</pre>
 */
public abstract sealed class RpcOperations permits SurrealClient, RpcSession, RpcTransaction, RpcOperations.Scoped {

    /** Sends one request and returns its answer (package-private plumbing). */
    @FunctionalInterface
    interface Caller {
        RpcFuture<Object> call(String method, List<Object> params, UUID session, UUID txn);
    }

    final ClientCore core;
    final UUID session;
    final UUID txn;
    final Duration timeout;

    RpcOperations(ClientCore core, UUID session, UUID txn, Duration timeout) {
        this.core = core;
        this.session = session;
        this.txn = txn;
        this.timeout = timeout;
    }

    /** A view of the same connection, session and transaction whose calls time out after {@code timeout}. */
    public RpcOperations withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new Scoped(core, session, txn, timeout);
    }

    /** The request timeout of this view's calls. */
    public Duration timeout() {
        return timeout != null ? timeout : core.config.requestTimeout();
    }

    /**
     * Calls any RPC method. Parameters are encoded by the CBOR codec (Java {@code null} is NULL,
     * {@code None.NONE} is NONE).
     *
     * @return the decoded {@code result}; fails with {@link SurrealException} for an {@code error}
     */
    public RpcFuture<Object> call(String method, Object... params) {
        Objects.requireNonNull(method, "method");
        return send(method, params == null ? new ArrayList<>(List.of()) : new ArrayList<>(Arrays.asList(params)));
    }

    RpcFuture<Object> send(String method, List<Object> params) {
        return core.call(method, params, session, txn, timeout);
    }

    private static List<Object> params(Object... p) {
        return new ArrayList<>(Arrays.asList(p));
    }

    // ------------------------------------------------------------------ connection and session

    /** {@code ping}. */
    public RpcFuture<Void> ping() {
        return send("ping", params()).map(r -> null);
    }

    /** {@code version}: {@code "surrealdb-3.0.2"} (an object answer is reduced to its version text). */
    public RpcFuture<String> version() {
        return send("version", params()).map(ClientCore::versionText);
    }

    /**
     * {@code use}: selects namespace and database. {@code null} keeps the current value (sent as NONE);
     * to unset one, send NULL yourself: {@code call("use", ns, null)}.
     */
    public RpcFuture<Void> use(String namespace, String database) {
        return send("use", params(namespace == null ? None.NONE : namespace, database == null ? None.NONE : database))
                .map(r -> null);
    }

    /** {@code signin}: the tokens of the new authentication; the client re-signs in with them after a reconnect. */
    public RpcFuture<Tokens> signin(Credentials credentials) {
        return send("signin", params(credentials.toParams())).map(Tokens::of);
    }

    /** {@code signup} with record-access credentials. */
    public RpcFuture<Tokens> signup(Credentials credentials) {
        return send("signup", params(credentials.toParams())).map(Tokens::of);
    }

    /** {@code authenticate} with a token (JWT). */
    public RpcFuture<Void> authenticate(String token) {
        return send("authenticate", params(Objects.requireNonNull(token, "token"))).map(r -> null);
    }

    /** {@code refresh} (3.x): new tokens for a refresh token. */
    public RpcFuture<Tokens> refresh(Tokens tokens) {
        return send("refresh", params(tokens.toParams())).map(Tokens::of);
    }

    /** {@code revoke} (3.x): revokes a refresh token. */
    public RpcFuture<Void> revoke(Tokens tokens) {
        return send("revoke", params(tokens.toParams())).map(r -> null);
    }

    /** {@code invalidate}: drops the authentication. */
    public RpcFuture<Void> invalidate() {
        return send("invalidate", params()).map(r -> null);
    }

    /** {@code reset}: drops authentication, namespace, database and variables, and kills the live queries. */
    public RpcFuture<Void> reset() {
        return send("reset", params()).map(r -> null);
    }

    /** {@code info}: the authenticated record ({@code SELECT * FROM $auth}), or NONE. */
    public RpcFuture<Object> info() {
        return send("info", params());
    }

    /** {@code let}: a session variable, usable as {@code $name} in queries. A leading {@code $} is dropped. */
    public RpcFuture<Void> let(String name, Object value) {
        return send("let", params(SessionState.varName(name), value)).map(r -> null);
    }

    /** {@code unset}: removes a session variable. */
    public RpcFuture<Void> unset(String name) {
        return send("unset", params(SessionState.varName(name))).map(r -> null);
    }

    // ------------------------------------------------------------------ live queries

    /**
     * {@code live}: starts a live query on a table and subscribes to it.
     *
     * @param table a table name ({@code String} or {@code Table})
     * @param diff whether notifications carry JSON-Patch diffs instead of records
     */
    public RpcFuture<LiveSubscription> live(Object table, boolean diff) {
        Objects.requireNonNull(table, "table");
        LiveSubscription.Recipe recipe = (caller, s) -> caller.call("live", params(table, diff), s, null)
                .map(RpcOperations::uuid);
        return send("live", params(table, diff)).map(id -> subscribe(uuid(id), recipe));
    }

    /**
     * Runs SurrealQL containing a {@code LIVE SELECT} and subscribes to the live query it starts (the
     * first statement answering a live id). After a reconnect the same SurrealQL runs again.
     */
    public RpcFuture<LiveSubscription> liveQuery(String sql, Map<String, ?> vars) {
        Map<String, Object> v = vars == null ? null : new LinkedHashMap<>(vars);
        LiveSubscription.Recipe recipe = (caller, s) -> caller.call("query", queryParams(sql, v), s, null)
                .map(RpcOperations::liveIdOf);
        return send("query", queryParams(sql, v)).map(r -> subscribe(liveIdOf(r), recipe));
    }

    /**
     * Subscribes to an existing live query, e.g. the id a {@code LIVE SELECT} returned from
     * {@link #query(String, Map)}. Such a subscription is not made again after a reconnect.
     */
    public LiveSubscription subscribe(UUID liveId) {
        return subscribe(Objects.requireNonNull(liveId, "liveId"), null);
    }

    private LiveSubscription subscribe(UUID id, LiveSubscription.Recipe recipe) {
        return core.live().register(new LiveSubscription(core, session, id, recipe, core.config.liveBufferCapacity()));
    }

    /** {@code kill}: stops a live query; its subscription receives KILLED and ends. */
    public RpcFuture<Void> kill(UUID liveId) {
        return send("kill", params(Objects.requireNonNull(liveId, "liveId"))).map(r -> null);
    }

    static UUID uuid(Object o) {
        UUID u = LiveRegistry.parseUuid(o);
        if (u == null) {
            throw SurrealException.protocol("expected a UUID, got " + Responses.kindOf(o), null);
        }
        return u;
    }

    static UUID liveIdOf(Object queryAnswer) {
        for (QueryResult r : QueryResult.listOf(queryAnswer)) {
            r.orThrow();
            UUID u = LiveRegistry.parseUuid(r.result());
            if (u != null) {
                return u;
            }
        }
        throw new SurrealException(SurrealException.Category.INVALID_ARGUMENT,
                "the query started no live query (expected a LIVE SELECT statement)");
    }

    // ------------------------------------------------------------------ queries and data

    /** {@code query}: runs SurrealQL; one {@link QueryResult} per statement. */
    public RpcFuture<List<QueryResult>> query(String sql) {
        return query(sql, null);
    }

    /** {@code query} with variables ({@code $name} in the SurrealQL, {@code name} in the map). */
    public RpcFuture<List<QueryResult>> query(String sql, Map<String, ?> vars) {
        return send("query", queryParams(sql, vars)).map(QueryResult::listOf);
    }

    private static List<Object> queryParams(String sql, Map<String, ?> vars) {
        List<Object> p = params(Objects.requireNonNull(sql, "sql"));
        if (vars != null && !vars.isEmpty()) {
            p.add(Collections.unmodifiableMap(new LinkedHashMap<>(vars)));
        }
        return p;
    }

    /** {@code run}: calls a function ({@code fn::name}, or a built-in such as {@code string::len}). */
    public RpcFuture<Object> run(String function, Object... args) {
        return run(function, null, args == null ? List.of() : Arrays.asList(args));
    }

    /** {@code run} with a function version ({@code ml::} models) or {@code null}. */
    public RpcFuture<Object> run(String function, String version, List<?> args) {
        Objects.requireNonNull(function, "function");
        List<Object> a = args == null ? new ArrayList<>() : new ArrayList<>(args);
        if (txn != null) {
            if (!FUNCTION_NAME.matcher(function).matches() || version != null && !VERSION.matcher(version).matches()) {
                return RpcFuture.failed(new SurrealException(SurrealException.Category.INVALID_ARGUMENT,
                        "invalid function name or version: " + function));
            }
            StringBuilder sql = new StringBuilder("RETURN ").append(function);
            if (version != null) {
                sql.append('<').append(version).append('>');
            }
            sql.append('(');
            Map<String, Object> v = new LinkedHashMap<>();
            for (int i = 0; i < a.size(); i++) {
                sql.append(i == 0 ? "$a" : ", $a").append(i);
                v.put("a" + i, a.get(i));
            }
            return inTransaction(sql.append(')').toString(), v);
        }
        return send("run", params(function, version, a));
    }

    private static final java.util.regex.Pattern FUNCTION_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*");
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)*");

    /**
     * SurrealDB 3.0.x ignores {@code txn} for {@code update}, {@code patch}, {@code relate} and {@code run}:
     * inside a transaction they become the equivalent {@code query}, with every value bound as a variable.
     */
    private RpcFuture<Object> inTransaction(String sql, Map<String, Object> vars) {
        return send("query", queryParams(sql, vars)).map(r -> {
            List<QueryResult> results = QueryResult.listOf(r);
            return results.get(results.size() - 1).orThrow();
        });
    }

    /** A {@code String} target is a table name. */
    private static Object table(Object what) {
        return what instanceof String s ? new dev.surrealj.value.Table(s) : what;
    }

    private static boolean isOneRecord(Object what) {
        return what instanceof dev.surrealj.value.RecordId r && !(r.key() instanceof dev.surrealj.value.Range);
    }

    private static String only(Object what) {
        return isOneRecord(what) ? "ONLY " : "";
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /** {@code select}. */
    public RpcFuture<Object> select(Object what) {
        return send("select", params(what));
    }

    /** {@code create}: {@code data} may be {@code null} (an empty record). */
    public RpcFuture<Object> create(Object what, Object data) {
        return send("create", data == null ? params(what) : params(what, data));
    }

    /** {@code insert}: one object or a list of objects into a table. */
    public RpcFuture<Object> insert(Object table, Object data) {
        return send("insert", params(table, data));
    }

    /** {@code insert_relation}: relation objects with {@code in} and {@code out}. */
    public RpcFuture<Object> insertRelation(Object table, Object data) {
        return send("insert_relation", params(table, data));
    }

    /** {@code update}: replaces the content ({@code data} {@code null}: touches the records). */
    public RpcFuture<Object> update(Object what, Object data) {
        if (txn != null) {
            return inTransaction("UPDATE " + only(what) + "$what" + (data == null ? "" : " CONTENT $data"),
                    vars("what", table(what), "data", data));
        }
        return send("update", data == null ? params(what) : params(what, data));
    }

    /** {@code upsert}: replaces or creates. */
    public RpcFuture<Object> upsert(Object what, Object data) {
        return send("upsert", data == null ? params(what) : params(what, data));
    }

    /** {@code merge}: merges {@code data} into the records. */
    public RpcFuture<Object> merge(Object what, Object data) {
        return send("merge", params(what, data));
    }

    /**
     * {@code patch}: applies JSON-Patch operations ({@code {op, path, value}} maps).
     *
     * @param diff {@code true} to get the applied diff back instead of the records
     */
    public RpcFuture<Object> patch(Object what, List<?> patches, boolean diff) {
        if (txn != null) {
            return inTransaction("UPDATE " + only(what) + "$what PATCH $data" + (diff ? " RETURN DIFF" : ""),
                    vars("what", table(what), "data", new ArrayList<>(patches)));
        }
        return send("patch", params(what, new ArrayList<>(patches), diff));
    }

    /** {@code delete}. */
    public RpcFuture<Object> delete(Object what) {
        return send("delete", params(what));
    }

    /** {@code relate}: {@code in ->relation-> out}, with optional {@code data}. */
    public RpcFuture<Object> relate(Object in, Object relation, Object out, Object data) {
        if (txn != null) {
            boolean one = isOneRecord(in) && isOneRecord(out);
            return inTransaction("RELATE " + (one ? "ONLY " : "") + "$in->$relation->$out"
                    + (data == null ? "" : " CONTENT $data"), vars("in", in, "relation", table(relation), "out", out,
                    "data", data));
        }
        return send("relate", data == null ? params(in, relation, out) : params(in, relation, out, data));
    }

    // ------------------------------------------------------------------ transactions

    /**
     * {@code begin} (3.x): starts an interactive transaction; the handle's calls carry its id.
     * Fails with {@link SurrealException.Category#UNSUPPORTED} over HTTP.
     */
    public RpcFuture<RpcTransaction> begin() {
        return send("begin", params()).map(id -> new RpcTransaction(core, session, uuid(id), timeout));
    }

    /** A {@link #withTimeout(Duration)} view. */
    static final class Scoped extends RpcOperations {
        Scoped(ClientCore core, UUID session, UUID txn, Duration timeout) {
            super(core, session, txn, timeout);
        }

        @Override
        public String toString() {
            return "RpcOperations[session=" + session + ", txn=" + txn + ", timeout=" + timeout + "]";
        }
    }
}

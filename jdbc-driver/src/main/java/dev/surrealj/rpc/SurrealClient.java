package dev.surrealj.rpc;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A connection to SurrealDB over its RPC protocol (CBOR over WebSocket, or HTTP {@code POST /rpc}).
 * Thread-safe: any number of threads may have requests in flight at once on the one WebSocket.
 *
 * <pre>{@code
 * RpcConfig config = RpcConfig.builder()
 *         .uri("ws://127.0.0.1:8000/rpc")
 *         .credentials(Credentials.root("root", "secret"))
 *         .namespace("shop").database("main")
 *         .reconnect(ReconnectPolicy.exponential())
 *         .build();
 * try (SurrealClient client = SurrealClient.connect(config)) {
 *     client.create("person", Map.of("name", "Ada", "age", 36)).await();
 *     List<QueryResult> r = client.query("SELECT * FROM person WHERE age > $min", Map.of("min", 18)).await();
 *     Object rows = r.get(0).orThrow();
 *
 *     try (LiveSubscription sub = client.live("person", false).await()) {
 *         sub.listen(n -> System.out.println(n.action() + " " + n.record()));
 *     }
 *
 *     RpcTransaction tx = client.begin().await();                      // 3.x
 *     tx.query("CREATE person:bob SET age = 20").await();
 *     tx.commit().await();
 * }
 * }</pre>
 *
 * <p>{@link #connect(RpcConfig)} opens the connection, asks the server's version, signs in with the
 * configured credentials and selects the configured namespace and database. The client remembers
 * the session it builds ({@code use}, {@code signin}, {@code authenticate}, {@code let} …) and, with a
 * {@link ReconnectPolicy}, restores it and the live queries after a lost connection. See
 * {@link ReconnectPolicy} for what happens to requests meanwhile.
 *
 * <p>Errors are {@link SurrealException}s. When the connection drops every pending request fails at
 * once with a {@link SurrealException.Category#CONNECTION connection error}. Logging goes through
 * {@link System.Logger} (logger {@code dev.surrealj.rpc}) and never shows parameters, passwords or tokens.
 */
public final class SurrealClient extends RpcOperations implements AutoCloseable {

    private SurrealClient(ClientCore core) {
        super(core, null, null, null);
    }

    /** Connects (blocking, bounded by the connect and request timeouts). */
    public static SurrealClient connect(RpcConfig config) {
        ClientCore core = new ClientCore(config);
        core.connect();
        return new SurrealClient(core);
    }

    /** Connects to one URI with default settings. */
    public static SurrealClient connect(URI uri) {
        return connect(RpcConfig.builder().uri(uri).build());
    }

    /** Connects on a background thread. */
    public static RpcFuture<SurrealClient> connectAsync(RpcConfig config) {
        RpcFuture<SurrealClient> f = new RpcFuture<>();
        EventLoops.delivery().execute(() -> {
            try {
                f.complete(connect(config));
            } catch (RuntimeException e) {
                f.completeExceptionally(SurrealException.of(e));
            }
        });
        return f;
    }

    /** The configuration. */
    public RpcConfig config() {
        return core.config;
    }

    /** The server's version text as reported on the last (re)connect, e.g. {@code surrealdb-3.0.2}. */
    public String serverVersion() {
        return core.serverVersion();
    }

    /** The server's major version (2, 3 …), or 0 when unknown. */
    public int serverMajorVersion() {
        String v = serverVersion();
        int i = 0;
        while (i < v.length() && !Character.isDigit(v.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
            j++;
        }
        return j > i ? Integer.parseInt(v.substring(i, j)) : 0;
    }

    /** Whether the client is connected now (false while reconnecting and after close). */
    public boolean isConnected() {
        return core.isConnected();
    }

    /** Whether {@link #close()} was called or the connection was lost for good. */
    public boolean isClosed() {
        return core.isClosed();
    }

    /**
     * {@code attach} (3.x): a new server-side session on this connection, with its own namespace,
     * database, authentication and variables (it starts unauthenticated, without ns/db).
     */
    public RpcFuture<RpcSession> attach() {
        UUID id = UUID.randomUUID();
        return core.call("attach", new ArrayList<>(), id, null, timeout)
                .map(r -> new RpcSession(core, id, timeout));
    }

    /** {@code sessions} (3.x): the ids of this connection's attached sessions. */
    public RpcFuture<List<UUID>> sessions() {
        return send("sessions", new ArrayList<>()).map(r -> {
            List<UUID> out = new ArrayList<>();
            if (r instanceof List<?> l) {
                for (Object o : l) {
                    UUID u = LiveRegistry.parseUuid(o);
                    if (u != null) {
                        out.add(u);
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /** Closes the connection; pending requests fail, live subscriptions end. Idempotent. */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "SurrealClient[" + core.config.uris() + ", " + core.config.transport() + ", " + serverVersion()
                + ", " + core.describe() + "]";
    }
}

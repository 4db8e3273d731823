package dev.surrealj.jdbc;

import dev.surrealj.cbor.CborLimits;
import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.ReconnectPolicy;
import dev.surrealj.rpc.RpcConfig;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.rpc.SurrealException;
import dev.surrealj.rpc.TlsOptions;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the RPC client of a new connection: builds the {@link RpcConfig} from the URL and the
 * properties, orders the hosts (fail-over in URL order, or a round-robin start host with
 * {@code loadBalanceHosts=true}), signs in and selects namespace/database, all within the login
 * timeout.
 *
 * <p>Failures: wrong credentials → 28000 (no fail-over to the next host: the same users live on
 * every host); nothing reachable → 08001 naming every host tried and the last cause; the login
 * timeout → 08001 with an {@link java.sql.SQLTimeoutException} cause.
 */
final class Connector {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");
    /** Stands for "no timeout" where the RPC client needs a positive duration. */
    static final Duration FOREVER = Duration.ofDays(365);
    /** Start index of the next load-balanced connection. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    private Connector() {
    }

    /**
     * Connects.
     *
     * @param url                   the parsed URL
     * @param props                 the merged properties
     * @param driverManagerTimeout  {@code DriverManager.getLoginTimeout()} (or the DataSource's), seconds
     */
    static SurrealClient connect(JdbcUrl url, ConnectionProperties props, int driverManagerTimeout)
            throws SQLException {
        List<URI> uris = orderedUris(url, props.loadBalanceHosts());
        Duration login = props.loginTimeout(driverManagerTimeout);
        RpcConfig config = config(url, props, uris, login);
        LOG.log(System.Logger.Level.DEBUG, "connecting to {0} ({1})", url, props);
        if (login.isZero()) {
            try {
                return SurrealClient.connect(config);
            } catch (SurrealException e) {
                throw failure(uris, e);
            } catch (RuntimeException e) {
                throw SqlStates.connectionFailed("Cannot connect to " + hosts(uris) + ": " + e.getMessage(), e);
            }
        }
        CompletableFuture<SurrealClient> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(SurrealClient.connect(config));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "surrealj-connect");
        t.setDaemon(true);
        t.start();
        try {
            return f.get(login.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.thenAccept(SurrealClient::close);
            throw SqlStates.connectionFailed("Cannot connect to " + hosts(uris) + " within the login timeout of "
                    + login.toSeconds() + " s", SqlStates.timeout("login timeout exceeded", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.thenAccept(SurrealClient::close);
            throw SqlStates.connectionFailed("Interrupted while connecting to " + hosts(uris), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SurrealException s) {
                throw failure(uris, s);
            }
            throw SqlStates.connectionFailed("Cannot connect to " + hosts(uris) + ": " + c, c);
        }
    }

    private static SQLException failure(List<URI> uris, SurrealException e) {
        if (e.isAuthenticationError()) {
            // the RPC client classifies every error answering signin/authenticate (e.g. "No record was
            // returned" from a record access SIGNIN) as AUTHENTICATION: 28000; SurrealDB's message never
            // contains the password
            return SqlStates.create(SqlStates.INVALID_AUTHORIZATION, "Authentication failed: " + e.getMessage(),
                    e.code(), e);
        }
        SQLException mapped = ExceptionMapper.map(e);
        String state = mapped.getSQLState();
        if (state != null && !state.startsWith("08") && !state.equals(SqlStates.TIMEOUT)
                && !state.equals(SqlStates.QUERY_CANCELED)) {
            // a server answer (namespace refused, capability …): keep its state
            return mapped;
        }
        return SqlStates.connectionFailed("Cannot connect to " + hosts(uris) + ": " + e.getMessage(), e);
    }

    private static String hosts(List<URI> uris) {
        List<String> out = new ArrayList<>();
        for (URI u : uris) {
            out.add(u.getAuthority());
        }
        return out.size() == 1 ? out.get(0) : "any of " + out;
    }

    /** The RPC endpoints in the order to try them. */
    static List<URI> orderedUris(JdbcUrl url, boolean loadBalance) {
        List<URI> all = url.rpcUris();
        if (!loadBalance || all.size() < 2) {
            return all;
        }
        int start = Math.floorMod(NEXT_HOST.getAndIncrement(), all.size());
        List<URI> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            out.add(all.get((start + i) % all.size()));
        }
        return out;
    }

    static RpcConfig config(JdbcUrl url, ConnectionProperties props, List<URI> uris, Duration login) {
        RpcConfig.Builder b = RpcConfig.builder().uris(uris);
        b.transport(url.transport().isWebSocket() ? RpcConfig.Transport.WEBSOCKET : RpcConfig.Transport.HTTP);
        Duration connect = orForever(props.connectTimeout());
        if (!login.isZero() && login.compareTo(connect) < 0) {
            connect = login;
        }
        b.connectTimeout(connect);
        b.requestTimeout(orForever(props.requestTimeout()));
        b.keepAliveInterval(props.keepAliveInterval());
        if (props.insecure()) {
            b.tls(TlsOptions.insecure());
        } else if (props.trustStore() != null) {
            String pw = props.trustStorePassword();
            b.tls(TlsOptions.trustStore(Path.of(props.trustStore()), pw == null ? null : pw.toCharArray(),
                    props.trustStoreType()));
        }
        b.cborLimits(CborLimits.DEFAULT.withMaxDepth(props.maxDepth()).withMaxFrameSize(props.maxFrameSize()));
        if (props.reconnect()) {
            b.reconnect(ReconnectPolicy.exponential().withMaxAttempts(props.reconnectMaxAttempts()));
        }
        b.liveBufferCapacity(props.liveQueryBuffer());
        b.namespace(props.namespace());
        b.database(props.database());
        Credentials c = credentials(props);
        if (c != null) {
            b.credentials(c);
        }
        return b.build();
    }

    /** The credentials the properties describe, or {@code null} for an anonymous connection. */
    static Credentials credentials(ConnectionProperties props) {
        if (props.token() != null && !props.isAuthLevelExplicit()) {
            return Credentials.token(props.token());
        }
        ConnectionProperties.AuthLevel level = props.authLevel();
        if (level == null) {
            return null;
        }
        String pass = props.password() == null ? "" : props.password();
        return switch (level) {
            case ROOT -> Credentials.root(props.user(), pass);
            case NAMESPACE -> Credentials.namespace(props.namespace(), props.user(), pass);
            case DATABASE -> Credentials.database(props.namespace(), props.database(), props.user(), pass);
            case RECORD -> {
                Map<String, Object> vars = new LinkedHashMap<>(props.signinVariables());
                yield Credentials.recordAccess(props.namespace(), props.database(), props.access(), vars);
            }
        };
    }

    private static Duration orForever(Duration d) {
        return d == null || d.isZero() || d.isNegative() ? FOREVER : d;
    }
}

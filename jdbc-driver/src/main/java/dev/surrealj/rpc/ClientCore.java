package dev.surrealj.rpc;

import dev.surrealj.cbor.CborCodec;
import io.netty.handler.ssl.SslContext;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine behind {@link SurrealClient}: the current connection, request ids and timeouts,
 * session state, live queries, keep-alive and reconnect.
 */
final class ClientCore implements Connection.Listener {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");

    enum State { CONNECTING, OPEN, RECONNECTING, CLOSED }

    private record Queued(RpcRequest request, RpcFuture<Object> answer) {
    }

    final RpcConfig config;
    final CborCodec codec;
    private final SslContext ssl;
    private final AtomicLong ids = new AtomicLong();
    private final SessionState defaultState = new SessionState();
    private final ConcurrentHashMap<UUID, SessionState> sessions = new ConcurrentHashMap<>();
    private final LiveRegistry live = new LiveRegistry();

    private final Object lock = new Object();
    // guarded by lock
    private Connection conn;
    private State state = State.CONNECTING;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private int uriIndex;

    private volatile String serverVersion = "";
    private volatile io.netty.util.concurrent.ScheduledFuture<?> keepAlive;

    ClientCore(RpcConfig config) {
        this.config = config;
        this.codec = new CborCodec(config.cborLimits());
        boolean tls = config.uris().stream().anyMatch(u -> u.getScheme().equalsIgnoreCase("wss")
                || u.getScheme().equalsIgnoreCase("https"));
        this.ssl = tls ? SslContexts.forClient(config.tls()) : null;
        defaultState.initial(config.namespace(), config.database(), config.credentials() != null);
    }

    LiveRegistry live() {
        return live;
    }

    String serverVersion() {
        return serverVersion;
    }

    boolean isClosed() {
        synchronized (lock) {
            return state == State.CLOSED;
        }
    }

    boolean isConnected() {
        synchronized (lock) {
            return state == State.OPEN && conn != null && conn.isOpen();
        }
    }

    SessionState state(UUID session) {
        return session == null ? defaultState : sessions.get(session);
    }

    // ------------------------------------------------------------------ connecting

    /** Initial connect: each URI once, in order. Blocking. */
    void connect() {
        SurrealException last = null;
        List<URI> uris = config.uris();
        for (int i = 0; i < uris.size(); i++) {
            try {
                Connection c = openAndRestore(uris.get(i));
                synchronized (lock) {
                    if (state == State.CLOSED) {
                        c.close();
                        throw SurrealException.connection("client closed while connecting", null);
                    }
                    conn = c;
                    uriIndex = i;
                    state = State.OPEN;
                }
                startKeepAlive(c);
                LOG.log(Level.DEBUG, "connected to {0} ({1})", c.uri(), serverVersion);
                return;
            } catch (SurrealException e) {
                last = e;
                if (e.isAuthenticationError()) {
                    break;
                }
            }
        }
        synchronized (lock) {
            state = State.CLOSED;
        }
        throw last;
    }

    private Connection openTransport(URI uri) {
        if (config.transport() == RpcConfig.Transport.HTTP) {
            return new HttpConnection(uri, config, codec, ssl, defaultState);
        }
        CompletableFuture<Connection> f = WsConnection.open(uri, config, codec, ssl, this);
        long wait = config.connectTimeout().toMillis() * 2 + 1000;
        try {
            return f.get(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.thenAccept(Connection::close);
            throw new SurrealException(SurrealException.Category.INTERRUPTED, "interrupted while connecting", e);
        } catch (TimeoutException e) {
            f.thenAccept(Connection::close);
            throw new SurrealException(SurrealException.Category.TIMEOUT,
                    "cannot connect to " + uri + " within " + wait + " ms", e);
        } catch (ExecutionException e) {
            throw SurrealException.of(e);
        }
    }

    /** Opens a connection and replays the session state, then the live queries, on it. Blocking. */
    private Connection openAndRestore(URI uri) {
        Connection c = openTransport(uri);
        try {
            Duration t = config.requestTimeout();
            RpcOperations.Caller on = (method, params, session, txn) -> sendOn(c, method, params, session, txn, t);
            serverVersion = versionText(on.call("version", List.of(), null, null).await());
            restoreSession(on, null, defaultState);
            for (Map.Entry<UUID, SessionState> e : sessions.entrySet()) {
                on.call("attach", List.of(), e.getKey(), null).await();
                restoreSession(on, e.getKey(), e.getValue());
            }
            for (LiveSubscription sub : live.all()) {
                LiveSubscription.Recipe recipe = sub.recipe();
                if (recipe == null) {
                    live.remove(sub.liveId(), sub);
                    sub.terminate(SurrealException.connection("the connection was lost and a live query attached by"
                            + " id cannot be made again: use live() or liveQuery() for automatic re-subscription",
                            null));
                    continue;
                }
                try {
                    UUID id = recipe.resubscribe(on, sub.session()).await();
                    live.rekey(sub, id);
                } catch (SurrealException e) {
                    if (e.isConnectionError() || e.isTimeout()) {
                        throw e;
                    }
                    live.remove(sub.liveId(), sub);
                    sub.terminate(e);
                }
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw SurrealException.of(e);
        }
    }

    /**
     * Replays one session's state: sign-in (its errors classified as {@link SurrealException.Category#AUTHENTICATION}
     * like those of a user's signin, so a wrong password is not retried on the next host), namespace and
     * database, variables.
     */
    private void restoreSession(RpcOperations.Caller on, UUID session, SessionState st) {
        SessionState.Snapshot s = st.snapshot();
        RpcOperations.Caller auth = (method, params, sess, txn) -> authErrors(on.call(method, params, sess, txn));
        switch (s.auth()) {
            case CONFIG -> {
                Credentials c = config.credentials().get();
                if (c != null && c.kind() == Credentials.Kind.TOKEN) {
                    auth.call("authenticate", List.of(c.token()), session, null).await();
                    st.signedInFromConfig(c, c.token());
                } else if (c != null) {
                    Object r = auth.call("signin", List.of(c.toParams()), session, null).await();
                    st.signedInFromConfig(c, Tokens.of(r).access());
                }
            }
            case SIGNIN -> {
                Object r = auth.call("signin", List.of(s.credentials().toParams()), session, null).await();
                st.refreshedToken(Tokens.of(r).access());
            }
            case TOKEN -> auth.call("authenticate", List.of(s.token()), session, null).await();
            case NONE -> {
            }
        }
        if (s.namespace() != null || s.database() != null) {
            List<Object> p = new ArrayList<>(2);
            p.add(s.namespace() != null ? s.namespace() : dev.surrealj.value.None.NONE);
            p.add(s.database() != null ? s.database() : dev.surrealj.value.None.NONE);
            on.call("use", p, session, null).await();
        }
        for (Map.Entry<String, Object> v : s.vars().entrySet()) {
            List<Object> p = new ArrayList<>(2);
            p.add(v.getKey());
            p.add(v.getValue());
            on.call("let", p, session, null).await();
        }
    }

    static String versionText(Object v) {
        if (v instanceof Map<?, ?> m) {
            Object x = m.containsKey("version") ? m.get("version") : m.values().stream().findFirst().orElse(null);
            return String.valueOf(x);
        }
        return String.valueOf(v);
    }

    // ------------------------------------------------------------------ calls

    /** A call as the user makes it: queued while reconnecting, state tracked on success. */
    RpcFuture<Object> call(String method, List<Object> params, UUID session, UUID txn, Duration timeout) {
        RpcRequest request = new RpcRequest(ids.incrementAndGet(), method, params, session, txn);
        RpcFuture<Object> answer = new RpcFuture<>();
        Duration limit = timeout == null ? config.requestTimeout() : timeout;
        Connection c = null;
        synchronized (lock) {
            switch (state) {
                case OPEN -> c = conn;
                case RECONNECTING, CONNECTING -> {
                    armTimeout(answer, limit, method);
                    queue.add(new Queued(request, answer));
                }
                case CLOSED -> answer.completeExceptionally(SurrealException.connection("the client is closed", null));
            }
        }
        if (c != null) {
            c.send(request, answer, limit);
        }
        return track(request, answer);
    }

    /** A call on a given connection, bypassing the queue (restore, keep-alive). */
    RpcFuture<Object> sendOn(Connection c, String method, List<Object> params, UUID session, UUID txn,
                             Duration timeout) {
        RpcRequest request = new RpcRequest(ids.incrementAndGet(), method, params, session, txn);
        RpcFuture<Object> answer = new RpcFuture<>();
        c.send(request, answer, timeout);
        return answer;
    }

    RpcFuture<Object> kill(UUID liveId, UUID session) {
        List<Object> p = new ArrayList<>(1);
        p.add(liveId);
        return call("kill", p, session, null, null);
    }

    static void armTimeout(RpcFuture<Object> answer, Duration timeout, String method) {
        armTimeout(answer, timeout, method, EventLoops.group().next());
    }

    /** Fails {@code answer} with a timeout error after {@code timeout}, on {@code loop}. */
    static void armTimeout(RpcFuture<Object> answer, Duration timeout, String method,
                           io.netty.util.concurrent.EventExecutor loop) {
        long ms = Math.max(1, timeout.toMillis());
        io.netty.util.concurrent.ScheduledFuture<?> t = loop.schedule(() -> answer.completeExceptionally(
                new SurrealException(SurrealException.Category.TIMEOUT,
                        "no answer to " + method + " within " + ms + " ms")), ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        answer.whenComplete((r, e) -> t.cancel(false));
    }

    /** Applies the effects of successful state-changing calls before the caller sees the answer. */
    private RpcFuture<Object> track(RpcRequest request, RpcFuture<Object> original) {
        String m = request.method();
        RpcFuture<Object> answer = isAuthMethod(m) ? authErrors(original) : original;
        boolean tracked = SessionState.tracks(m);
        boolean lifecycle = m.equals("kill") || m.equals("attach") || m.equals("detach");
        if (!tracked && !lifecycle) {
            return answer;
        }
        return answer.map(result -> {
            if (tracked) {
                SessionState st = state(request.session());
                if (st != null) {
                    st.onSuccess(request, result);
                }
                if (m.equals("reset")) {
                    live.sessionEnded(request.session());
                }
            }
            switch (m) {
                case "kill" -> {
                    UUID id = LiveRegistry.parseUuid(request.param(0));
                    if (id != null) {
                        live.killed(id);
                    }
                }
                case "attach" -> {
                    if (request.session() != null) {
                        sessions.putIfAbsent(request.session(), new SessionState());
                    }
                }
                case "detach" -> {
                    if (request.session() != null) {
                        sessions.remove(request.session());
                        live.sessionEnded(request.session());
                    }
                }
                default -> {
                }
            }
            return result;
        });
    }

    private static boolean isAuthMethod(String m) {
        return m.equals("signin") || m.equals("signup") || m.equals("authenticate");
    }

    /** Any server error answering signin/signup/authenticate is an authentication failure (e.g. a malformed token). */
    private static RpcFuture<Object> authErrors(RpcFuture<Object> answer) {
        RpcFuture<Object> out = new RpcFuture<>();
        answer.whenComplete((r, e) -> {
            if (e == null) {
                out.complete(r);
                return;
            }
            SurrealException s = SurrealException.of(e);
            if (s.category() == SurrealException.Category.SERVER || s.category() == SurrealException.Category.QUERY) {
                s = new SurrealException(SurrealException.Category.AUTHENTICATION, s.getMessage(), s.code(), s.kind(),
                        s.details(), s);
            }
            out.completeExceptionally(s);
        });
        return out;
    }

    // ------------------------------------------------------------------ notifications and closing

    @Override
    public void onNotification(Map<?, ?> notification) {
        live.onNotification(notification);
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
        boolean reconnect;
        List<Queued> failed = List.of();
        synchronized (lock) {
            if (c != conn || state != State.OPEN) {
                return;
            }
            conn = null;
            reconnect = config.reconnect().isEnabled();
            if (reconnect) {
                state = State.RECONNECTING;
            } else {
                state = State.CLOSED;
                failed = drainQueue();
            }
        }
        stopKeepAlive();
        SurrealException reason = SurrealException.connection("connection to " + c.uri() + " lost"
                + (cause != null ? ": " + cause.getMessage() : ""), cause);
        if (reconnect) {
            LOG.log(Level.WARNING, "connection to {0} lost; reconnecting", c.uri());
            EventLoops.delivery().execute(() -> reconnectLoop(reason));
        } else {
            LOG.log(Level.WARNING, "connection to {0} lost; the client is closed (no reconnect policy)", c.uri());
            failed.forEach(q -> q.answer().completeExceptionally(reason));
            live.endAll(reason);
        }
    }

    private void reconnectLoop(SurrealException reason) {
        ReconnectPolicy policy = config.reconnect();
        long start = System.nanoTime();
        SurrealException last = reason;
        List<URI> uris = config.uris();
        for (int attempt = 1; ; attempt++) {
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (attempt > policy.maxAttempts() || elapsedMs > policy.maxElapsed().toMillis()) {
                giveUp(last, attempt - 1);
                return;
            }
            try {
                Thread.sleep(policy.delayMillis(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(new SurrealException(SurrealException.Category.INTERRUPTED, "reconnect interrupted", e),
                        attempt);
                return;
            }
            URI uri;
            synchronized (lock) {
                if (state != State.RECONNECTING) {
                    return;
                }
                uri = uris.get((uriIndex + attempt - 1) % uris.size());
            }
            try {
                Connection c = openAndRestore(uri);
                List<Queued> flush;
                synchronized (lock) {
                    if (state != State.RECONNECTING) {
                        c.close();
                        return;
                    }
                    conn = c;
                    state = State.OPEN;
                    uriIndex = uris.indexOf(uri);
                    flush = drainQueue();
                }
                startKeepAlive(c);
                LOG.log(Level.INFO, "reconnected to {0} after {1} attempt(s); {2} waiting request(s) sent",
                        uri, attempt, flush.size());
                for (Queued q : flush) {
                    if (!q.answer().isDone()) {
                        c.send(q.request(), q.answer());
                    }
                }
                return;
            } catch (SurrealException e) {
                last = e;
                LOG.log(Level.DEBUG, "reconnect attempt {0} to {1} failed: {2}", attempt, uri, e.getMessage());
                if (e.isAuthenticationError()) {
                    giveUp(e, attempt);
                    return;
                }
            }
        }
    }

    private void giveUp(SurrealException last, int attempts) {
        List<Queued> failed;
        synchronized (lock) {
            if (state != State.RECONNECTING) {
                return;
            }
            state = State.CLOSED;
            failed = drainQueue();
        }
        SurrealException e = new SurrealException(last.category() == SurrealException.Category.AUTHENTICATION
                ? SurrealException.Category.AUTHENTICATION : SurrealException.Category.CONNECTION,
                "reconnect gave up after " + attempts + " attempt(s): " + last.getMessage(), last);
        LOG.log(Level.WARNING, e.getMessage());
        failed.forEach(q -> q.answer().completeExceptionally(e));
        live.endAll(e);
    }

    private List<Queued> drainQueue() {
        List<Queued> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    void close() {
        Connection c;
        List<Queued> failed;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            c = conn;
            conn = null;
            failed = drainQueue();
        }
        stopKeepAlive();
        SurrealException closed = SurrealException.connection("the client is closed", null);
        failed.forEach(q -> q.answer().completeExceptionally(closed));
        live.endAll(null);
        if (c != null) {
            c.close();
        }
    }

    // ------------------------------------------------------------------ keep-alive

    private void startKeepAlive(Connection c) {
        long every = config.keepAliveInterval().toMillis();
        if (every <= 0 || config.transport() != RpcConfig.Transport.WEBSOCKET) {
            return;
        }
        Duration timeout = Duration.ofMillis(Math.min(config.requestTimeout().toMillis(), Math.max(every, 5000)));
        keepAlive = EventLoops.group().next().scheduleAtFixedRate(() -> {
            if (!c.isOpen()) {
                return;
            }
            sendOn(c, "ping", List.of(), null, null, timeout).whenComplete((r, e) -> {
                if (e != null && SurrealException.of(e).isTimeout()) {
                    LOG.log(Level.WARNING, "keep-alive ping to {0} unanswered for {1} ms: closing the connection",
                            c.uri(), timeout.toMillis());
                    c.close();
                    onClosed(c, e);
                }
            });
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void stopKeepAlive() {
        io.netty.util.concurrent.ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
    }

    /** For tests and diagnostics. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (lock) {
            m.put("state", state);
            m.put("queued", queue.size());
        }
        m.put("live", live.all().size());
        return m;
    }
}

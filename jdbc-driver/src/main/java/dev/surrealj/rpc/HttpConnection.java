package dev.surrealj.rpc;

import dev.surrealj.cbor.CborCodec;
import dev.surrealj.value.None;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code POST /rpc} over a small pool of keep-alive connections. HTTP is stateless: the session
 * (ns, db, auth, variables) lives in the client's {@link SessionState} and travels as headers
 * ({@code Surreal-NS}, {@code Surreal-DB}, {@code Authorization}) with every call; {@code use},
 * {@code let}, {@code unset}, {@code invalidate} and {@code reset} are answered locally and
 * variables are merged into {@code query}.
 *
 * <p>Authentication: the token of the last {@code signin}/{@code signup}/{@code authenticate} is sent
 * as {@code Bearer}; a system user's name and password are sent as {@code Basic} only when no token is
 * known (a password check per request costs the server tens of milliseconds). When a token obtained
 * with a system user's password is refused (expired), the client signs in again and retries once.
 */
final class HttpConnection implements Connection {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");
    private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("surrealj.exchange");
    private static final Set<String> STATEFUL = Set.of("live", "kill", "attach", "detach", "sessions", "begin",
            "commit", "cancel");
    private static final String CBOR = "application/cbor";

    private final URI uri;
    private final CborCodec codec;
    private final SessionState state;
    private final FixedChannelPool pool;
    private final String path;
    private final String hostHeader;
    private volatile boolean closed;
    private final Set<Exchange> active = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HttpConnection(URI uri, RpcConfig config, CborCodec codec, SslContext ssl, SessionState state) {
        this.uri = uri;
        this.codec = codec;
        this.state = state;
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String p = uri.getRawPath();
        this.path = p == null || p.isEmpty() || p.equals("/") ? "/rpc" : p.endsWith("/rpc") ? p : p + "/rpc";
        this.hostHeader = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, codec.limits().maxFrameSize());
        Bootstrap b = new Bootstrap()
                .group(EventLoops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .remoteAddress(host, port);
        this.pool = new FixedChannelPool(b, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                ChannelPipeline pl = ch.pipeline();
                if (tls) {
                    pl.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                }
                pl.addLast("http", new HttpClientCodec());
                pl.addLast("aggregator", new HttpObjectAggregator(maxFrame));
                pl.addLast("rpc", new Handler());
            }
        }, config.httpPoolSize());
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            SurrealException e = SurrealException.connection("HTTP client for " + uri + " closed", null);
            for (Exchange ex : active) {
                ex.answer.completeExceptionally(e);
            }
            pool.closeAsync();
        }
    }

    @Override
    public void send(RpcRequest request, RpcFuture<Object> answer) {
        if (closed) {
            answer.completeExceptionally(SurrealException.connection("HTTP client for " + uri + " is closed", null));
            return;
        }
        String method = request.method();
        if (request.session() != null || request.txn() != null || STATEFUL.contains(method)) {
            answer.completeExceptionally(SurrealException.unsupported(
                    "'" + method + "'" + (request.txn() != null ? " in a transaction" : request.session() != null
                            ? " in a session" : "") + " is not supported over HTTP: use a WebSocket (ws:// or wss://)"));
            return;
        }
        RpcRequest toSend = request;
        switch (method) {
            case "use" -> {
                answer.complete(state.useResult(request.param(0), request.param(1)));
                return;
            }
            case "let", "unset", "invalidate", "reset" -> {
                answer.complete(None.NONE);
                return;
            }
            case "query" -> toSend = withSessionVars(request);
            default -> {
            }
        }
        SessionState.Snapshot snap = state.snapshot();
        boolean derivedToken = usesDerivedToken(method, snap);
        if (!derivedToken) {
            transmit(toSend, headers(method, request, snap), answer);
            return;
        }
        // a token from signing in with a system user's password: on refusal (expired), sign in again and retry once
        RpcRequest first = toSend;
        RpcFuture<Object> attempt = new RpcFuture<>();
        answer.whenComplete((r, e) -> attempt.cancel(false));
        transmit(first, headers(method, request, snap), attempt);
        attempt.whenComplete((r, e) -> {
            if (e == null) {
                answer.complete(r);
                return;
            }
            SurrealException s = SurrealException.of(e);
            if (!s.isAuthenticationError() || answer.isDone()) {
                answer.completeExceptionally(s);
                return;
            }
            LOG.log(Level.DEBUG, "token refused by {0}: signing in again", uri);
            RpcFuture<Object> signin = new RpcFuture<>();
            answer.whenComplete((r2, e2) -> signin.cancel(false));
            List<Object> params = new ArrayList<>();
            params.add(snap.credentials().toParams());
            RpcRequest again = new RpcRequest(request.id(), "signin", params, null, null);
            transmit(again, headers("signin", again, snap), signin);
            signin.whenComplete((token, e3) -> {
                if (e3 != null) {
                    answer.completeExceptionally(SurrealException.of(e3));
                    return;
                }
                state.refreshedToken(Tokens.of(token).access());
                transmit(first, headers(method, request, state.snapshot()), answer);
            });
        });
    }

    /** Whether the call would authenticate with the token obtained by signing in with a system user's password. */
    private static boolean usesDerivedToken(String method, SessionState.Snapshot s) {
        return s.credentials() != null && s.credentials().isSystemUser() && s.token() != null
                && !method.equals("signin") && !method.equals("signup") && !method.equals("authenticate");
    }

    /** Encodes and posts one request on a pooled connection; {@code answer} gets the outcome. */
    private void transmit(RpcRequest toSend, HttpHeaders headers, RpcFuture<Object> answer) {
        String method = toSend.method();
        ByteBuf body = ByteBufAllocator.DEFAULT.buffer(256);
        try (ByteBufOutputStream out = new ByteBufOutputStream(body)) {
            codec.encode(toSend.toMessage(), out);
        } catch (IOException | RuntimeException e) {
            body.release();
            answer.completeExceptionally(new SurrealException(SurrealException.Category.INVALID_ARGUMENT,
                    "cannot encode the parameters of " + method + ": " + e.getMessage(), e));
            return;
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        pool.acquire().addListener(f -> {
            if (!f.isSuccess()) {
                body.release();
                answer.completeExceptionally(SurrealException.connection(
                        "cannot connect to " + uri + ": " + describe(f.cause()), f.cause()));
                return;
            }
            Channel ch = (Channel) f.getNow();
            if (answer.isDone()) {
                body.release();
                pool.release(ch);
                return;
            }
            Exchange ex = new Exchange(answer, ch);
            ch.attr(EXCHANGE).set(ex);
            active.add(ex);
            answer.whenComplete((r, e) -> active.remove(ex));
            if (closed) {
                answer.completeExceptionally(SurrealException.connection("HTTP client for " + uri + " closed", null));
            }
            // a request that times out or is cancelled must not keep its connection busy forever
            answer.whenComplete((r, e) -> {
                if (ch.attr(EXCHANGE).compareAndSet(ex, null)) {
                    ch.close();
                    ex.release();
                }
            });
            DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, body,
                    headers, new DefaultHttpHeaders());
            ch.writeAndFlush(req).addListener(w -> {
                if (!w.isSuccess()) {
                    answer.completeExceptionally(SurrealException.connection(
                            "cannot send " + method + " to " + uri + ": " + describe(w.cause()), w.cause()));
                }
            });
        });
    }

    /** {@code query} with the session's variables merged under the call's own. */
    private RpcRequest withSessionVars(RpcRequest request) {
        Map<String, Object> vars = state.varsSnapshot();
        if (vars.isEmpty()) {
            return request;
        }
        Map<String, Object> merged = new LinkedHashMap<>(vars);
        if (request.param(1) instanceof Map<?, ?> own) {
            own.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        List<Object> params = new ArrayList<>();
        params.add(request.param(0));
        params.add(merged);
        return new RpcRequest(request.id(), request.method(), params, null, null);
    }

    private HttpHeaders headers(String method, RpcRequest request, SessionState.Snapshot s) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set(HttpHeaderNames.HOST, hostHeader);
        h.set(HttpHeaderNames.CONTENT_TYPE, CBOR);
        h.set(HttpHeaderNames.ACCEPT, CBOR);
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (s.namespace() != null) {
            h.set("Surreal-NS", s.namespace());
        }
        if (s.database() != null) {
            h.set("Surreal-DB", s.database());
        }
        boolean signing = method.equals("signin") || method.equals("signup");
        Credentials c = s.credentials();
        if (method.equals("authenticate") && request.param(0) instanceof String token) {
            h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        } else if (signing) {
            return h;
        } else if (s.token() != null) {
            h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + s.token());
        } else if (c != null && c.isSystemUser()) {
            String basic = c.user() + ":" + c.password();
            h.set(HttpHeaderNames.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            if (c.namespace() != null) {
                h.set("Surreal-Auth-NS", c.namespace());
            }
            if (c.database() != null) {
                h.set("Surreal-Auth-DB", c.database());
            }
        }
        return h;
    }

    private void onResponse(Channel ch, FullHttpResponse response) {
        Exchange ex = ch.attr(EXCHANGE).getAndSet(null);
        if (ex == null) {
            LOG.log(Level.DEBUG, "unexpected HTTP response from {0}", uri);
            ch.close();
            return;
        }
        int status = response.status().code();
        ByteBuf content = response.content();
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        Object decoded = null;
        Exception decodeError = null;
        if (type.startsWith(CBOR) || status == 200) {
            try {
                decoded = Responses.decode(codec, content);
            } catch (Exception e) {
                decodeError = e;
            }
        }
        String text = decoded == null ? abbreviate(content.toString(StandardCharsets.UTF_8)) : null;
        if (!HttpUtil.isKeepAlive(response)) {
            ch.close();
        }
        ex.release();
        RpcFuture<Object> answer = ex.answer;
        if (decoded instanceof Map<?, ?> m && (m.containsKey("result") || m.containsKey("error"))) {
            Responses.complete(answer, m);
        } else if (status == 401 || status == 403) {
            answer.completeExceptionally(new SurrealException(SurrealException.Category.AUTHENTICATION,
                    "HTTP " + status + " from " + uri + (text == null || text.isEmpty() ? "" : ": " + text)));
        } else if (status != 200) {
            answer.completeExceptionally(new SurrealException(SurrealException.Category.SERVER,
                    "HTTP " + status + " from " + uri + (text == null || text.isEmpty() ? "" : ": " + text)));
        } else if (decodeError != null && status == 200) { // one unreadable answer; the connection is fine
            answer.completeExceptionally(SurrealException.unreadableAnswer("cannot decode the answer of " + uri
                    + ": " + decodeError.getMessage(), decodeError));
        } else {
            answer.completeExceptionally(SurrealException.protocol("cannot understand the answer of " + uri
                    + (decodeError != null ? ": " + decodeError.getMessage() : ""), decodeError));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null
                || c instanceof io.netty.handler.codec.DecoderException)) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    /** One request on one pooled connection. */
    private final class Exchange {
        final RpcFuture<Object> answer;
        final Channel channel;
        final AtomicBoolean released = new AtomicBoolean();

        Exchange(RpcFuture<Object> answer, Channel channel) {
            this.answer = answer;
            this.channel = channel;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                pool.release(channel);
            }
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
            onResponse(ctx.channel(), msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Exchange ex = ctx.channel().attr(EXCHANGE).getAndSet(null);
            if (ex != null) {
                ex.answer.completeExceptionally(SurrealException.connection(
                        "HTTP request to " + uri + " failed: " + describe(cause), cause));
                ex.release();
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Exchange ex = ctx.channel().attr(EXCHANGE).getAndSet(null);
            if (ex != null) {
                ex.answer.completeExceptionally(SurrealException.connection(
                        "connection to " + uri + " lost", null));
                ex.release();
            }
            super.channelInactive(ctx);
        }
    }
}

package dev.surrealj.rpc;

import dev.surrealj.cbor.CborCodec;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebSocket to {@code /rpc} with subprotocol {@code cbor}: binary frames, continuation frames
 * aggregated up to the frame limit, many requests in flight matched by id.
 */
final class WsConnection implements Connection {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.rpc");

    private final URI uri;
    private final CborCodec codec;
    private final Listener listener;
    private final ConcurrentHashMap<Long, RpcFuture<Object>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Connection> ready = new CompletableFuture<>();
    private volatile Channel channel;
    private volatile boolean closed;
    private volatile SurrealException closeReason;

    private WsConnection(URI uri, CborCodec codec, Listener listener) {
        this.uri = uri;
        this.codec = codec;
        this.listener = listener;
    }

    /** Connects and completes after the WebSocket handshake. */
    static CompletableFuture<Connection> open(URI uri, RpcConfig config, CborCodec codec, SslContext ssl,
                                              Listener listener) {
        WsConnection c = new WsConnection(uri, codec, listener);
        c.start(config, ssl);
        return c.ready;
    }

    private void start(RpcConfig config, SslContext ssl) {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? "/rpc" : uri.getRawPath();
        URI wsUri = URI.create((tls ? "wss" : "ws") + "://" + hostForUri(host) + ":" + port + path);
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, codec.limits().maxFrameSize());
        long connectMillis = config.connectTimeout().toMillis();
        WebSocketClientProtocolConfig wsConfig = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(wsUri)
                .version(WebSocketVersion.V13)
                .subprotocol("cbor")
                .customHeaders(EmptyHttpHeaders.INSTANCE)
                .maxFramePayloadLength(maxFrame)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(connectMillis)
                .forceCloseTimeoutMillis(1000)
                .absoluteUpgradeUrl(false)
                .generateOriginHeader(false)
                .build();
        Bootstrap b = new Bootstrap()
                .group(EventLoops.group())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectMillis))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channel = ch;
                        ChannelPipeline p = ch.pipeline();
                        if (tls) {
                            p.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                        }
                        p.addLast("http", new HttpClientCodec());
                        p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
                        p.addLast("ws", new WebSocketClientProtocolHandler(wsConfig));
                        p.addLast("ws-aggregator", new WebSocketFrameAggregator(maxFrame));
                        p.addLast("rpc", new Handler());
                    }
                });
        ChannelFuture cf = b.connect(host, port);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(SurrealException.connection(
                        "cannot connect to " + uri + ": " + describe(f.cause()), f.cause()));
            }
        });
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public boolean isOpen() {
        Channel ch = channel;
        return !closed && ch != null && ch.isActive();
    }

    @Override
    public void send(RpcRequest request, RpcFuture<Object> answer) {
        send(request, answer, null);
    }

    /**
     * Encodes on the caller's thread; writes and arms the timeout in ONE task on the channel's event loop.
     * Without {@code timeout} (a request flushed after a reconnect, whose timeout was armed when it was
     * queued) the entry is removed when the answer completes otherwise.
     */
    @Override
    public void send(RpcRequest request, RpcFuture<Object> answer, java.time.Duration timeout) {
        Channel ch = channel;
        if (closed || ch == null || !ch.isActive()) {
            answer.completeExceptionally(notConnected());
            return;
        }
        ByteBuf buf = ch.alloc().ioBuffer(256);
        try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
            codec.encode(request.toMessage(), out);
        } catch (IOException | RuntimeException e) {
            buf.release();
            answer.completeExceptionally(new SurrealException(SurrealException.Category.INVALID_ARGUMENT,
                    "cannot encode the parameters of " + request.method() + ": " + e.getMessage(), e));
            return;
        }
        long id = request.id();
        // no per-request completion callback: the entry leaves the map when the answer arrives
        // (takePending), when the timeout fires (Timeout), when the write fails, or with failAll
        pending.put(id, answer);
        if (closed) {
            buf.release();
            pending.remove(id, answer);
            answer.completeExceptionally(notConnected());
            return;
        }
        if (timeout == null) {
            answer.whenComplete((r, e) -> pending.remove(id, answer));
        }
        BinaryWebSocketFrame frame = new BinaryWebSocketFrame(buf);
        io.netty.channel.EventLoop loop = ch.eventLoop();
        if (loop.inEventLoop()) {
            write(ch, frame, request, answer, timeout);
        } else {
            loop.execute(() -> write(ch, frame, request, answer, timeout));
        }
    }

    private void write(Channel ch, BinaryWebSocketFrame frame, RpcRequest request, RpcFuture<Object> answer,
                       java.time.Duration timeout) {
        if (timeout != null && !answer.isDone()) {
            long ms = Math.max(1, timeout.toMillis());
            answer.timer = ch.eventLoop().schedule(new Timeout(request.id(), request.method(), ms, answer), ms,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        ch.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess()) {
                pending.remove(request.id(), answer);
                answer.cancelTimer();
                answer.completeExceptionally(SurrealException.connection(
                        "cannot send " + request.method() + " to " + uri + ": " + describe(f.cause()), f.cause()));
            }
        });
    }

    /** The pending answer of request {@code id}, removed from the map, its timeout cancelled; or {@code null}. */
    private RpcFuture<Object> takePending(long id) {
        RpcFuture<Object> answer = pending.remove(id);
        if (answer != null) {
            answer.cancelTimer();
        }
        return answer;
    }

    /** Fails a request that got no answer in time (runs on the channel's event loop). */
    private final class Timeout implements Runnable {
        private final long id;
        private final String method;
        private final long ms;
        private final RpcFuture<Object> answer;

        Timeout(long id, String method, long ms, RpcFuture<Object> answer) {
            this.id = id;
            this.method = method;
            this.ms = ms;
            this.answer = answer;
        }

        @Override
        public void run() {
            pending.remove(id, answer);
            answer.completeExceptionally(new SurrealException(SurrealException.Category.TIMEOUT,
                    "no answer to " + method + " within " + ms + " ms"));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeReason = SurrealException.connection("connection to " + uri + " closed by the client", null);
        closed = true;
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(f -> ch.close());
            // do not wait for the server's close frame
            ch.eventLoop().schedule(() -> ch.close(), 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else if (ch != null) {
            ch.close();
        }
        failAll(closeReason);
    }

    private SurrealException notConnected() {
        SurrealException r = closeReason;
        return SurrealException.connection("not connected to " + uri
                + (r != null ? " (" + r.getMessage() + ")" : ""), r);
    }

    private void failAll(SurrealException e) {
        for (Map.Entry<Long, RpcFuture<Object>> en : pending.entrySet()) {
            if (pending.remove(en.getKey(), en.getValue())) {
                en.getValue().cancelTimer();
                en.getValue().completeExceptionally(e);
            }
        }
    }

    /** The stream can no longer be trusted: fail everything and close. */
    private void violation(ChannelHandlerContext ctx, String what, Throwable cause) {
        LOG.log(Level.WARNING, "closing the connection to {0}: {1}", uri, what);
        SurrealException e = SurrealException.protocol("protocol error on " + uri + ": " + what, cause);
        if (closeReason == null) {
            closeReason = e;
        }
        closed = true;
        failAll(e);
        ctx.close();
    }

    private void onMessage(ChannelHandlerContext ctx, ByteBuf content) {
        Object message;
        try {
            message = Responses.decode(codec, content);
        } catch (Exception e) {
            long id = CborPeek.id(content);
            if (id >= 0) {
                RpcFuture<Object> answer = takePending(id);
                if (answer != null) {
                    answer.completeExceptionally(SurrealException.unreadableAnswer(
                            "cannot decode the answer to request " + id + ": " + e.getMessage(), e));
                }
                return;
            }
            if (id == CborPeek.NO_ID) {
                LOG.log(Level.WARNING, "dropping an undecodable message without request id from {0}: {1}",
                        uri, e.getMessage());
                return;
            }
            violation(ctx, "undecodable message: " + e.getMessage(), e);
            return;
        }
        if (!Responses.dispatch(message, this::takePending, listener)) {
            violation(ctx, "unexpected message of type " + Responses.kindOf(message), null);
        }
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null
                || c instanceof io.netty.handler.codec.DecoderException)) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The last handler of the pipeline. */
    private final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                LOG.log(Level.DEBUG, "connected to {0}", uri);
                ready.complete(WsConnection.this);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.completeExceptionally(SurrealException.connection(
                        "WebSocket handshake with " + uri + " timed out", null));
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame) {
                onMessage(ctx, frame.content());
            } else {
                violation(ctx, "unexpected " + frame.getClass().getSimpleName() + " (subprotocol cbor expects binary frames)",
                        null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!ready.isDone()) {
                ready.completeExceptionally(SurrealException.connection(
                        "cannot connect to " + uri + ": " + describe(cause), cause));
            } else {
                LOG.log(Level.DEBUG, "connection error on " + uri, cause);
                if (closeReason == null) {
                    closeReason = SurrealException.connection("connection to " + uri + " failed: " + describe(cause),
                            cause);
                }
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            closed = true;
            SurrealException reason = closeReason;
            if (reason == null) {
                reason = SurrealException.connection("connection to " + uri + " lost", null);
                closeReason = reason;
            }
            failAll(reason.category() == SurrealException.Category.CONNECTION ? reason
                    : SurrealException.connection("connection to " + uri + " closed: " + reason.getMessage(), reason));
            if (!ready.isDone()) {
                ready.completeExceptionally(SurrealException.connection(
                        "connection to " + uri + " closed during the WebSocket handshake", null));
            } else {
                listener.onClosed(WsConnection.this, reason);
            }
            super.channelInactive(ctx);
        }
    }
}

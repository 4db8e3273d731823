package dev.surrealj.reliability;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port that forwards to a server and injects faults on command:
 *
 * <ul>
 *   <li>{@link #delay(Duration)} — every chunk waits this long before it is forwarded (order kept);</li>
 *   <li>{@link #blackhole(boolean)} — bytes in both directions are silently dropped, connections stay
 *       open (a partition: nothing answers, nothing closes);</li>
 *   <li>{@link #halfCloseTowardsClient()} / {@link #halfCloseTowardsServer()} — one direction of every
 *       open connection gets a FIN, the other stays open;</li>
 *   <li>{@link #stallOpenConnections()} — the connections open now go silent for good;</li>
 *   <li>{@link #cut()} — every open connection is reset (RST) at once;</li>
 *   <li>{@link #refuse(boolean)} — new connections are reset as soon as they are accepted.</li>
 * </ul>
 *
 * {@link #heal()} ends delay, blackhole and refusal. Counters tell how many faults were injected.
 *
 * <pre>{@code
 * try (FaultProxy proxy = new FaultProxy("127.0.0.1", server.port())) {
 *     String url = "jdbc:surrealdb://127.0.0.1:" + proxy.port() + "/ns/db";
 *     proxy.cut();          // every connection through the proxy drops
 *     proxy.heal();
 * }
 * }</pre>
 */
final class FaultProxy implements AutoCloseable {

    /** A proxied connection: the client's socket and the one to the server. */
    private static final class Link {
        final Channel client;
        volatile Channel server;
        // both only touched on client.eventLoop(), which the server channel shares
        long clientBoundDeadline;
        long serverBoundDeadline;
        volatile boolean stalled;

        Link(Channel client) {
            this.client = client;
        }
    }

    private final String targetHost;
    private final int targetPort;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    private volatile long delayNanos;
    private volatile boolean blackhole;
    private volatile boolean refuse;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong cuts = new AtomicLong();
    private final AtomicLong halfCloses = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private final AtomicLong delayedChunks = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();
    private final AtomicLong forwardedBytes = new AtomicLong();

    FaultProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ClientSide());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** The proxy's port on 127.0.0.1. */
    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Forward every chunk after this delay ({@link Duration#ZERO}: at once). */
    FaultProxy delay(Duration d) {
        delayNanos = d.toNanos();
        return this;
    }

    /** Drop every byte in both directions while on; connections stay open. */
    FaultProxy blackhole(boolean on) {
        blackhole = on;
        return this;
    }

    /** Reset new connections as soon as they are accepted while on. */
    FaultProxy refuse(boolean on) {
        refuse = on;
        return this;
    }

    /** No delay, no blackhole, no refusal. Connections already cut stay cut. */
    FaultProxy heal() {
        delayNanos = 0;
        blackhole = false;
        refuse = false;
        return this;
    }

    /**
     * Silently drops, from now on and for good, every byte of the connections open now (new connections
     * are not affected, {@link #heal()} does not undo it): a connection dead without anyone closing it.
     * Returns how many.
     */
    int stallOpenConnections() {
        int n = 0;
        for (Link l : links) {
            if (!l.stalled) {
                l.stalled = true;
                n++;
            }
        }
        stalls.addAndGet(n);
        return n;
    }

    /** Resets (RST) every open connection; returns how many. */
    int cut() {
        int n = resetAll();
        cuts.addAndGet(n);
        return n;
    }

    private int resetAll() {
        int n = 0;
        for (Link l : List.copyOf(links)) {
            links.remove(l);
            reset(l.client);
            if (l.server != null) {
                reset(l.server);
            }
            n++;
        }
        return n;
    }

    /** Sends FIN to every client (the server → client direction ends); returns how many. */
    int halfCloseTowardsClient() {
        int n = 0;
        for (Link l : List.copyOf(links)) {
            if (l.client instanceof SocketChannel s && s.isActive()) {
                s.shutdownOutput();
                n++;
            }
        }
        halfCloses.addAndGet(n);
        return n;
    }

    /** Sends FIN to the server on every connection (the client → server direction ends); returns how many. */
    int halfCloseTowardsServer() {
        int n = 0;
        for (Link l : List.copyOf(links)) {
            if (l.server instanceof SocketChannel s && s.isActive()) {
                s.shutdownOutput();
                n++;
            }
        }
        halfCloses.addAndGet(n);
        return n;
    }

    /** Connections open through the proxy now. */
    int openConnections() {
        int n = 0;
        for (Link l : links) {
            if (l.client.isActive()) {
                n++;
            }
        }
        return n;
    }

    /** Connections accepted (and forwarded) so far. */
    long accepted() {
        return accepted.get();
    }

    /** Counters: connections accepted/refused, cuts, half-closes, delayed chunks, bytes dropped/forwarded. */
    Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("connections accepted", accepted.get());
        m.put("connections refused (RST on accept)", refused.get());
        m.put("connections cut (RST)", cuts.get());
        m.put("half-closes (FIN one way)", halfCloses.get());
        m.put("connections stalled for good (silent)", stalls.get());
        m.put("chunks delayed", delayedChunks.get());
        m.put("bytes dropped (blackhole)", droppedBytes.get());
        m.put("bytes forwarded", forwardedBytes.get());
        return m;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        resetAll();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static void reset(Channel ch) {
        if (ch.isOpen()) {
            try {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
            } catch (RuntimeException ignored) {
                // already closing
            }
            ch.close();
        }
    }

    /** Forwards one chunk, honouring blackhole and delay; runs on the link's event loop. */
    private void forward(Link link, ByteBuf msg, Channel to, boolean towardsClient) {
        if (blackhole || link.stalled) {
            droppedBytes.addAndGet(msg.readableBytes());
            msg.release();
            return;
        }
        long now = System.nanoTime();
        long last = towardsClient ? link.clientBoundDeadline : link.serverBoundDeadline;
        long deadline = Math.max(now + delayNanos, last);
        if (towardsClient) {
            link.clientBoundDeadline = deadline;
        } else {
            link.serverBoundDeadline = deadline;
        }
        int n = msg.readableBytes();
        if (deadline <= now) {
            write(to, msg, n);
        } else {
            delayedChunks.incrementAndGet();
            to.eventLoop().schedule(() -> write(to, msg, n), deadline - now, TimeUnit.NANOSECONDS);
        }
    }

    private void write(Channel to, ByteBuf msg, int n) {
        if (!to.isActive()) {
            msg.release();
            return;
        }
        forwardedBytes.addAndGet(n);
        to.writeAndFlush(msg);
    }

    private static void closeOnFlush(Channel ch) {
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The client's side of a link. */
    private final class ClientSide extends ChannelInboundHandlerAdapter {
        private Link link;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            if (refuse) {
                refused.incrementAndGet();
                reset(client);
                return;
            }
            accepted.incrementAndGet();
            link = new Link(client);
            links.add(link);
            new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                    .handler(new ServerSide(link))
                    .connect(targetHost, targetPort).addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            link.server = f.channel();
                            client.config().setAutoRead(true);
                            client.read();
                        } else {
                            links.remove(link);
                            reset(client);
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Channel server = link == null ? null : link.server;
            if (server == null) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            forward(link, (ByteBuf) msg, server, false);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (link != null) {
                links.remove(link);
                closeOnFlush(link.server);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The server's side of a link. */
    private final class ServerSide extends ChannelInboundHandlerAdapter {
        private final Link link;

        ServerSide(Link link) {
            this.link = link;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            forward(link, (ByteBuf) msg, link.client, true);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            links.remove(link);
            closeOnFlush(link.client);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

package dev.surrealj.rpc;

import static dev.surrealj.rpc.RpcTestSupport.assertSurreal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.cbor.CborCodec;
import dev.surrealj.cbor.CborLimits;
import dev.surrealj.rpc.SurrealException.Category;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny Netty WebSocket server that answers {@code version} properly and then misbehaves as told:
 * the client must turn every misbehaviour into an error, never a hang.
 */
class FakeServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    enum Behaviour {
        OK, GARBAGE, TRUNCATED, SILENT, TEXT, WRONG_ID, CLOSE, FRAGMENTED, HUGE, NOT_A_MAP, UNKNOWN_TAG,
        ERROR_WITHOUT_ID, UNDECODABLE_NOTIFICATION
    }

    private static EventLoopGroup group;
    private static Channel serverChannel;
    private static volatile Behaviour behaviour = Behaviour.OK;
    private static final AtomicInteger connections = new AtomicInteger();
    private static final CborCodec CODEC = new CborCodec();

    @BeforeAll
    static void start() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.incrementAndGet();
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/rpc").subprotocols("cbor")
                                        .maxFramePayloadLength(16 << 20).build()),
                                new FakeRpc());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    @AfterAll
    static void stop() {
        serverChannel.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static URI uri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort() + "/rpc");
    }

    private static SurrealClient client() {
        behaviour = Behaviour.OK;
        return SurrealClient.connect(RpcConfig.builder().uri(uri())
                .requestTimeout(Duration.ofMillis(500)).connectTimeout(Duration.ofMillis(500))
                .keepAliveInterval(Duration.ZERO)
                .cborLimits(CborLimits.DEFAULT.withMaxFrameSize(1 << 20)).build());
    }

    /** Answers version, then behaves as {@link #behaviour} says. */
    private static final class FakeRpc extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame frame) throws Exception {
            Map<?, ?> req = (Map<?, ?>) CODEC.decode(ByteBufUtil.getBytes(frame.content()));
            long id = ((Number) req.get("id")).longValue();
            String method = (String) req.get("method");
            Behaviour b = method.equals("version") ? Behaviour.OK : behaviour;
            Object result = method.equals("version") ? "surrealdb-3.0.2" : method.equals("query")
                    ? List.of(Map.of("status", "OK", "time", "1ms", "result", 42L)) : 1L;
            switch (b) {
                case OK -> send(ctx, answer(id, result));
                case GARBAGE -> send(ctx, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x13, 0x37});
                case TRUNCATED -> {
                    byte[] full = answer(id, "x".repeat(200));
                    send(ctx, java.util.Arrays.copyOf(full, full.length - 50));
                }
                case SILENT -> {
                }
                case TEXT -> ctx.writeAndFlush(new TextWebSocketFrame("{\"id\":" + id + "}"));
                case WRONG_ID -> send(ctx, answer(id + 1000, 1L));
                case CLOSE -> ctx.close();
                case FRAGMENTED -> {
                    List<Object> big = new ArrayList<>();
                    for (int i = 0; i < 5000; i++) {
                        big.add("item-" + i);
                    }
                    byte[] all = answer(id, big);
                    int third = all.length / 3;
                    ctx.write(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(all, 0, third)));
                    ctx.write(new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(all, third, third)));
                    ctx.writeAndFlush(new ContinuationWebSocketFrame(true, 0,
                            Unpooled.wrappedBuffer(all, 2 * third, all.length - 2 * third)));
                }
                case HUGE -> send(ctx, answer(id, new byte[2 << 20]));
                case NOT_A_MAP -> send(ctx, CODEC.encode(List.of(1L, 2L)));
                case UNKNOWN_TAG -> {
                    // {"id": id, "result": tag(999)(1)}
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(0xa2);
                    out.write(0x62);
                    out.writeBytes("id".getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(CODEC.encode(id));
                    out.write(0x66);
                    out.writeBytes("result".getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(new byte[] {(byte) 0xd9, 0x03, (byte) 0xe7, 0x01});
                    send(ctx, out.toByteArray());
                }
                case ERROR_WITHOUT_ID -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", null);
                    m.put("error", Map.of("code", -32700L, "message", "Parse error"));
                    send(ctx, CODEC.encode(m));
                }
                case UNDECODABLE_NOTIFICATION -> {
                    // {"result": tag(999)(1)} (no id): dropped, then the real answer
                    send(ctx, new byte[] {(byte) 0xa1, 0x66, 'r', 'e', 's', 'u', 'l', 't', (byte) 0xd9, 0x03,
                            (byte) 0xe7, 0x01});
                    send(ctx, answer(id, result));
                }
            }
        }

        private static byte[] answer(long id, Object result) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("result", result);
            return CODEC.encode(m);
        }

        private static void send(ChannelHandlerContext ctx, byte[] bytes) {
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            ctx.writeAndFlush(new BinaryWebSocketFrame(buf));
        }
    }

    @Test
    void worksWhenTheServerBehaves() {
        try (SurrealClient c = client()) {
            assertEquals("surrealdb-3.0.2", c.serverVersion());
            assertEquals(42L, c.query("RETURN 42").await().get(0).result());
        }
    }

    @Test
    void garbageFailsPendingRequestsAndClosesTheConnection() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.GARBAGE;
                SurrealException e = assertSurreal(Category.PROTOCOL, () -> c.ping().await());
                assertTrue(e.getMessage().contains("undecodable"), e.getMessage());
                RpcTestSupport.await(c::isClosed, LIMIT, "closed after a protocol violation");
            }
        });
    }

    @Test
    void truncatedAnswerFailsOnlyThatRequest() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.TRUNCATED;
                SurrealException e = assertSurreal(Category.UNREADABLE_ANSWER, () -> c.ping().await());
                assertTrue(e.getMessage().contains("cannot decode"), e.getMessage());
                behaviour = Behaviour.OK;
                assertEquals(1L, c.call("ping").await(), "the connection is still usable");
            }
        });
    }

    @Test
    void unknownTagFailsOnlyThatRequest() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.UNKNOWN_TAG;
                assertSurreal(Category.UNREADABLE_ANSWER, () -> c.call("select", "x").await());
                behaviour = Behaviour.OK;
                assertEquals(1L, c.call("ping").await());
            }
        });
    }

    @Test
    void silenceTimesOut() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.SILENT;
                long t0 = System.nanoTime();
                assertSurreal(Category.TIMEOUT, () -> c.ping().await());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 450 && ms < 2000, "timed out after " + ms + " ms");
                behaviour = Behaviour.WRONG_ID;
                assertSurreal(Category.TIMEOUT, () -> c.ping().await());
                behaviour = Behaviour.ERROR_WITHOUT_ID;
                assertSurreal(Category.TIMEOUT, () -> c.ping().await());
                behaviour = Behaviour.OK;
                assertEquals(1L, c.call("ping").await(), "late or unmatched answers are ignored");
            }
        });
    }

    @Test
    void textFramesAndNonMapsAreProtocolErrors() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.TEXT;
                assertSurreal(Category.PROTOCOL, () -> c.ping().await());
            }
            try (SurrealClient c = client()) {
                behaviour = Behaviour.NOT_A_MAP;
                assertSurreal(Category.PROTOCOL, () -> c.ping().await());
            }
        });
    }

    @Test
    void undecodableMessageWithoutIdIsDropped() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.UNDECODABLE_NOTIFICATION;
                assertEquals(1L, c.call("ping").await());
            }
        });
    }

    @Test
    void closedConnectionIsAConnectionError() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.CLOSE;
                assertSurreal(Category.CONNECTION, () -> c.ping().await());
            }
        });
    }

    @Test
    void continuationFramesAreAggregated() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.FRAGMENTED;
                List<?> big = (List<?>) c.call("select", "x").await();
                assertEquals(5000, big.size());
                assertEquals("item-4999", big.get(4999));
            }
        });
    }

    @Test
    void framesOverTheLimitCloseTheConnection() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (SurrealClient c = client()) {
                behaviour = Behaviour.HUGE;
                assertSurreal(Category.CONNECTION, () -> c.ping().await());
            }
        });
    }

    @Test
    void keepAlivePingDetectsADeadServer() {
        assertTimeoutPreemptively(LIMIT, () -> {
            behaviour = Behaviour.OK;
            try (SurrealClient c = SurrealClient.connect(RpcConfig.builder().uri(uri())
                    .requestTimeout(Duration.ofMillis(300)).keepAliveInterval(Duration.ofMillis(100)).build())) {
                behaviour = Behaviour.SILENT;
                RpcTestSupport.await(c::isClosed, LIMIT, "keep-alive closed the silent connection");
            }
        });
    }

    @Test
    void handshakeThatNeverCompletesTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                List<Socket> keep = new ArrayList<>();
                try {
                    while (true) {
                        keep.add(silent.accept());
                    }
                } catch (Exception ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertTimeoutPreemptively(LIMIT, () -> {
                SurrealException e = assertThrows(SurrealException.class,
                        () -> SurrealClient.connect(RpcConfig.builder()
                                .uri("ws://127.0.0.1:" + silent.getLocalPort() + "/rpc")
                                .connectTimeout(Duration.ofMillis(300)).build()));
                assertTrue(e.isConnectionError() || e.isTimeout(), e.toString());
            });
        }
    }

    @Test
    void notAWebSocketServer() throws Exception {
        try (ServerSocket http = new ServerSocket(0)) {
            Thread responder = new Thread(() -> {
                try (Socket s = http.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    in.read(new byte[4096]);
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(200);
                } catch (Exception ignored) {
                    // done
                }
            });
            responder.setDaemon(true);
            responder.start();
            assertTimeoutPreemptively(LIMIT, () -> {
                SurrealException e = assertSurreal(Category.CONNECTION, () -> SurrealClient.connect(RpcConfig.builder()
                        .uri("ws://127.0.0.1:" + http.getLocalPort() + "/rpc")
                        .connectTimeout(Duration.ofSeconds(2)).build()));
                assertTrue(e.getMessage().contains("404"), e.getMessage());
            });
        }
    }

    private static <T extends Throwable> T assertThrows(Class<T> type, org.junit.jupiter.api.function.Executable e) {
        return org.junit.jupiter.api.Assertions.assertThrows(type, e);
    }
}

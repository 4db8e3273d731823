package dev.surrealj.reliability;

import static dev.surrealj.reliability.Support.millisSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.surrealj.cbor.CborCodec;
import dev.surrealj.cbor.CborException;
import dev.surrealj.cbor.CborLimits;
import dev.surrealj.rpc.RpcConfig;
import dev.surrealj.rpc.RpcFuture;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.rpc.SurrealException;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.Table;
import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CBOR fuzzing: the decoder fed random and mutated frames directly, and the whole client fed garbage
 * answers by a tiny fake WebSocket server.
 */
@Order(20)
@Tag("reliability")
class CborFuzzTest {
    static final Report REPORT = Report.of(CborFuzzTest.class, "Bad input: CBOR fuzzing",
            "The CBOR decoder gets random frames, mutations of valid SurrealDB answers (bit flips, interesting "
                    + "bytes, insertions, deletions, truncation, splices) and hand-made attacks (nesting 100,000 deep, "
                    + "declared lengths of 2^64, endless tag chains, bignums, invalid UTF-8). Then a tiny Netty "
                    + "WebSocket server answers the driver's requests (RPC client and JDBC) with such garbage, "
                    + "silence, wrong ids, text frames and closed sockets. Proves: every frame ends in a well-formed value "
                    + "(maps and lists consistent with themselves) or a `CborException` (never another exception, a "
                    + "stack overflow or an OutOfMemoryError), no "
                    + "decode takes long or allocates much, every request completes within its timeout with a "
                    + "`SurrealException`/`SQLException`, and the driver keeps working afterwards.");

    private static final long SEED = Long.getLong("surrealj.fuzz.seed", 20_260_127L);
    private static final int DECODER_CASES = Integer.getInteger("surrealj.fuzz.cases", 200_000);
    private static final long DECODER_MILLIS = Long.getLong("surrealj.fuzz.millis", 10_000);
    private static final int SERVER_REQUESTS = Integer.getInteger("surrealj.fuzz.serverRequests", 3_000);
    private static final CborCodec CODEC = new CborCodec();
    private static final List<byte[]> SEEDS = new ArrayList<>();

    private static EventLoopGroup group;
    private static Channel fakeServer;
    private static final Map<String, AtomicLong> SENT = new ConcurrentHashMap<>();
    private static Random serverRandom;
    /** When set, {@code query} is answered with one row {@code {v: <these bytes>}}. */
    private static volatile byte[] hostileItem;

    @BeforeAll
    static void start() {
        SEEDS.addAll(seedMessages());
        serverRandom = new Random(SEED ^ 0x5eed);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        fakeServer = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/rpc").subprotocols("cbor")
                                        .maxFramePayloadLength(16 << 20).build()),
                                new GarbageServer());
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    @AfterAll
    static void stop() {
        if (fakeServer != null) {
            fakeServer.close().syncUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        new TreeMap<>(SENT).forEach((k, v) -> REPORT.set("fake server frames: " + k, v.get()));
        REPORT.set("seed (-Dsurrealj.fuzz.seed)", SEED);
        REPORT.write();
    }

    // ------------------------------------------------------------------ inputs

    /** Realistic answers: every value type SurrealDB sends. */
    private static List<byte[]> seedMessages() {
        List<Object> results = new ArrayList<>();
        results.add(List.of(Map.of("status", "OK", "time", "1.2ms", "result",
                List.of(Map.of("id", new RecordId("person", "tobie"), "name", "Tobie", "age", 42L)))));
        results.add(List.of(Map.of("status", "ERR", "time", "3µs", "result", "Parse error: x", "kind", "Validation")));
        results.add(Map.of("namespace", "ns", "database", "db"));
        results.add("surrealdb-3.0.2");
        results.add(List.of(1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 3.5, Double.NaN, true, false));
        results.add(Arrays.asList(null, None.NONE, "", "ünïcödé ⟨⟩ `", new byte[] {1, 2, 3}));
        results.add(Map.of("when", Instant.parse("2024-02-29T12:34:56.789Z"), "took", Duration.ofMillis(90061),
                "uuid", UUID.fromString("018f6c1e-8b9a-7c3d-9e4f-0123456789ab"), "dec", new BigDecimal("12.345")));
        results.add(Map.of("rid", new RecordId("t", List.of(1L, "a", Map.of("k", 2L))), "tb", new Table("person"),
                "pt", new GeometryPoint(1.5, -2.25)));
        results.add(Map.of("nested", Map.of("a", List.of(Map.of("b", List.of(List.of(List.of("deep"))))))));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(Map.of("id", new RecordId("item", (long) i), "v", "value-" + i));
        }
        results.add(many);
        List<byte[]> out = new ArrayList<>();
        long id = 1;
        for (Object r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id++);
            m.put("result", r);
            out.add(CODEC.encode(m));
        }
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("id", 99L);
        err.put("error", Map.of("code", -32000L, "message", "There was a problem", "kind", "Internal",
                "details", Map.of("kind", "Auth", "details", Map.of("kind", "InvalidAuth"))));
        out.add(CODEC.encode(err));
        out.add(CODEC.encode(Map.of("result", Map.of("id", UUID.randomUUID(), "action", "CREATE",
                "record", new RecordId("t", 1L), "result", Map.of("n", 1L)))));
        return out;
    }

    private static final byte[] INTERESTING = {0x00, (byte) 0xff, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x3b, 0x5b,
        0x5f, 0x7b, 0x7f, (byte) 0x9b, (byte) 0x9f, (byte) 0xbb, (byte) 0xbf, (byte) 0xc0, (byte) 0xc2, (byte) 0xc6,
        (byte) 0xc8, (byte) 0xca, (byte) 0xcc, (byte) 0xd8, (byte) 0xd9, (byte) 0xda, (byte) 0xdb, (byte) 0xf9,
        (byte) 0xfa, (byte) 0xfb, (byte) 0xf7, (byte) 0xfc, (byte) 0x80, (byte) 0xa0, 0x60, 0x40};

    /** One mutation of a valid message. */
    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                case 2 -> b[at] = (byte) r.nextInt(256);
                case 3 -> { // insert random bytes
                    byte[] ins = new byte[1 + r.nextInt(8)];
                    r.nextBytes(ins);
                    b = concat(Arrays.copyOf(b, at), ins, Arrays.copyOfRange(b, at, b.length));
                }
                case 4 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length,
                        at + 1 + r.nextInt(8)), b.length)); // delete
                case 5 -> b = Arrays.copyOf(b, at); // truncate
                case 6 -> { // duplicate a range
                    int len = 1 + r.nextInt(Math.min(32, b.length - at));
                    b = concat(Arrays.copyOf(b, at + len), Arrays.copyOfRange(b, at, b.length));
                }
                default -> { // splice another seed's tail
                    byte[] other = SEEDS.get(r.nextInt(SEEDS.size()));
                    b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, r.nextInt(other.length), other.length));
                }
            }
        }
        return b;
    }

    /** Random bytes, sometimes biased towards CBOR headers. */
    static byte[] random(Random r) {
        byte[] b = new byte[r.nextInt(r.nextBoolean() ? 16 : 512)];
        if (r.nextBoolean()) {
            r.nextBytes(b);
        } else {
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextInt(3) == 0 ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) r.nextInt(256);
            }
        }
        return b;
    }

    /** Hand-made attacks on the decoder's stack, heap and time. */
    static Map<String, byte[]> attacks() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("array nested 100,000 deep", repeat((byte) 0x81, 100_000, new byte[] {0x00}));
        m.put("map nested 100,000 deep", nestedMaps(100_000));
        m.put("indefinite arrays nested 100,000 deep", repeat((byte) 0x9f, 100_000, new byte[0]));
        m.put("tag 6 chained 20,000 times", repeat((byte) 0xc6, 20_000, new byte[] {(byte) 0xf6}));
        m.put("tag 8 (record id) chained 10,000 times", repeat((byte) 0xc8, 10_000, new byte[] {0x00}));
        m.put("array declaring 2^64-1 items", hex("9bffffffffffffffff00"));
        m.put("map declaring 2^64-1 entries", hex("bbffffffffffffffff00"));
        m.put("byte string declaring 2^63 bytes", hex("5b7fffffffffffffff00"));
        m.put("text declaring 2^31-1 bytes", hex("7a7fffffff41"));
        m.put("byte string declaring 200 MiB, 3 present", hex("5a0c800000010203"));
        m.put("array declaring 2^32-1 items", hex("9affffffff00"));
        m.put("indefinite byte string of 100,000 empty chunks (legal CBOR)", concat(hex("5f"),
                repeat((byte) 0x40, 100_000, hex("ff"))));
        m.put("bignum tag 2 with 1 MiB", concat(hex("c25a00100000"), new byte[1 << 20]));
        m.put("decimal tag 10 '1e2147483647' (legal CBOR)", concat(hex("ca6c"), "1e2147483647".getBytes(StandardCharsets.US_ASCII)));
        m.put("datetime tag 12 [2^63-1, 2^32-1]", hex("cc821b7fffffffffffffff1affffffff"));
        m.put("duration tag 14 [2^64-1]", hex("ce811bffffffffffffffff"));
        m.put("uuid tag 37 with 15 bytes", concat(hex("d8254f"), new byte[15]));
        m.put("record id of a record id of ... (10,000)", repeat((byte) 0xc8, 10_000, hex("82617400")));
        m.put("invalid UTF-8 text", hex("6480c3ff41"));
        m.put("map with 100,000 identical keys (legal CBOR)", manyKeys(100_000));
        m.put("break byte alone", hex("ff"));
        m.put("reserved simple values 28..30", hex("9f" + "fc" + "fd" + "fe" + "ff"));
        m.put("empty frame", new byte[0]);
        return m;
    }

    private static byte[] nestedMaps(int depth) {
        byte[] unit = {(byte) 0xa1, 0x61, 'k'};
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * 3 + 1);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(unit);
        }
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] manyKeys(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(hex("ba"));
        out.writeBytes(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        for (int i = 0; i < n; i++) {
            out.writeBytes(new byte[] {0x61, 'k', 0x01});
        }
        return out.toByteArray();
    }

    private static byte[] repeat(byte b, int n, byte[] tail) {
        byte[] out = new byte[n + tail.length];
        Arrays.fill(out, 0, n, b);
        System.arraycopy(tail, 0, out, n, tail.length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] hex(String h) {
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    // ------------------------------------------------------------------ the decoder alone

    /**
     * Whether a decoded value behaves as the Java types it claims to be: maps agree with themselves
     * (size, iteration, get), lists too, and equals/hashCode/toString do not throw. Returns what is wrong,
     * or {@code null}.
     */
    static String wellFormed(Object v, int depth) {
        if (depth > 300) {
            return null;
        }
        try {
            if (v instanceof Map<?, ?> m) {
                int n = 0;
                java.util.Set<Object> keys = new java.util.HashSet<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    n++;
                    if (!(e.getKey() instanceof String)) {
                        return "a map key of type " + (e.getKey() == null ? "null" : e.getKey().getClass().getName());
                    }
                    if (!keys.add(e.getKey())) {
                        return "a map with the key '" + e.getKey() + "' twice";
                    }
                    if (!m.containsKey(e.getKey()) || !java.util.Objects.equals(m.get(e.getKey()), e.getValue())) {
                        return "a map whose get(" + e.getKey() + ") disagrees with its iteration";
                    }
                    String inner = wellFormed(e.getValue(), depth + 1);
                    if (inner != null) {
                        return inner;
                    }
                }
                if (n != m.size()) {
                    return "a map of size " + m.size() + " iterating " + n + " entries";
                }
                if (!new LinkedHashMap<>(m).equals(m) || !m.equals(new LinkedHashMap<>(m))) {
                    return "a map not equal to its copy";
                }
            } else if (v instanceof List<?> l) {
                int n = 0;
                for (Object o : l) {
                    n++;
                    String inner = wellFormed(o, depth + 1);
                    if (inner != null) {
                        return inner;
                    }
                }
                if (n != l.size() || !new ArrayList<>(l).equals(l) || !l.equals(new ArrayList<>(l))) {
                    return "a list that disagrees with itself";
                }
            }
            if (depth == 0) {
                java.util.Objects.hashCode(v);
                String.valueOf(v);
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Decodes one frame: "value", "CborException", or fails the test on anything else. */
    private static String decodeOnce(CborCodec codec, byte[] frame, String what, long[] worst) {
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        String outcome;
        String bad = null;
        try {
            Object v = codec.decode(frame);
            outcome = "value";
            bad = wellFormed(v, 0);
        } catch (CborException e) {
            outcome = "CborException";
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail(what + ": CborException without a message");
            }
        } catch (Throwable t) {
            fail(what + ": decode threw " + t.getClass().getName() + " (" + t.getMessage() + ") for "
                    + ByteBufUtil.hexDump(frame, 0, Math.min(64, frame.length)), t);
            return "";
        }
        if (bad != null) {
            fail(what + ": decoded to a malformed value (" + bad + ") from "
                    + ByteBufUtil.hexDump(frame, 0, Math.min(64, frame.length)));
        }
        long nanos = System.nanoTime() - t0;
        long alloc = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        worst[0] = Math.max(worst[0], nanos);
        worst[1] = Math.max(worst[1], Math.max(0, alloc - frame.length));
        return outcome;
    }

    @Test
    void theDecoderSurvivesRandomMutatedAndHostileFrames() {
        CborCodec codec = new CborCodec(CborLimits.DEFAULT);
        Random r = new Random(SEED);
        Map<String, Long> outcomes = new TreeMap<>();
        long[] worst = new long[2];
        long t0 = System.nanoTime();
        for (byte[] s : SEEDS) {
            assertEquals("value", decodeOnce(codec, s, "seed", worst), "a valid seed did not decode");
        }
        int cases = 0;
        for (int i = 0; i < DECODER_CASES && (i % 1000 != 0 || millisSince(t0) < DECODER_MILLIS); i++, cases++) {
            boolean mutated = i % 4 != 0;
            byte[] frame = mutated ? mutate(SEEDS.get(r.nextInt(SEEDS.size())), r) : random(r);
            String o = decodeOnce(codec, frame, (mutated ? "mutated" : "random") + " case " + i, worst);
            outcomes.merge((mutated ? "mutated" : "random") + " → " + o, 1L, Long::sum);
        }
        long fuzzMs = millisSince(t0);
        long[] attackWorst = new long[2];
        List<String> tooCostly = new ArrayList<>();
        for (Map.Entry<String, byte[]> a : attacks().entrySet()) {
            long[] one = new long[2];
            String o = decodeOnce(codec, a.getValue(), a.getKey(), one);
            boolean costly = one[0] > TimeUnit.SECONDS.toNanos(2) || one[1] > 64L << 20;
            String cost = String.format("%.0f ms, %,d MiB allocated", one[0] / 1e6, one[1] >> 20);
            if (a.getKey().startsWith("tag ")) {
                REPORT.set("decoder attack: " + a.getKey(), cost);
            }
            if (costly) {
                tooCostly.add(a.getKey() + ": " + cost);
            }
            attackWorst[0] = Math.max(attackWorst[0], one[0]);
            attackWorst[1] = Math.max(attackWorst[1], one[1]);
            outcomes.merge("attack → " + o, 1L, Long::sum);
            if (!o.equals("CborException") && !a.getKey().contains("(legal CBOR)")) {
                REPORT.note("attack decoded to a value instead of an error: " + a.getKey());
            }
        }
        assertTrue(tooCostly.isEmpty(), () -> "attacks too costly: " + tooCostly);
        assertTrue(cases >= Math.min(DECODER_CASES, 20_000), "only " + cases + " cases ran");
        assertTrue(worst[0] < TimeUnit.SECONDS.toNanos(2), "slowest decode " + worst[0] / 1_000_000 + " ms");
        outcomes.forEach((k, v) -> REPORT.set("decoder: " + k, v));
        REPORT.count("decoder frames", cases + SEEDS.size() + attacks().size());
        REPORT.set("decoder: random + mutated frames / time", String.format("%,d / %d ms (at most %,d or %d s)",
                cases, fuzzMs, DECODER_CASES, DECODER_MILLIS / 1000));
        REPORT.set("decoder: slowest frame / most bytes allocated beyond the frame (fuzz)",
                String.format("%.2f ms / %,d bytes", worst[0] / 1e6, worst[1]));
        tagChainGrowth();
        REPORT.set("decoder: slowest attack / most bytes allocated by an attack",
                String.format("%.2f ms / %,d bytes", attackWorst[0] / 1e6, attackWorst[1]));
    }

    /** Measures how the cost of a chain of tags grows with its length (linear is right). */
    private static void tagChainGrowth() {
        CborCodec codec = new CborCodec();
        StringBuilder sb = new StringBuilder();
        long[] prev = null;
        double worstRatio = 0;
        for (int n : new int[] {10_000, 20_000, 40_000}) {
            long[] one = new long[2];
            decodeOnce(codec, repeat((byte) 0xc6, n, new byte[] {(byte) 0xf6}), "tag chain " + n, one);
            sb.append(String.format("%,d tags: %.0f ms, %,d MiB; ", n, one[0] / 1e6, one[1] >> 20));
            if (prev != null && prev[1] > 0) {
                worstRatio = Math.max(worstRatio, (double) one[1] / prev[1]);
            }
            prev = one;
        }
        boolean quadratic = worstRatio > 3;
        REPORT.set("decoder: cost of tag chains (2x longer should cost 2x)", sb + (quadratic
                ? "allocation grows x" + String.format("%.1f", worstRatio) + " per doubling" : "linear"));
        assertFalse(quadratic, "a chain of tags costs more than linear: " + sb);
    }

    // ------------------------------------------------------------------ the whole client against garbage

    /** What the fake server does with one request. */
    enum Answer { VALID, MUTATED, ID_THEN_GARBAGE, RANDOM, ATTACK, SILENCE, WRONG_ID, TEXT, NOTIFICATION_GARBAGE, CLOSE }

    private static final Answer[] WEIGHTED = {Answer.VALID, Answer.VALID, Answer.MUTATED, Answer.MUTATED,
        Answer.MUTATED, Answer.MUTATED, Answer.ID_THEN_GARBAGE, Answer.ID_THEN_GARBAGE, Answer.ID_THEN_GARBAGE,
        Answer.RANDOM, Answer.ATTACK, Answer.SILENCE, Answer.WRONG_ID, Answer.TEXT, Answer.NOTIFICATION_GARBAGE,
        Answer.CLOSE};

    /** Answers version and use properly (so clients connect), everything else as {@link #WEIGHTED} says. */
    private static final class GarbageServer extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {
        private final List<byte[]> attackList = new ArrayList<>(attacks().values());

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame frame) throws Exception {
            Map<?, ?> req = (Map<?, ?>) CODEC.decode(ByteBufUtil.getBytes(frame.content()));
            Object id = req.get("id");
            String method = String.valueOf(req.get("method"));
            byte[] hostile = hostileItem;
            if (hostile != null && method.equals("query")) {
                send(ctx, hostileAnswer(id, hostile));
                return;
            }
            if (method.equals("version") || method.equals("use")) {
                send(ctx, answer(id, method.equals("version") ? "surrealdb-3.0.2" : null));
                return;
            }
            Answer a;
            byte[] pick;
            int choice;
            synchronized (serverRandom) {
                a = WEIGHTED[serverRandom.nextInt(WEIGHTED.length)];
                choice = serverRandom.nextInt(1 << 20);
                pick = mutate(SEEDS.get(choice % SEEDS.size()), serverRandom);
            }
            SENT.computeIfAbsent(a.name().toLowerCase().replace('_', ' '), k -> new AtomicLong()).incrementAndGet();
            switch (a) {
                case VALID -> send(ctx, answer(id, method.equals("query")
                        ? List.of(Map.of("status", "OK", "time", "1ms", "result", 1L)) : None.NONE));
                case MUTATED -> {
                    byte[] valid = answer(id, List.of(Map.of("status", "OK", "time", "1ms", "result",
                            Map.of("k", "v", "rid", new RecordId("t", 1L)))));
                    send(ctx, mutate(valid, new Random(choice)));
                }
                case ID_THEN_GARBAGE -> {
                    byte[] prefix = answer(id, 0L);
                    prefix = Arrays.copyOf(prefix, prefix.length - 1 - "result".length() - 1);
                    send(ctx, concat(prefix, pick));
                }
                case RANDOM -> send(ctx, random(new Random(choice)));
                case ATTACK -> send(ctx, attackList.get(choice % attackList.size()));
                case SILENCE -> {
                }
                case WRONG_ID -> send(ctx, answer(((Number) id).longValue() + 1_000_000, 1L));
                case TEXT -> ctx.writeAndFlush(new TextWebSocketFrame("{\"id\":" + id + ",\"result\":1}"));
                case NOTIFICATION_GARBAGE -> {
                    send(ctx, concat(hex("a166726573756c74"), pick));
                    send(ctx, answer(id, None.NONE));
                }
                case CLOSE -> ctx.close();
            }
        }

        /** {@code {id, result: [{status: OK, time, result: [{v: <hostile item>}]}]}}. */
        private static byte[] hostileAnswer(Object id, byte[] item) {
            byte[] template = answer(id, List.of(Map.of("status", "OK", "time", "1ms", "result",
                    List.of(Map.of("v", "@@HOSTILE@@")))));
            byte[] marker = concat(new byte[] {0x6b}, "@@HOSTILE@@".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i + marker.length <= template.length; i++) {
                if (Arrays.equals(template, i, i + marker.length, marker, 0, marker.length)) {
                    return concat(Arrays.copyOf(template, i), item,
                            Arrays.copyOfRange(template, i + marker.length, template.length));
                }
            }
            throw new IllegalStateException("marker not found");
        }

        private static byte[] answer(Object id, Object result) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("result", result);
            return CODEC.encode(m);
        }

        private static void send(ChannelHandlerContext ctx, byte[] bytes) {
            ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
        }
    }

    private static URI fakeUri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) fakeServer.localAddress()).getPort() + "/rpc");
    }

    @Test
    void everyRequestToAGarbageServerEndsWithinItsTimeout() throws Exception {
        RpcConfig config = RpcConfig.builder().uri(fakeUri())
                .requestTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofSeconds(2))
                .keepAliveInterval(Duration.ZERO)
                .cborLimits(CborLimits.DEFAULT.withMaxFrameSize(4 << 20)).build();
        Map<String, Long> outcomes = new TreeMap<>();
        long slowest = 0;
        int connections = 0;
        int sent = 0;
        long t0 = System.nanoTime();
        while (sent < SERVER_REQUESTS) {
            connections++;
            try (SurrealClient client = SurrealClient.connect(config)) {
                List<RpcFuture<?>> batch = new ArrayList<>();
                for (int i = 0; i < 25 && sent < SERVER_REQUESTS; i++, sent++) {
                    batch.add(i % 2 == 0 ? client.ping() : client.query("RETURN " + i));
                }
                long b0 = System.nanoTime();
                for (RpcFuture<?> f : batch) {
                    String o;
                    try {
                        f.await(Duration.ofSeconds(3));
                        o = "answered";
                    } catch (SurrealException e) {
                        o = "SurrealException " + e.category();
                    } catch (Throwable e) {
                        fail("a request ended with " + e, e);
                        return;
                    }
                    outcomes.merge(o, 1L, Long::sum);
                }
                slowest = Math.max(slowest, millisSince(b0));
            }
        }
        assertTrue(slowest < 2500, "a batch of 25 requests took " + slowest + " ms with a 300 ms timeout");
        outcomes.forEach((k, v) -> REPORT.set("RPC client: " + k, v));
        REPORT.count("requests answered by the garbage server", sent);
        REPORT.set("RPC client: connections used / slowest batch of 25 (timeout 300 ms)",
                connections + " / " + slowest + " ms (" + millisSince(t0) + " ms in all)");
    }

    @Test
    void jdbcStatementsAgainstAGarbageServerFailCleanly() throws Exception {
        String url = "jdbc:surrealdb://127.0.0.1:" + fakeUri().getPort() + "/fuzz/fuzz?requestTimeout=1&keepAliveInterval=0";
        Map<String, Long> outcomes = new TreeMap<>();
        int statements = 0;
        long slowest = 0;
        while (statements < 160) {
            try (Connection c = DriverManager.getConnection(url)) {
                c.setNetworkTimeout(Runnable::run, 400); // every request of this connection: 400 ms
                for (int i = 0; i < 20 && statements < 160; i++, statements++) {
                    long s0 = System.nanoTime();
                    try (Statement st = c.createStatement()) {
                        st.execute("RETURN " + i);
                        outcomes.merge("answered", 1L, Long::sum);
                    } catch (SQLException e) {
                        outcomes.merge(Errors.kind(e), 1L, Long::sum);
                        REPORT.error(e);
                        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "SQLException without message");
                    }
                    slowest = Math.max(slowest, millisSince(s0));
                    if (c.isClosed()) {
                        break;
                    }
                }
            } catch (SQLException e) {
                outcomes.merge("connect: " + Errors.kind(e), 1L, Long::sum);
            }
        }
        assertTrue(slowest < 2500, "a statement took " + slowest + " ms with a network timeout of 400 ms");
        outcomes.forEach((k, v) -> REPORT.set("JDBC: " + k, v));
        REPORT.set("JDBC: statements / slowest (network timeout 400 ms)", statements + " / " + slowest + " ms");
        REPORT.count("requests answered by the garbage server", statements);
    }

    /**
     * Values a real SurrealDB never sends but a hostile or broken peer can (each a few bytes), read with
     * every getter: each must give a value or an SQLException, nothing else.
     */
    @Test
    void hostileValuesReadThroughJdbcGiveValuesOrSqlExceptions() throws Exception {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("decimal 1e2147483647", concat(hex("ca6c"), "1e2147483647".getBytes(StandardCharsets.US_ASCII)));
        values.put("decimal 1e-2147483647", concat(hex("ca6d"), "1e-2147483647".getBytes(StandardCharsets.US_ASCII)));
        values.put("decimal 1e400000000", concat(hex("ca6b"), "1e400000000".getBytes(StandardCharsets.US_ASCII)));
        values.put("decimal 9e6144", concat(hex("ca66"), "9e6144".getBytes(StandardCharsets.US_ASCII)));
        values.put("integer 2^63-1", hex("1b7fffffffffffffff"));
        values.put("float NaN", hex("f97e00"));
        values.put("duration [2^63-1 s, 999999999 ns]", hex("ce821b7fffffffffffffff1a3b9ac9ff"));
        values.put("datetime [-2^62 s]", hex("cc813b3fffffffffffffff"));
        values.put("text of 4 MiB", concat(hex("7a00400000"), "x".repeat(4 << 20).getBytes(StandardCharsets.US_ASCII)));
        String url = "jdbc:surrealdb://127.0.0.1:" + fakeUri().getPort() + "/fuzz/fuzz?requestTimeout=5&keepAliveInterval=0";
        List<String> bugs = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        try {
            for (Map.Entry<String, byte[]> v : values.entrySet()) {
                hostileItem = v.getValue();
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    java.sql.ResultSet rs;
                    try {
                        rs = st.executeQuery("RETURN 1");
                    } catch (SQLException e) {
                        // the decoder refused the value: the request fails, the getters never see it
                        outcomes.merge("rejected by the decoder (" + Errors.kind(e) + ")", 1L, Long::sum);
                        continue;
                    }
                    assertTrue(rs.next());
                    Map<String, SqlWork<Object>> getters = new LinkedHashMap<>();
                    getters.put("getObject", x -> rs.getObject(1));
                    getters.put("getString", x -> rs.getString(1));
                    getters.put("getLong", x -> rs.getLong(1));
                    getters.put("getInt", x -> rs.getInt(1));
                    getters.put("getDouble", x -> rs.getDouble(1));
                    getters.put("getBigDecimal", x -> rs.getBigDecimal(1));
                    getters.put("getObject(BigInteger)", x -> rs.getObject(1, java.math.BigInteger.class));
                    getters.put("getObject(Instant)", x -> rs.getObject(1, Instant.class));
                    getters.put("getTimestamp", x -> rs.getTimestamp(1));
                    for (Map.Entry<String, SqlWork<Object>> g : getters.entrySet()) {
                        String outcome = runBounded(g.getValue(), c, g.getKey() + " of " + v.getKey(), bugs);
                        outcomes.merge(outcome, 1L, Long::sum);
                    }
                }
            }
        } finally {
            hostileItem = null;
        }
        outcomes.forEach((k, n) -> REPORT.set("hostile values × getters: " + k, n));
        REPORT.set("hostile values × getters: escaped as something other than a value or SQLException",
                bugs.isEmpty() ? "none" : bugs.size());
        assertTrue(bugs.isEmpty(), () -> "hostile values escaped a getter: " + bugs);
    }

    /**
     * Runs one getter on a daemon thread, at most 5 s: "value", "SQLException <state>", or the class of
     * anything else (also added to {@code bugs}), or "still running after 5 s" (a runaway computation
     * that keeps its thread busy: only use values known to end).
     */
    private static String runBounded(SqlWork<Object> getter, Connection c, String what, List<String> bugs) {
        java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                getter.run(c);
                f.complete("value");
            } catch (SQLException e) {
                f.complete("SQLException " + e.getSQLState());
            } catch (Throwable e) {
                bugs.add(what + " threw " + e.getClass().getName() + ": " + e.getMessage());
                f.complete(e.getClass().getSimpleName());
            }
        }, "hostile-getter");
        t.setDaemon(true);
        long t0 = System.nanoTime();
        t.start();
        try {
            String o = f.get(5, TimeUnit.SECONDS);
            long ms = millisSince(t0);
            if (ms > 2000) {
                bugs.add(what + " took " + ms + " ms");
            }
            return o;
        } catch (java.util.concurrent.TimeoutException e) {
            bugs.add(what + " was still running after 5 s");
            return "still running after 5 s";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDriverStillWorksAgainstARealServerAfterwards() throws Exception {
        // runs in any order: what matters is that the garbage left no broken shared state behind
        try (dev.surrealj.testing.SurrealServer server = dev.surrealj.testing.SurrealServer.builder().start()) {
            Support.define(server, null, null, "fz", "fz");
            try (Connection c = DriverManager.getConnection(Support.url(server, "fz", "fz"))) {
                assertEquals(42L, Support.scalar(c, "RETURN 42"));
            }
        }
    }
}

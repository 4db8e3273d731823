package dev.surrealj.bench;

import dev.surrealj.cbor.CborCodec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor of a JVM client, for reading the point-query numbers: a bare WebSocket/CBOR client on ONE
 * thread with a blocking socket: it writes the request frame and reads the answer frame itself, with
 * SurrealJ's codec, and does nothing else (no Netty, no second thread, no futures, no timeouts, no
 * reconnect). Not a product: it measures what the socket, the server and the codec cost.
 */
final class BarePeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final CborCodec codec = new CborCodec();
    private final BenchOptions o;
    private long nextId;

    BarePeer(URI ws, BenchOptions o) throws IOException {
        this.o = o;
        socket = new Socket(ws.getHost(), ws.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        out.write(("GET " + ws.getRawPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: cbor\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("WebSocket handshake refused: " + head.toString().lines().findFirst().orElse(""));
        }
        call("use", DataSet.NAMESPACE, DataSet.DATABASE);
    }

    /** One request, its answer's {@code result}. */
    Object call(String method, Object... params) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ++nextId);
        m.put("method", method);
        m.put("params", new ArrayList<>(List.of(params)));
        writeFrame(codec.encode(m));
        Map<?, ?> answer = (Map<?, ?>) codec.decode(readMessage());
        if (answer.get("error") != null) {
            throw new IOException(method + " failed: " + answer.get("error"));
        }
        return answer.get("result");
    }

    private void writeFrame(byte[] p) throws IOException {
        int head = p.length < 126 ? 2 : p.length < 65536 ? 4 : 10;
        byte[] f = new byte[head + 4 + p.length];
        f[0] = (byte) 0x82; // FIN, binary
        if (head == 2) {
            f[1] = (byte) (0x80 | p.length);
        } else if (head == 4) {
            f[1] = (byte) (0x80 | 126);
            f[2] = (byte) (p.length >> 8);
            f[3] = (byte) p.length;
        } else {
            f[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                f[2 + i] = (byte) ((long) p.length >> (56 - 8 * i));
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            f[head + i] = (byte) (mask >> (24 - 8 * i));
        }
        for (int i = 0; i < p.length; i++) {
            f[head + 4 + i] = (byte) (p[i] ^ f[head + (i & 3)]);
        }
        out.write(f);
        out.flush();
    }

    /** The payload of the next data message (fragments joined; a ping is answered). */
    private byte[] readMessage() throws IOException {
        byte[] message = null;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(len)];
            in.readFully(payload);
            int opcode = b0 & 0x0f;
            if (opcode == 9) { // ping: pong with the same payload
                byte[] pong = new byte[2 + 4 + payload.length];
                pong[0] = (byte) 0x8a;
                pong[1] = (byte) (0x80 | payload.length);
                System.arraycopy(payload, 0, pong, 6, payload.length); // mask 0
                out.write(pong);
                out.flush();
                continue;
            }
            if (opcode == 10) {
                continue;
            }
            if (opcode == 8) {
                throw new IOException("the server closed the WebSocket");
            }
            if (message == null) {
                message = payload;
            } else {
                byte[] joined = new byte[message.length + payload.length];
                System.arraycopy(message, 0, joined, 0, message.length);
                System.arraycopy(payload, 0, joined, message.length, payload.length);
                message = joined;
            }
            if ((b0 & 0x80) != 0) {
                return message;
            }
        }
    }

    private int pointRows(long k) throws IOException {
        Object r = call("query", DataSet.POINT_SQL, Map.of("id", DataSet.pointId(k, o.rows)));
        Object rows = ((Map<?, ?>) ((List<?>) r).get(0)).get("result");
        return rows instanceof List<?> l ? l.size() : -1;
    }

    /** Sequential point queries with the plan of {@link JavaPeer}: latency and CPU per query. */
    Results.Point point() throws IOException {
        for (int k = 0; k < o.warmup; k++) {
            expectOne(pointRows(k));
        }
        long[] samples = new long[o.ops];
        long cpu0 = JavaPeer.cpuNanos();
        long t0 = System.nanoTime();
        for (int k = 0; k < o.ops; k++) {
            long s = System.nanoTime();
            int n = pointRows(o.warmup + k);
            samples[k] = System.nanoTime() - s;
            expectOne(n);
        }
        long wall = System.nanoTime() - t0;
        return Results.Point.of(samples, (JavaPeer.cpuNanos() - cpu0) / 1e3 / o.ops, wall / 1e6);
    }

    private static void expectOne(int n) {
        if (n != 1) {
            throw new IllegalStateException("bare client: the point query returned " + n + " rows");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

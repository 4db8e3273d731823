package dev.surrealj.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JS peers ({@code tools/bench/js/*.mjs}) with {@code node} and reads the JSON they print. */
final class NodePeers {
    private static final long TIMEOUT_MINUTES = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchOptions o;

    NodePeers(BenchOptions o) {
        this.o = o;
    }

    /** The official JS SDK against the server at {@code url}, which must hold the data set already. */
    JsonNode sdk(String url) {
        List<String> args = new ArrayList<>(List.of("--url", url, "--phase", "plan"));
        args.addAll(o.jsArgs());
        return run("sdk-bench.mjs", args);
    }

    /** The JS SDK's bulk insert, {@code chunk} rows per {@code db.insert}, against the (fresh) server at {@code url}. */
    JsonNode sdkInsert(String url, int chunk) {
        List<String> args = new ArrayList<>(List.of("--url", url, "--phase", "insert"));
        args.addAll(o.jsArgs());
        args.addAll(List.of("--sdk-chunk", Integer.toString(chunk)));
        return run("sdk-bench.mjs", args);
    }

    /** The engine alone, in-process in node; it loads the data set itself. */
    JsonNode engine() {
        List<String> args = new ArrayList<>(List.of("--batch", Integer.toString(o.batch)));
        args.addAll(o.jsArgs());
        return run("engine-bench.mjs", args);
    }

    /** {@code node --version}. */
    String nodeVersion() {
        try {
            Process p = new ProcessBuilder(o.node, "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(30, TimeUnit.SECONDS);
            return v;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private JsonNode run(String script, List<String> args) {
        Path file = o.jsDir().resolve(script);
        List<String> command = new ArrayList<>(List.of(o.node, "--expose-gc", file.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(o.jsDir().toFile());
        pb.environment().put("SURREALJ_DEV_SERVER", o.devServerDir().toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + o.node + " (is Node.js installed and on PATH?)", e);
        }
        try {
            p.getOutputStream().close(); // the scripts read nothing
        } catch (IOException ignored) {
            // already closed
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errPump = pump(p.getErrorStream(), err);
        byte[] out;
        try {
            out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            errPump.join(5_000);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException("cannot read the output of " + script, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
        String stdout = new String(out, StandardCharsets.UTF_8).trim();
        String stderr = err.toString(StandardCharsets.UTF_8).trim();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + p.exitValue() + ":\n" + stderr
                    + (stdout.isEmpty() ? "" : "\n--- stdout ---\n" + stdout));
        }
        String last = stdout.substring(stdout.lastIndexOf('\n') + 1);
        try {
            return JSON.readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException(script + " printed no JSON result:\n" + stdout + "\n" + stderr, e);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "bench-node-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }
}

package dev.surrealj.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts and stops {@code node tools/dev-server/server.mjs}; installs its npm packages on first use. */
final class DevServerProcess {

    private static final long READY_TIMEOUT_SECONDS = 60;
    private static final int LOG_LINES_KEPT = 200;

    private final Process process;
    private final int port;
    private final ArrayDeque<String> log = new ArrayDeque<>();

    private DevServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DevServerProcess start(List<String> options) {
        Path dir = locateDevServer();
        ensureInstalled(dir);
        List<String> command = new ArrayList<>(List.of("node", dir.resolve("server.mjs").toString()));
        command.addAll(options);
        command.add("--exit-with-stdin"); // a crashed JVM never leaves a server behind
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node (is Node.js installed and on PATH?)", e);
        }
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        DevServerProcess server = new DevServerProcess(process, 0);
        server.pump(process.getInputStream(), "out", ready);
        server.pump(process.getErrorStream(), "err", null);
        process.onExit().thenRun(() -> ready.completeExceptionally(
                new IllegalStateException("dev server exited with code " + process.exitValue())));
        try {
            int port = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            DevServerProcess started = new DevServerProcess(process, port);
            started.log.addAll(server.log);
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the dev server", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dev server did not become READY: " + redacted(command)
                    + "\n--- its output ---\n" + server.recentLog(), e);
        }
    }

    /** The command line with the value after {@code --pass} hidden. */
    static String redacted(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        for (int i = 0; i + 1 < shown.size(); i++) {
            if (shown.get(i).equals("--pass")) {
                shown.set(i + 1, "****");
            }
        }
        return String.join(" ", shown);
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL if it has not exited within ten seconds. */
    void stop() {
        process.destroy();
        awaitExit(10);
    }

    /** SIGKILL: the server gets no chance to close its connections gracefully. */
    void kill() {
        process.destroyForcibly();
        awaitExit(10);
    }

    private void awaitExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(seconds, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized String recentLog() {
        return String.join("\n", log);
    }

    private void pump(InputStream in, String name, CompletableFuture<Integer> ready) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (ready != null && !ready.isDone() && line.startsWith("READY port=")) {
                        ready.complete(Integer.parseInt(line.substring("READY port=".length()).trim()));
                    }
                    remember(line);
                }
            } catch (IOException | RuntimeException e) {
                remember("[" + name + " closed: " + e + "]");
            }
        }, "surrealj-dev-server-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void remember(String line) {
        if (log.size() == LOG_LINES_KEPT) {
            log.removeFirst();
        }
        log.addLast(line);
    }

    /** Finds {@code tools/dev-server}: system property, environment, then upwards from the working directory. */
    static Path locateDevServer() {
        String explicit = System.getProperty("surrealj.devServer", System.getenv("SURREALJ_DEV_SERVER"));
        if (explicit != null && !explicit.isBlank()) {
            return requireServer(Paths.get(explicit));
        }
        String root = System.getProperty("surrealj.root");
        if (root != null && !root.isBlank() && Files.isRegularFile(Paths.get(root, "tools/dev-server/server.mjs"))) {
            return Paths.get(root, "tools/dev-server").toAbsolutePath();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/dev-server/server.mjs"))) {
                return p.resolve("tools/dev-server");
            }
        }
        throw new IllegalStateException("cannot find tools/dev-server/server.mjs: run from the SurrealJ checkout"
                + " or set -Dsurrealj.devServer=/path/to/tools/dev-server");
    }

    private static Path requireServer(Path dir) {
        if (!Files.isRegularFile(dir.resolve("server.mjs"))) {
            throw new IllegalStateException("no server.mjs in " + dir.toAbsolutePath());
        }
        return dir.toAbsolutePath();
    }

    /** Runs {@code npm ci} when the packages are missing or older than the lock file; one JVM at a time. */
    static void ensureInstalled(Path dir) {
        Path marker = dir.resolve("node_modules/.package-lock.json");
        Path lock = dir.resolve("package-lock.json");
        try (FileChannel channel = FileChannel.open(dir.resolve(".npm-install.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
                return;
            }
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0) {
                throw new IllegalStateException("npm ci failed in " + dir + ":\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the dev server's npm packages in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during npm ci", e);
        }
    }
}

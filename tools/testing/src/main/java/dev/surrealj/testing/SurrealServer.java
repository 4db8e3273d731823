package dev.surrealj.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SurrealDB server for tests and tools: the local dev engine started as a child process,
 * a server elsewhere ({@link TestMode#EXTERNAL}), or a Docker container ({@link TestMode#DOCKER}).
 *
 * <pre>{@code
 * try (SurrealServer server = SurrealServer.builder().storage("mem://").start()) {
 *     URI rpc = server.wsUrl();        // ws://127.0.0.1:41234/rpc
 *     URI http = server.httpUrl();     // http://127.0.0.1:41234
 * }
 * SurrealServer shared = SurrealServer.shared();   // one per JVM, in the configured TestMode
 * }</pre>
 *
 * <p>{@link #stop()}, {@link #kill()} and {@link #restart()} need a process of our own
 * ({@link #isLocalProcess()}); tests that use them should assume it.
 */
public final class SurrealServer implements AutoCloseable {

    private static SurrealServer shared;

    private final Builder config;
    private final String host;
    private final int port;
    private final boolean tls;
    private final DevServerProcess process;
    private final AutoCloseable container;

    private SurrealServer(Builder config, String host, int port, boolean tls,
                          DevServerProcess process, AutoCloseable container) {
        this.config = config;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.process = process;
        this.container = container;
    }

    /** A new builder for a local dev server. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a local dev server with default options (memory storage, SurrealDB 3, any free port). */
    public static SurrealServer start() {
        return builder().start();
    }

    /**
     * The server shared by every test in this JVM, started on first use in the configured
     * {@link TestMode} and stopped when the JVM exits.
     */
    public static synchronized SurrealServer shared() {
        if (shared == null) {
            SurrealServer server = switch (TestMode.current()) {
                case DEV -> start();
                case EXTERNAL -> external(System.getenv("SURREALDB_URL"));
                case DOCKER -> DockerServer.start();
            };
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "surrealj-server-stop"));
            shared = server;
        }
        return shared;
    }

    /**
     * A server started elsewhere, for example {@code surreal start}.
     *
     * @param url its address: {@code ws://host:8000/rpc}, {@code wss://…}, {@code http://host:8000}
     */
    public static SurrealServer external(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("external mode needs SURREALDB_URL, e.g. ws://127.0.0.1:8000/rpc");
        }
        URI uri = URI.create(url.trim());
        String scheme = String.valueOf(uri.getScheme());
        boolean secure = scheme.equals("wss") || scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 8000;
        Builder config = builder().user(System.getenv("SURREALDB_USER"), System.getenv("SURREALDB_PASS"));
        return new SurrealServer(config, uri.getHost(), port, secure, null, null);
    }

    static SurrealServer ofContainer(String host, int port, String user, String pass, AutoCloseable container) {
        return new SurrealServer(builder().user(user, pass), host, port, false, null, container);
    }

    /** Host name or address clients connect to. */
    public String host() {
        return host;
    }

    /** TCP port of both the WebSocket and the HTTP endpoints. */
    public int port() {
        return port;
    }

    /** The WebSocket RPC endpoint, {@code ws://host:port/rpc} ({@code wss} with TLS). */
    public URI wsUrl() {
        return URI.create((tls ? "wss" : "ws") + "://" + hostForUri() + ":" + port + "/rpc");
    }

    /** The HTTP base address, {@code http://host:port} ({@code https} with TLS). */
    public URI httpUrl() {
        return URI.create((tls ? "https" : "http") + "://" + hostForUri() + ":" + port);
    }

    /** The root user this server was started with, or {@code null} when it needs no authentication. */
    public String user() {
        return config.user;
    }

    /** The root user's password, or {@code null}. Never printed by {@link #toString()}. */
    public String password() {
        return config.pass;
    }

    /** SurrealDB major version of the engine: 3 or 2. */
    public int engine() {
        return config.engine;
    }

    /** Whether this object controls the server's process, so stop/kill/restart are possible. */
    public boolean isLocalProcess() {
        return process != null;
    }

    /** Whether the server's process is still running (always true for servers we do not control). */
    public boolean isAlive() {
        return process == null || process.isAlive();
    }

    /** Stops the server gracefully (SIGTERM). */
    public void stop() {
        requireProcess().stop();
    }

    /** Kills the server abruptly (SIGKILL), as a crash would. */
    public void kill() {
        requireProcess().kill();
    }

    /**
     * Starts a new server with the same options on the same port (after {@link #stop()} or
     * {@link #kill()}, or stopping this one first). With {@code surrealkv://} or {@code rocksdb://}
     * storage the data survives.
     */
    public SurrealServer restart() {
        if (requireProcess().isAlive()) {
            process.stop();
        }
        return config.copy().port(port).start();
    }

    /** Recent lines the dev server printed, for diagnostics. */
    public String recentLog() {
        return process == null ? "" : process.recentLog();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop();
        }
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                System.getLogger(SurrealServer.class.getName())
                        .log(System.Logger.Level.WARNING, "cannot stop the SurrealDB container", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SurrealServer[" + httpUrl() + ", engine " + config.engine
                + (process != null ? ", storage " + config.storage : "")
                + (config.user != null ? ", user " + config.user : "") + "]";
    }

    private DevServerProcess requireProcess() {
        if (process == null) {
            throw new IllegalStateException("this server is not a process of ours (mode " + TestMode.current() + ")");
        }
        return process;
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Options of a local dev server; see {@code tools/dev-server/README.md}. */
    public static final class Builder {
        private String bind = "127.0.0.1";
        private int port;
        private String storage = "mem://";
        private int engine = 3;
        private String user;
        private String pass;
        private Path tlsCert;
        private Path tlsKey;
        private final List<String> extra = new ArrayList<>();

        private Builder() {
        }

        /** Address to listen on; default 127.0.0.1. */
        public Builder bind(String address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code mem://} (default), {@code surrealkv://PATH} or {@code rocksdb://PATH}. */
        public Builder storage(String storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** 3 (default, {@code @surrealdb/node}) or 2 (SurrealDB 2.6 in WebAssembly, one shared session). */
        public Builder engine(int engine) {
            if (engine != 2 && engine != 3) {
                throw new IllegalArgumentException("engine must be 2 or 3, not " + engine);
            }
            this.engine = engine;
            return this;
        }

        /** Defines this root user and refuses unauthenticated clients. */
        public Builder user(String user, String pass) {
            this.user = user;
            this.pass = pass;
            return this;
        }

        /** Serve wss/https with this PEM certificate and key. */
        public Builder tls(Path cert, Path key) {
            this.tlsCert = cert;
            this.tlsKey = key;
            return this;
        }

        /** Any other dev-server option, passed as is. */
        public Builder option(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        Builder copy() {
            Builder b = new Builder();
            b.bind = bind;
            b.port = port;
            b.storage = storage;
            b.engine = engine;
            b.user = user;
            b.pass = pass;
            b.tlsCert = tlsCert;
            b.tlsKey = tlsKey;
            b.extra.addAll(extra);
            return b;
        }

        /** Starts the server and waits until it is ready. */
        public SurrealServer start() {
            List<String> args = new ArrayList<>(List.of("--bind", bind, "--port", Integer.toString(port),
                    "--storage", storage, "--engine", Integer.toString(engine)));
            if (user != null) {
                args.addAll(List.of("--user", user, "--pass", Objects.requireNonNull(pass, "pass")));
            }
            if (tlsCert != null) {
                args.addAll(List.of("--tls-cert", tlsCert.toString(), "--tls-key", tlsKey.toString()));
            }
            args.addAll(extra);
            DevServerProcess process = DevServerProcess.start(args);
            String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
            return new SurrealServer(copy(), host, process.port(), tlsCert != null, process, null);
        }
    }
}

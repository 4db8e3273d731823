package dev.surrealj.rpc;

import dev.surrealj.cbor.CborLimits;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable settings of a {@link SurrealClient}.
 *
 * <pre>{@code
 * RpcConfig config = RpcConfig.builder()
 *         .uri("ws://127.0.0.1:8000/rpc")            // ws, wss, http, https; several for fail-over
 *         .namespace("shop").database("main")
 *         .credentials(() -> Credentials.root("root", secretFromVault()))
 *         .requestTimeout(Duration.ofSeconds(30))
 *         .reconnect(ReconnectPolicy.exponential())
 *         .build();
 * }</pre>
 *
 * <p>Defaults: transport from the URI scheme, connect timeout 10 s, request timeout 60 s, keep-alive
 * ping every 30 s (WebSocket), system trust store, {@link CborLimits#DEFAULT}, no reconnect,
 * 4 HTTP connections, live-query buffers of 1024 notifications.
 */
public final class RpcConfig {
    /** How requests travel. */
    public enum Transport {
        /** From the scheme of the first URI: {@code ws}/{@code wss} → WebSocket, {@code http}/{@code https} → HTTP. */
        AUTO,
        /** One WebSocket ({@code GET /rpc}, subprotocol {@code cbor}) multiplexing every request; stateful. */
        WEBSOCKET,
        /**
         * {@code POST /rpc} over a small pool of keep-alive connections; the session (ns, db, auth,
         * variables) is kept by the client and sent with every call. No live queries, transactions or sessions.
         */
        HTTP
    }

    private final List<URI> uris;
    private final Transport transport;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration keepAliveInterval;
    private final TlsOptions tls;
    private final CborLimits cborLimits;
    private final ReconnectPolicy reconnect;
    private final Supplier<Credentials> credentials;
    private final String namespace;
    private final String database;
    private final int httpPoolSize;
    private final int liveBufferCapacity;

    private RpcConfig(Builder b) {
        if (b.uris.isEmpty()) {
            throw new IllegalArgumentException("at least one URI is needed");
        }
        this.uris = List.copyOf(b.uris);
        Transport t = b.transport;
        Transport first = transportOf(uris.get(0));
        if (t == Transport.AUTO) {
            t = first;
        }
        for (URI u : uris) {
            if (transportOf(u) != t) {
                throw new IllegalArgumentException("URI " + u + " does not fit transport " + t);
            }
        }
        this.transport = t;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.tls = b.tls;
        this.cborLimits = b.cborLimits;
        this.reconnect = b.reconnect;
        this.credentials = b.credentials;
        this.namespace = b.namespace;
        this.database = b.database;
        this.httpPoolSize = b.httpPoolSize;
        this.liveBufferCapacity = b.liveBufferCapacity;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uris.addAll(uris);
        b.transport = transport;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.keepAliveInterval = keepAliveInterval;
        b.tls = tls;
        b.cborLimits = cborLimits;
        b.reconnect = reconnect;
        b.credentials = credentials;
        b.namespace = namespace;
        b.database = database;
        b.httpPoolSize = httpPoolSize;
        b.liveBufferCapacity = liveBufferCapacity;
        return b;
    }

    static Transport transportOf(URI uri) {
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "ws", "wss" -> Transport.WEBSOCKET;
            case "http", "https" -> Transport.HTTP;
            default -> throw new IllegalArgumentException("unsupported scheme in " + uri + " (ws, wss, http, https)");
        };
    }

    /** The server addresses, tried in order when connecting and reconnecting. */
    public List<URI> uris() {
        return uris;
    }

    /** The transport (never {@link Transport#AUTO}). */
    public Transport transport() {
        return transport;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Default time an RPC call may take; override per call with {@link RpcOperations#withTimeout(Duration)}. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Interval of the WebSocket keep-alive {@code ping}; zero disables it. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    public TlsOptions tls() {
        return tls;
    }

    public CborLimits cborLimits() {
        return cborLimits;
    }

    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** The credentials supplier used to sign in on every (re)connect, or {@code null}. */
    public Supplier<Credentials> credentials() {
        return credentials;
    }

    /** The namespace selected on connect, or {@code null}. */
    public String namespace() {
        return namespace;
    }

    /** The database selected on connect, or {@code null}. */
    public String database() {
        return database;
    }

    public int httpPoolSize() {
        return httpPoolSize;
    }

    /** Capacity of each live subscription's buffer (see {@link LiveSubscription} for the overflow policy). */
    public int liveBufferCapacity() {
        return liveBufferCapacity;
    }

    @Override
    public String toString() {
        return "RpcConfig[uris=" + uris + ", transport=" + transport + ", ns=" + namespace + ", db=" + database
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", keepAlive="
                + keepAliveInterval + ", " + tls + ", " + reconnect + ", credentials="
                + (credentials == null ? "none" : "supplied") + "]";
    }

    /** Builder of {@link RpcConfig}. */
    public static final class Builder {
        private final List<URI> uris = new ArrayList<>();
        private Transport transport = Transport.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration keepAliveInterval = Duration.ofSeconds(30);
        private TlsOptions tls = TlsOptions.system();
        private CborLimits cborLimits = CborLimits.DEFAULT;
        private ReconnectPolicy reconnect = ReconnectPolicy.disabled();
        private Supplier<Credentials> credentials;
        private String namespace;
        private String database;
        private int httpPoolSize = 4;
        private int liveBufferCapacity = 1024;

        private Builder() {
        }

        /** Adds a server address: {@code ws://host:port/rpc}, {@code wss://…}, {@code http://host:port}, {@code https://…}. */
        public Builder uri(URI uri) {
            URI u = Objects.requireNonNull(uri, "uri");
            transportOf(u);
            uris.add(u);
            return this;
        }

        /** Adds a server address. */
        public Builder uri(String uri) {
            return uri(URI.create(uri));
        }

        /** Replaces the server addresses. */
        public Builder uris(List<URI> list) {
            uris.clear();
            list.forEach(this::uri);
            return this;
        }

        public Builder transport(Transport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "requestTimeout");
            return this;
        }

        /** Interval of the keep-alive ping; {@link Duration#ZERO} disables it. */
        public Builder keepAliveInterval(Duration d) {
            Objects.requireNonNull(d, "keepAliveInterval");
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative keepAliveInterval");
            }
            this.keepAliveInterval = d;
            return this;
        }

        public Builder tls(TlsOptions t) {
            this.tls = Objects.requireNonNull(t, "tls");
            return this;
        }

        public Builder cborLimits(CborLimits l) {
            this.cborLimits = Objects.requireNonNull(l, "cborLimits");
            return this;
        }

        public Builder reconnect(ReconnectPolicy p) {
            this.reconnect = Objects.requireNonNull(p, "reconnect");
            return this;
        }

        /**
         * Credentials to sign in with on every connect and reconnect (asked again each time, so
         * rotated secrets are picked up). {@link Credentials#token(String)} authenticates instead.
         */
        public Builder credentials(Supplier<Credentials> supplier) {
            this.credentials = supplier;
            return this;
        }

        /** Fixed credentials; see {@link #credentials(Supplier)}. */
        public Builder credentials(Credentials c) {
            this.credentials = c == null ? null : () -> c;
            return this;
        }

        public Builder namespace(String ns) {
            this.namespace = ns;
            return this;
        }

        public Builder database(String db) {
            this.database = db;
            return this;
        }

        /** Maximum number of HTTP connections (HTTP transport), at least 1. */
        public Builder httpPoolSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("httpPoolSize must be >= 1");
            }
            this.httpPoolSize = n;
            return this;
        }

        /** Capacity of each live subscription's buffer, at least 1. */
        public Builder liveBufferCapacity(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("liveBufferCapacity must be >= 1");
            }
            this.liveBufferCapacity = n;
            return this;
        }

        public RpcConfig build() {
            return new RpcConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}

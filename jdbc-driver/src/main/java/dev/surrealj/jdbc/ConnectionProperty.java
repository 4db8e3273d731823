package dev.surrealj.jdbc;

import java.util.List;
import java.util.Locale;

/**
 * Every connection property the driver understands: its name, type, default, description and
 * accepted values. Properties come from the URL query ({@code ?connectTimeout=5}) and from the
 * {@link java.util.Properties} given to {@code DriverManager.getConnection}; see
 * {@link ConnectionProperties} for how they are merged and validated.
 *
 * <p>Names are matched case-insensitively ({@code User} is {@code user}); a few properties have an
 * alias ({@code socketTimeout} for {@link #REQUEST_TIMEOUT}). Durations are whole seconds.
 *
 * <p>Besides these, any property whose name starts with {@value #SIGNIN_VARIABLE_PREFIX} is a
 * signin variable for record access: {@code var.email=a@b.c} sends {@code {email: "a@b.c"}} with
 * the {@code signin} call (see {@link ConnectionProperties#signinVariables()}).
 *
 * <pre>{@code
 * Properties p = new Properties();
 * p.setProperty(ConnectionProperty.USER.key(), "root");
 * p.setProperty(ConnectionProperty.PASSWORD.key(), secret);
 * p.setProperty("connectTimeout", "5");
 * Connection c = DriverManager.getConnection("jdbc:surrealdb://localhost:8000/shop/main", p);
 * }</pre>
 */
enum ConnectionProperty {
    /** User name for a root, namespace or database user signin. */
    USER("user", Type.STRING, null,
            "User name to sign in with (root, namespace or database user; see authLevel)"),
    /** Password of {@link #USER}; secret. */
    PASSWORD("password", Type.STRING, null, "Password of the user", true),
    /** Namespace to use; overrides the one in the URL path. */
    NAMESPACE("namespace", Type.STRING, null,
            "Namespace to use; overrides the first path segment of the URL"),
    /** Database to use; overrides the one in the URL path. */
    DATABASE("database", Type.STRING, null,
            "Database to use; overrides the second path segment of the URL"),
    /** Where the user is defined; inferred when absent. */
    AUTH_LEVEL("authLevel", Type.ENUM, null,
            "Level the user is defined at: root, namespace, database, or record (record access method). "
                    + "Default: record when 'access' is set, else root when 'user' is set",
            false, null, "root", "namespace", "database", "record"),
    /** Record access method name ({@code DEFINE ACCESS … TYPE RECORD}). */
    ACCESS("access", Type.STRING, null,
            "Record access method to sign in with (DEFINE ACCESS ... TYPE RECORD); "
                    + "signin variables are given as var.<name> properties"),
    /** A token (JWT) to authenticate with instead of signing in; secret. */
    TOKEN("token", Type.STRING, null,
            "Token (JWT) to authenticate with instead of user/password", true),
    /** Seconds to wait for the network connection (and WebSocket upgrade). */
    CONNECT_TIMEOUT("connectTimeout", Type.INT, "10",
            "Seconds to wait for the connection to open; 0 waits forever", 0, Integer.MAX_VALUE),
    /** Default {@code Statement.setQueryTimeout} in seconds; 0 means none. */
    QUERY_TIMEOUT("queryTimeout", Type.INT, "0",
            "Default query timeout of statements in seconds, enforced by the client (the request fails, "
                    + "the server may still finish the statement); 0 means none",
            0, Integer.MAX_VALUE),
    /** Seconds one RPC request may take before it fails; alias {@code socketTimeout}. */
    REQUEST_TIMEOUT("requestTimeout", Type.INT, "60",
            "Seconds one request may wait for its answer before failing; 0 waits forever "
                    + "(alias: socketTimeout)", 0, Integer.MAX_VALUE, "socketTimeout"),
    /** Seconds between WebSocket keep-alive pings; 0 disables them. */
    KEEP_ALIVE_INTERVAL("keepAliveInterval", Type.INT, "30",
            "Seconds between WebSocket keep-alive pings; 0 disables them", 0, Integer.MAX_VALUE),
    /** Seconds the whole login (connect + signin + use) may take; 0 uses DriverManager's. */
    LOGIN_TIMEOUT("loginTimeout", Type.INT, "0",
            "Seconds connecting and signing in may take together; 0 uses DriverManager.getLoginTimeout()",
            0, Integer.MAX_VALUE),
    /** Whether to pick a random host of a multi-host URL first. */
    LOAD_BALANCE_HOSTS("loadBalanceHosts", Type.BOOLEAN, "false",
            "Try the hosts of a multi-host URL in random order instead of the order given"),
    /** Whether a lost WebSocket connection is re-opened automatically. */
    RECONNECT("reconnect", Type.BOOLEAN, "false",
            "Re-open a lost WebSocket connection automatically (signs in again, restores ns/db)"),
    /** How often to try reconnecting. */
    RECONNECT_MAX_ATTEMPTS("reconnectMaxAttempts", Type.INT, "10",
            "How many times to try reconnecting before giving up", 0, Integer.MAX_VALUE),
    /** Trust store file for wss/https. */
    TRUST_STORE("trustStore", Type.STRING, null,
            "Trust store file (JKS or PKCS12) for wss:// and https://; default: the JVM's trust store"),
    /** Password of {@link #TRUST_STORE}; secret. */
    TRUST_STORE_PASSWORD("trustStorePassword", Type.STRING, null, "Password of the trust store", true),
    /** Key store type of {@link #TRUST_STORE}. */
    TRUST_STORE_TYPE("trustStoreType", Type.STRING, null,
            "Type of the trust store (JKS, PKCS12, ...); default: PKCS12, or JKS for a .jks file",
            false, null, "PKCS12", "JKS"),
    /** Trust any certificate: development only. */
    INSECURE("insecure", Type.BOOLEAN, "false",
            "Trust any server certificate and skip the host name check (development only)"),
    /** Largest message accepted, in bytes. */
    MAX_FRAME_SIZE("maxFrameSize", Type.LONG, String.valueOf(256L << 20),
            "Largest message accepted from the server, in bytes (default 256 MiB)", 1024, Long.MAX_VALUE),
    /** Deepest nesting of values accepted. */
    MAX_DEPTH("maxDepth", Type.INT, "256",
            "Deepest nesting of arrays and objects accepted from the server", 1, 100_000),
    /** Default {@code Statement.setFetchSize}. */
    FETCH_SIZE("fetchSize", Type.INT, "0",
            "Default fetch size of statements; 0 fetches whole results", 0, Integer.MAX_VALUE),
    /** Translate SQL to SurrealQL. */
    SQL_TRANSLATION("sqlTranslation", Type.BOOLEAN, "false",
            "Translate SQL into SurrealQL before running it (needs surrealj-jooq on the class path, or the -all jar); "
                    + "text that is not SQL, or starts with /*+ surrealql */, is sent unchanged"),
    /** Class name of the translator factory. */
    SQL_TRANSLATOR_FACTORY("sqlTranslatorFactory", Type.STRING, null,
            "Class name of the SQL translator factory to use instead of the ServiceLoader lookup"),
    /** How many records metadata methods sample to infer the columns of a schemaless table. */
    METADATA_SAMPLE_SIZE("metadataSampleSize", Type.INT, "100",
            "Records DatabaseMetaData.getColumns samples to infer the columns of a schemaless table or view; "
                    + "0 lists only defined fields",
            0, Integer.MAX_VALUE),
    /** Application name (client info {@code ApplicationName}). */
    APPLICATION_NAME("applicationName", Type.STRING, null,
            "Name of the application, reported as client info ApplicationName"),
    /** Open connections read-only. */
    READ_ONLY("readOnly", Type.BOOLEAN, "false",
            "Open connections in read-only mode (Connection.setReadOnly(true))"),
    /** Rewrite PreparedStatement insert batches into one statement. */
    BATCH_REWRITE("batchRewrite", Type.BOOLEAN, "true",
            "Rewrite a PreparedStatement batch of INSERTs into one INSERT of all rows"),
    /** Notifications buffered per live query. */
    LIVE_QUERY_BUFFER("liveQueryBuffer", Type.INT, "1024",
            "Notifications buffered per live query before the oldest are dropped", 1, Integer.MAX_VALUE);

    /** Prefix of signin-variable properties: {@code var.email=a@b.c}. */
    static final String SIGNIN_VARIABLE_PREFIX = "var.";

    /** Value types. */
    enum Type {
        /** Any text. */
        STRING,
        /** A whole number in {@code [min, max]}. */
        INT,
        /** A whole number in {@code [min, max]} (64 bits). */
        LONG,
        /** {@code true}/{@code false} (also yes/no, on/off, 1/0; an empty value means true). */
        BOOLEAN,
        /** One of {@link #choices()}, case-insensitive. */
        ENUM
    }

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final String description;
    private final boolean secret;
    private final long min;
    private final long max;
    private final String alias;
    private final List<String> choices;

    ConnectionProperty(String key, Type type, String defaultValue, String description) {
        this(key, type, defaultValue, description, false, null);
    }

    ConnectionProperty(String key, Type type, String defaultValue, String description, boolean secret) {
        this(key, type, defaultValue, description, secret, null);
    }

    ConnectionProperty(String key, Type type, String defaultValue, String description, long min, long max) {
        this(key, type, defaultValue, description, min, max, null);
    }

    ConnectionProperty(String key, Type type, String defaultValue, String description, long min, long max,
                       String alias) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = false;
        this.min = min;
        this.max = max;
        this.alias = alias;
        this.choices = List.of();
    }

    ConnectionProperty(String key, Type type, String defaultValue, String description, boolean secret,
                       String alias, String... choices) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
        this.min = Long.MIN_VALUE;
        this.max = Long.MAX_VALUE;
        this.alias = alias;
        this.choices = type == Type.BOOLEAN ? List.of("true", "false") : List.of(choices);
    }

    /** The property name, e.g. {@code connectTimeout}. */
    String key() {
        return key;
    }

    /** The value type. */
    Type type() {
        return type;
    }

    /** The default as text, or {@code null} when there is none (or it is inferred). */
    String defaultValue() {
        return defaultValue;
    }

    /** One line for {@code DriverPropertyInfo.description} and documentation. */
    String description() {
        return description;
    }

    /** Whether the value is a secret that must never be shown (password, token …). */
    boolean isSecret() {
        return secret;
    }

    /** Smallest accepted value of an INT/LONG property. */
    long min() {
        return min;
    }

    /** Largest accepted value of an INT/LONG property. */
    long max() {
        return max;
    }

    /** Another accepted name, or {@code null}. */
    String alias() {
        return alias;
    }

    /**
     * The accepted values of an ENUM (or BOOLEAN) property; for a STRING property, common values
     * offered to tools (not enforced). Empty when anything goes.
     */
    List<String> choices() {
        return choices;
    }

    /** The property with this name or alias (case-insensitive), or {@code null}. */
    static ConnectionProperty forKey(String name) {
        if (name == null) {
            return null;
        }
        for (ConnectionProperty p : values()) {
            if (p.key.equalsIgnoreCase(name) || (p.alias != null && p.alias.equalsIgnoreCase(name))) {
                return p;
            }
        }
        return null;
    }

    /** Whether this name is a signin variable ({@code var.<name>}, prefix case-insensitive). */
    static boolean isSigninVariable(String name) {
        return name != null && name.length() > SIGNIN_VARIABLE_PREFIX.length()
                && name.regionMatches(true, 0, SIGNIN_VARIABLE_PREFIX, 0, SIGNIN_VARIABLE_PREFIX.length());
    }

    /**
     * Whether the value of a property with this name must be redacted wherever it is shown: the
     * secret properties, {@code pass} (the name SurrealDB's signin uses), and signin variables whose
     * name contains {@code pass}, {@code secret}, {@code token} or {@code key}.
     */
    static boolean isSecretKey(String name) {
        if (name == null) {
            return false;
        }
        ConnectionProperty p = forKey(name);
        if (p != null) {
            return p.secret;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("pass") || lower.equals("pwd")) {
            return true;
        }
        if (isSigninVariable(name)) {
            return lower.contains("pass") || lower.contains("secret") || lower.contains("token")
                    || lower.contains("key") || lower.contains("pwd");
        }
        return false;
    }

    /** Placeholder shown instead of a secret value. */
    static final String REDACTED = "***";
}

package dev.surrealj.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The validated, immutable settings of one connection: URL query parameters merged with the
 * {@link Properties} given to {@code DriverManager.getConnection} (those win), with typed getters.
 *
 * <p>Rules:
 * <ul>
 *   <li>Precedence, highest first: {@code Properties}, URL query parameters, URL path (namespace and
 *       database only), the property's default.</li>
 *   <li>Names are case-insensitive and aliases are accepted ({@code socketTimeout} is
 *       {@code requestTimeout}); within one source the exact name beats a differently-cased name,
 *       which beats an alias.</li>
 *   <li>An empty value of a text property ({@code user=}) counts as not set; an empty value of a
 *       boolean property means {@code true} ({@code ?insecure}).</li>
 *   <li>Values of known properties are validated: a bad number, boolean or choice fails with
 *       SQLState {@code 08001} naming the property and the accepted values (never echoing a secret).</li>
 *   <li>Unknown properties are ignored with a warning (logged to the {@code dev.surrealj.jdbc}
 *       {@link System.Logger} and kept in {@link #warnings()}), as pgjdbc does.</li>
 *   <li>{@code var.<name>} properties are signin variables for record access
 *       ({@link #signinVariables()}).</li>
 *   <li>{@link #toString()} shows only values that were set, with secrets as {@code ***}.</li>
 * </ul>
 *
 * <pre>{@code
 * JdbcUrl url = JdbcUrl.parse("jdbc:surrealdb://localhost:8000/shop/main?connectTimeout=5");
 * Properties info = new Properties();
 * info.setProperty("user", "root");
 * info.setProperty("password", "secret");
 * ConnectionProperties props = ConnectionProperties.of(url, info);
 * props.authLevel();        // ROOT (inferred from 'user')
 * props.connectTimeout();   // PT5S
 * props.namespace();        // "shop"
 * }</pre>
 */
final class ConnectionProperties {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");

    /** Where a user (or record access method) is defined. */
    enum AuthLevel {
        /** A root user: {@code signin {user, pass}}. */
        ROOT,
        /** A namespace user: {@code signin {ns, user, pass}}. */
        NAMESPACE,
        /** A database user: {@code signin {ns, db, user, pass}}. */
        DATABASE,
        /** A record access method: {@code signin {NS, DB, AC, ...vars}}. */
        RECORD;

        /** The property value: {@code root}, {@code namespace} … */
        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<ConnectionProperty, String> values;
    private final Map<String, String> signinVariables;
    private final String namespace;
    private final String database;
    private final List<String> warnings;

    private ConnectionProperties(EnumMap<ConnectionProperty, String> values, Map<String, String> signinVariables,
                                 String namespace, String database, List<String> warnings) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.signinVariables = Collections.unmodifiableMap(new LinkedHashMap<>(signinVariables));
        this.namespace = namespace;
        this.database = database;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Merges and validates the properties of a URL and of {@code info}.
     *
     * @param url  the parsed URL (its path gives namespace and database, its query properties)
     * @param info properties from the caller, or {@code null}; they win over the URL
     * @throws SQLException SQLState {@code 08001} when a value is invalid or properties contradict
     *                      each other
     */
    static ConnectionProperties of(JdbcUrl url, Properties info) throws SQLException {
        return of(url.properties(), url.namespace(), url.database(), info);
    }

    /**
     * Merges and validates properties without a parsed URL.
     *
     * @param urlProperties query parameters of the URL (may be empty)
     * @param urlNamespace  namespace from the URL path, or {@code null}
     * @param urlDatabase   database from the URL path, or {@code null}
     * @param info          properties from the caller, or {@code null}; they win
     */
    static ConnectionProperties of(Map<String, String> urlProperties, String urlNamespace, String urlDatabase,
                                   Properties info) throws SQLException {
        List<String> warnings = new ArrayList<>();
        Source fromUrl = Source.collect("URL", urlProperties, warnings);
        Source fromInfo = Source.collect("Properties", toMap(info), warnings);

        Map<ConnectionProperty, String> raw = new EnumMap<>(ConnectionProperty.class);
        raw.putAll(fromUrl.values);
        raw.putAll(fromInfo.values);
        Map<String, String> vars = new LinkedHashMap<>(fromUrl.vars);
        vars.putAll(fromInfo.vars);

        EnumMap<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
        for (Map.Entry<ConnectionProperty, String> e : raw.entrySet()) {
            String v = validate(e.getKey(), e.getValue());
            if (v != null) {
                values.put(e.getKey(), v);
            }
        }
        String namespace = values.getOrDefault(ConnectionProperty.NAMESPACE, emptyToNull(urlNamespace));
        String database = values.getOrDefault(ConnectionProperty.DATABASE, emptyToNull(urlDatabase));

        checkConsistency(values, vars, namespace, database, warnings);
        for (String w : warnings) {
            LOG.log(System.Logger.Level.WARNING, w);
        }
        return new ConnectionProperties(values, vars, namespace, database, warnings);
    }

    // ------------------------------------------------------------------ typed getters

    /** User name, or {@code null}. */
    String user() {
        return values.get(ConnectionProperty.USER);
    }

    /** Password, or {@code null}. Never log it. */
    String password() {
        return values.get(ConnectionProperty.PASSWORD);
    }

    /** Namespace: {@code namespace} property, else URL path; or {@code null}. */
    String namespace() {
        return namespace;
    }

    /** Database: {@code database} property, else URL path; or {@code null}. */
    String database() {
        return database;
    }

    /**
     * The level to sign in at: the {@code authLevel} property; else {@code null} when a
     * {@link #token()} is given (it is used instead of a signin); else {@link AuthLevel#RECORD} when
     * {@code access} is set; else {@link AuthLevel#ROOT} when {@code user} is set; else {@code null}
     * (anonymous).
     */
    AuthLevel authLevel() {
        String explicit = values.get(ConnectionProperty.AUTH_LEVEL);
        if (explicit != null) {
            return AuthLevel.valueOf(explicit.toUpperCase(Locale.ROOT));
        }
        if (token() != null) {
            return null;
        }
        if (access() != null) {
            return AuthLevel.RECORD;
        }
        if (user() != null) {
            return AuthLevel.ROOT;
        }
        return null;
    }

    /** Whether {@code authLevel} was given rather than inferred. */
    boolean isAuthLevelExplicit() {
        return values.containsKey(ConnectionProperty.AUTH_LEVEL);
    }

    /** Record access method name, or {@code null}. */
    String access() {
        return values.get(ConnectionProperty.ACCESS);
    }

    /** Token (JWT) to authenticate with, or {@code null}. Never log it. */
    String token() {
        return values.get(ConnectionProperty.TOKEN);
    }

    /**
     * Signin variables from {@code var.<name>} properties, name without the prefix, e.g.
     * {@code {email=a@b.c, pass=…}} (unmodifiable). Sent with a record-access signin. The
     * {@code user}/{@code password} properties are not added: name them, e.g. {@code var.pass}.
     */
    Map<String, String> signinVariables() {
        return signinVariables;
    }

    /** Connect timeout; {@link Duration#ZERO} means none. */
    Duration connectTimeout() {
        return seconds(ConnectionProperty.CONNECT_TIMEOUT);
    }

    /** Default statement query timeout; {@link Duration#ZERO} means none. */
    Duration queryTimeout() {
        return seconds(ConnectionProperty.QUERY_TIMEOUT);
    }

    /** Time one request may wait for its answer; {@link Duration#ZERO} means forever. */
    Duration requestTimeout() {
        return seconds(ConnectionProperty.REQUEST_TIMEOUT);
    }

    /** WebSocket keep-alive interval; {@link Duration#ZERO} disables pings. */
    Duration keepAliveInterval() {
        return seconds(ConnectionProperty.KEEP_ALIVE_INTERVAL);
    }

    /**
     * The login timeout: the {@code loginTimeout} property, else {@code DriverManager.getLoginTimeout()}
     * as given; {@link Duration#ZERO} means none.
     *
     * @param driverManagerLoginTimeoutSeconds {@code DriverManager.getLoginTimeout()}
     */
    Duration loginTimeout(int driverManagerLoginTimeoutSeconds) {
        int own = getInt(ConnectionProperty.LOGIN_TIMEOUT);
        return Duration.ofSeconds(own > 0 ? own : Math.max(0, driverManagerLoginTimeoutSeconds));
    }

    boolean loadBalanceHosts() {
        return getBoolean(ConnectionProperty.LOAD_BALANCE_HOSTS);
    }

    boolean reconnect() {
        return getBoolean(ConnectionProperty.RECONNECT);
    }

    int reconnectMaxAttempts() {
        return getInt(ConnectionProperty.RECONNECT_MAX_ATTEMPTS);
    }

    /** Trust store path, or {@code null} for the JVM's trust store. */
    String trustStore() {
        return values.get(ConnectionProperty.TRUST_STORE);
    }

    /** Trust store password, or {@code null}. Never log it. */
    String trustStorePassword() {
        return values.get(ConnectionProperty.TRUST_STORE_PASSWORD);
    }

    /** Trust store type, or {@code null} to infer it from the file. */
    String trustStoreType() {
        return values.get(ConnectionProperty.TRUST_STORE_TYPE);
    }

    boolean insecure() {
        return getBoolean(ConnectionProperty.INSECURE);
    }

    long maxFrameSize() {
        return getLong(ConnectionProperty.MAX_FRAME_SIZE);
    }

    int maxDepth() {
        return getInt(ConnectionProperty.MAX_DEPTH);
    }

    int fetchSize() {
        return getInt(ConnectionProperty.FETCH_SIZE);
    }

    boolean sqlTranslation() {
        return getBoolean(ConnectionProperty.SQL_TRANSLATION);
    }

    /** Class name of the translator factory, or {@code null}. */
    /** The properties that were set, by name, without secrets (for a {@link SqlTranslatorFactory}). */
    Map<String, String> publicValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<ConnectionProperty, String> e : values.entrySet()) {
            if (!e.getKey().isSecret()) {
                out.put(e.getKey().key(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    String sqlTranslatorFactory() {
        return values.get(ConnectionProperty.SQL_TRANSLATOR_FACTORY);
    }

    int metadataSampleSize() {
        return getInt(ConnectionProperty.METADATA_SAMPLE_SIZE);
    }

    /** Application name, or {@code null}. */
    String applicationName() {
        return values.get(ConnectionProperty.APPLICATION_NAME);
    }

    boolean readOnly() {
        return getBoolean(ConnectionProperty.READ_ONLY);
    }

    boolean batchRewrite() {
        return getBoolean(ConnectionProperty.BATCH_REWRITE);
    }

    int liveQueryBuffer() {
        return getInt(ConnectionProperty.LIVE_QUERY_BUFFER);
    }

    // ------------------------------------------------------------------ generic access

    /** Whether the property was given (not defaulted). */
    boolean isSet(ConnectionProperty p) {
        return values.containsKey(p);
    }

    /** The value as text (normalized: {@code true}/{@code false}, lower-case choices), or the default. */
    String get(ConnectionProperty p) {
        return values.getOrDefault(p, p.defaultValue());
    }

    int getInt(ConnectionProperty p) {
        String v = get(p);
        return v == null ? 0 : Integer.parseInt(v);
    }

    long getLong(ConnectionProperty p) {
        String v = get(p);
        return v == null ? 0 : Long.parseLong(v);
    }

    boolean getBoolean(ConnectionProperty p) {
        return Boolean.parseBoolean(get(p));
    }

    /** Warnings about ignored or conflicting properties (also logged); never contains a value. */
    List<String> warnings() {
        return warnings;
    }

    /** The properties that were set, with secrets as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConnectionProperties{");
        String sep = "";
        if (namespace != null && !values.containsKey(ConnectionProperty.NAMESPACE)) {
            sb.append("namespace=").append(namespace);
            sep = ", ";
        }
        if (database != null && !values.containsKey(ConnectionProperty.DATABASE)) {
            sb.append(sep).append("database=").append(database);
            sep = ", ";
        }
        for (Map.Entry<ConnectionProperty, String> e : values.entrySet()) {
            sb.append(sep).append(e.getKey().key()).append('=')
                    .append(e.getKey().isSecret() ? ConnectionProperty.REDACTED : e.getValue());
            sep = ", ";
        }
        for (Map.Entry<String, String> e : signinVariables.entrySet()) {
            String key = ConnectionProperty.SIGNIN_VARIABLE_PREFIX + e.getKey();
            sb.append(sep).append(key).append('=')
                    .append(ConnectionProperty.isSecretKey(key) ? ConnectionProperty.REDACTED : e.getValue());
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    // ------------------------------------------------------------------ DriverPropertyInfo

    /**
     * What {@code Driver.getPropertyInfo} returns: one entry per {@link ConnectionProperty} (in
     * declaration order) with its current value (from {@code info}, else the URL, else the default),
     * description and choices, {@code required = false}; then one entry per given {@code var.*}
     * signin variable. Values are not validated here. Secret values are returned as given: a tool
     * echoes them back into its connection dialog.
     *
     * @param url  the parsed URL, or {@code null}
     * @param info properties, or {@code null}
     */
    static DriverPropertyInfo[] propertyInfo(JdbcUrl url, Properties info) {
        List<String> ignored = new ArrayList<>();
        Source fromUrl = Source.collect("URL", url == null ? Map.of() : url.properties(), ignored);
        Source fromInfo = Source.collect("Properties", toMap(info), ignored);
        List<DriverPropertyInfo> out = new ArrayList<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            String value = fromInfo.values.get(p);
            if (value == null) {
                value = fromUrl.values.get(p);
            }
            if (value == null && url != null) {
                if (p == ConnectionProperty.NAMESPACE) {
                    value = url.namespace();
                } else if (p == ConnectionProperty.DATABASE) {
                    value = url.database();
                }
            }
            if (value == null) {
                value = p.defaultValue();
            }
            DriverPropertyInfo d = new DriverPropertyInfo(p.key(), value);
            d.description = p.description() + (p.defaultValue() == null ? "" : " (default " + p.defaultValue() + ")");
            d.required = false;
            d.choices = p.choices().isEmpty() ? null : p.choices().toArray(new String[0]);
            out.add(d);
        }
        Map<String, String> vars = new LinkedHashMap<>(fromUrl.vars);
        vars.putAll(fromInfo.vars);
        for (Map.Entry<String, String> e : vars.entrySet()) {
            DriverPropertyInfo d = new DriverPropertyInfo(ConnectionProperty.SIGNIN_VARIABLE_PREFIX + e.getKey(),
                    e.getValue());
            d.description = "Signin variable '" + e.getKey() + "' for record access";
            d.required = false;
            out.add(d);
        }
        return out.toArray(new DriverPropertyInfo[0]);
    }

    // ------------------------------------------------------------------ internals

    /** The properties of one source, resolved to known properties, signin variables and unknowns. */
    private static final class Source {
        final Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
        final Map<String, String> vars = new LinkedHashMap<>();

        static Source collect(String origin, Map<String, String> given, List<String> warnings) {
            Source s = new Source();
            Map<ConnectionProperty, Integer> ranks = new EnumMap<>(ConnectionProperty.class);
            Map<ConnectionProperty, String> names = new EnumMap<>(ConnectionProperty.class);
            for (Map.Entry<String, String> e : given.entrySet()) {
                String name = e.getKey().trim();
                String value = e.getValue();
                if (ConnectionProperty.isSigninVariable(name)) {
                    s.vars.put(name.substring(ConnectionProperty.SIGNIN_VARIABLE_PREFIX.length()), value);
                    continue;
                }
                ConnectionProperty p = ConnectionProperty.forKey(name);
                if (p == null) {
                    String hint = name.equalsIgnoreCase("ssl") || name.equalsIgnoreCase("sslmode")
                            ? "; for TLS use a jdbc:surrealdb:wss:// or jdbc:surrealdb:https:// URL" : "";
                    warnings.add("Ignoring unknown connection property '" + name + "' (from " + origin + ")" + hint);
                    continue;
                }
                int rank = name.equals(p.key()) ? 0 : name.equalsIgnoreCase(p.key()) ? 1
                        : name.equals(p.alias()) ? 2 : 3;
                Integer previous = ranks.get(p);
                if (previous != null) {
                    String winner = rank < previous ? name : names.get(p);
                    if (!value.equals(s.values.get(p))) {
                        warnings.add("Connection property '" + p.key() + "' is given twice in " + origin + " (as '"
                                + names.get(p) + "' and '" + name + "'); using '" + winner + "'");
                    }
                    if (rank >= previous) {
                        continue;
                    }
                }
                ranks.put(p, rank);
                names.put(p, name);
                s.values.put(p, value);
            }
            return s;
        }
    }

    private static Map<String, String> toMap(Properties info) {
        Map<String, String> m = new TreeMap<>();
        if (info == null) {
            return m;
        }
        for (String name : info.stringPropertyNames()) {
            m.put(name, info.getProperty(name));
        }
        // values put() as non-strings (props.put("connectTimeout", 5)) are invisible to getProperty
        for (Map.Entry<Object, Object> e : info.entrySet()) {
            if (e.getKey() instanceof String k && !(e.getValue() instanceof String) && e.getValue() != null) {
                m.put(k, String.valueOf(e.getValue()));
            }
        }
        return m;
    }

    /** The normalized value, or {@code null} when it counts as unset. */
    private static String validate(ConnectionProperty p, String value) throws SQLException {
        String v = value.trim();
        switch (p.type()) {
            case STRING:
                return p.isSecret() ? (value.isEmpty() ? null : value) : (v.isEmpty() ? null : v);
            case BOOLEAN:
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "", "true", "yes", "on", "1":
                        return "true";
                    case "false", "no", "off", "0":
                        return "false";
                    default:
                        throw invalid(p, value, "is not a boolean; expected true or false");
                }
            case INT:
            case LONG: {
                long n;
                try {
                    n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
                } catch (NumberFormatException e) {
                    throw invalid(p, value, "is not a whole number; expected " + range(p));
                }
                if (n < p.min() || n > p.max() || (p.type() == ConnectionProperty.Type.INT
                        && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE))) {
                    throw invalid(p, value, "is out of range; expected " + range(p));
                }
                return Long.toString(n);
            }
            case ENUM:
                for (String c : p.choices()) {
                    if (c.equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                if (v.isEmpty()) {
                    return null;
                }
                throw invalid(p, value, "is not one of " + String.join(", ", p.choices()));
            default:
                throw new IllegalStateException(p.type().toString());
        }
    }

    private static String range(ConnectionProperty p) {
        String max = p.max() >= Integer.MAX_VALUE ? "" : " to " + p.max();
        return (max.isEmpty() ? "a whole number >= " + p.min() : "a whole number from " + p.min() + max)
                + (p.defaultValue() == null ? "" : " (default " + p.defaultValue() + ")");
    }

    private static void checkConsistency(Map<ConnectionProperty, String> values, Map<String, String> vars,
                                         String namespace, String database, List<String> warnings)
            throws SQLException {
        String level = values.get(ConnectionProperty.AUTH_LEVEL);
        boolean hasUser = values.containsKey(ConnectionProperty.USER);
        boolean hasAccess = values.containsKey(ConnectionProperty.ACCESS);
        boolean hasToken = values.containsKey(ConnectionProperty.TOKEN);
        if (level != null && hasToken) {
            throw conflict("'token' and 'authLevel' exclude each other: a token is used instead of a signin");
        }
        if (level != null) {
            switch (level) {
                case "record" -> {
                    if (!hasAccess) {
                        throw conflict("authLevel=record needs the 'access' property (the record access method name)");
                    }
                    if (namespace == null || database == null) {
                        throw conflict("authLevel=record needs a namespace and a database "
                                + "(URL path /namespace/database or the namespace and database properties)");
                    }
                }
                case "root", "namespace", "database" -> {
                    if (hasAccess) {
                        throw conflict("the 'access' property is only used with authLevel=record, not authLevel="
                                + level);
                    }
                    if (!hasUser) {
                        throw conflict("authLevel=" + level + " needs the 'user' and 'password' properties");
                    }
                    if (!level.equals("root") && namespace == null) {
                        throw conflict("authLevel=" + level + " needs a namespace "
                                + "(URL path /namespace or the namespace property)");
                    }
                    if (level.equals("database") && database == null) {
                        throw conflict("authLevel=database needs a database "
                                + "(URL path /namespace/database or the database property)");
                    }
                }
                default -> throw new IllegalStateException(level);
            }
        } else if (hasAccess && (namespace == null || database == null)) {
            throw conflict("record access ('access' property) needs a namespace and a database "
                    + "(URL path /namespace/database or the namespace and database properties)");
        }
        if (hasToken && (hasUser || hasAccess)) {
            warnings.add("Both 'token' and " + (hasUser ? "'user'" : "'access'")
                    + " are set; the token is used to authenticate and no signin is made");
        }
        if (values.containsKey(ConnectionProperty.PASSWORD) && !hasUser && !hasToken) {
            warnings.add("'password' is set without 'user'; it is ignored");
        }
        if (!vars.isEmpty() && !hasAccess) {
            warnings.add("Signin variables (var.*) are only sent with record access; set the 'access' property");
        }
        if (database != null && namespace == null) {
            throw conflict("a database is given without a namespace");
        }
    }

    private Duration seconds(ConnectionProperty p) {
        return Duration.ofSeconds(getInt(p));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static SQLException invalid(ConnectionProperty p, String value, String problem) {
        String shown = p.isSecret() ? ConnectionProperty.REDACTED
                : "'" + (value.length() > 64 ? value.substring(0, 61) + "..." : value) + "'";
        return new SQLNonTransientConnectionException("Invalid value for connection property '" + p.key() + "': "
                + shown + " " + problem, SqlStates.CONNECTION_UNABLE_TO_CONNECT);
    }

    private static SQLException conflict(String problem) {
        return new SQLNonTransientConnectionException("Invalid connection properties: " + problem,
                SqlStates.CONNECTION_UNABLE_TO_CONNECT);
    }
}

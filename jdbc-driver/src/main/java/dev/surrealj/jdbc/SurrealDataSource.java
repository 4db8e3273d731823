package dev.surrealj.jdbc;

import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for SurrealDB: a JavaBean with a setter for the URL, the credentials and every
 * connection property, for containers and pools. Each {@link #getConnection()} opens a new physical
 * connection; pool them with HikariCP (SurrealJ has no pool of its own).
 *
 * <pre>{@code
 * SurrealDataSource ds = new SurrealDataSource();
 * ds.setUrl("jdbc:surrealdb://localhost:8000/shop/main");
 * ds.setUser("root");
 * ds.setPassword(secret);
 * ds.setConnectTimeout(5);
 * try (Connection c = ds.getConnection()) { ... }
 *
 * // HikariCP
 * HikariConfig hc = new HikariConfig();
 * hc.setDataSourceClassName("dev.surrealj.jdbc.SurrealDataSource");
 * hc.addDataSourceProperty("url", "jdbc:surrealdb://localhost:8000/shop/main");
 * hc.addDataSourceProperty("user", "root");
 * hc.addDataSourceProperty("password", secret);
 * HikariDataSource pool = new HikariDataSource(hc);
 * }</pre>
 *
 * <p>Properties set here win over the URL's query parameters, as {@code Properties} do with
 * {@code DriverManager}. {@link #setProperty(String, String)} sets any property by name, including
 * signin variables ({@code var.email}). {@link #setLoginTimeout(int)} bounds connecting and signing in
 * (the {@code loginTimeout} property, when set, wins). {@link #toString()} never shows secrets.
 */
public class SurrealDataSource implements DataSource, Serializable {
    private static final long serialVersionUID = 1L;

    private String url;
    private final Properties properties = new Properties();
    private int loginTimeout;
    private transient PrintWriter logWriter;

    /** An empty data source: set at least the URL. */
    public SurrealDataSource() {
    }

    // ================================================================== DataSource

    @Override
    public Connection getConnection() throws SQLException {
        return open(properties);
    }

    /** A connection with other credentials than the ones set here. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (username == null) {
            p.remove("user");
        } else {
            p.setProperty("user", username);
        }
        if (password == null) {
            p.remove("password");
        } else {
            p.setProperty("password", password);
        }
        return open(p);
    }

    private Connection open(Properties p) throws SQLException {
        if (url == null || url.isBlank()) {
            throw SqlStates.connectionFailed("SurrealDataSource: the url is not set (setUrl(\"jdbc:surrealdb://"
                    + "host:8000/namespace/database\"))", null);
        }
        Properties copy = new Properties();
        copy.putAll(p);
        return SurrealDriver.open(url, copy, loginTimeout);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Stored only: the driver logs through {@link System.Logger} ({@code dev.surrealj}). */
    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = Math.max(0, seconds);
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.surrealj");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface.getName(), 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ================================================================== bean properties

    /** The JDBC URL, {@code jdbc:surrealdb://host:port/namespace/database[?props]}. */
    public void setUrl(String url) {
        this.url = url;
    }

    /** See {@link #setUrl(String)}. */
    public String getUrl() {
        return url;
    }

    /** Same as {@link #setUrl(String)} (the spelling some tools use). */
    public void setURL(String url) {
        setUrl(url);
    }

    /** See {@link #setUrl(String)}. */
    public String getURL() {
        return url;
    }

    /** User name to sign in with. */
    public void setUser(String user) {
        put("user", user);
    }

    /** See {@link #setUser(String)}. */
    public String getUser() {
        return properties.getProperty("user");
    }

    /** Same as {@link #setUser(String)}. */
    public void setUsername(String user) {
        setUser(user);
    }

    /** Password of the user (never shown by {@link #toString()}). */
    public void setPassword(String password) {
        put("password", password);
    }

    /**
     * Sets any connection property by name ({@code connectTimeout}, {@code var.email} …); {@code null}
     * removes it. Values are checked when a connection opens.
     */
    public void setProperty(String name, String value) {
        put(name, value);
    }

    /** A property set on this data source, or {@code null}. */
    public String getProperty(String name) {
        return properties.getProperty(name);
    }

    /** Adds all the given properties (see {@link #setProperty(String, String)}). */
    public void setProperties(Properties p) {
        if (p != null) {
            for (String n : p.stringPropertyNames()) {
                put(n, p.getProperty(n));
            }
        }
    }

    /** A signin variable for record access: {@code var.<name>}. */
    public void setSigninVariable(String name, String value) {
        put(ConnectionProperty.SIGNIN_VARIABLE_PREFIX + name, value);
    }

    /**
     * Every connection property with its current value (from this data source, else the URL, else the
     * default), as {@code Driver.getPropertyInfo} gives it.
     */
    public DriverPropertyInfo[] getPropertyInfo() throws SQLException {
        return new SurrealDriver().getPropertyInfo(url, properties);
    }

    private void put(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    private static int defaultInt(String key) {
        String d = ConnectionProperty.forKey(key).defaultValue();
        return d == null ? 0 : Integer.parseInt(d);
    }

    /** Namespace to use (overrides the URL path). */
    public void setNamespace(String value) {
        put("namespace", value);
    }

    /** See {@link #setNamespace}. */
    public String getNamespace() {
        return properties.getProperty("namespace");
    }

    /** Database to use (overrides the URL path). */
    public void setDatabase(String value) {
        put("database", value);
    }

    /** See {@link #setDatabase}. */
    public String getDatabase() {
        return properties.getProperty("database");
    }

    /** Where the user is defined: {@code root}, {@code namespace}, {@code database} or {@code record}. */
    public void setAuthLevel(String value) {
        put("authLevel", value);
    }

    /** See {@link #setAuthLevel}. */
    public String getAuthLevel() {
        return properties.getProperty("authLevel");
    }

    /** Record access method to sign in with. */
    public void setAccess(String value) {
        put("access", value);
    }

    /** See {@link #setAccess}. */
    public String getAccess() {
        return properties.getProperty("access");
    }

    /** Token (JWT) to authenticate with instead of user and password. */
    public void setToken(String value) {
        put("token", value);
    }

    /** Seconds to wait for the network connection; 0 waits forever. */
    public void setConnectTimeout(int value) {
        put("connectTimeout", String.valueOf(value));
    }

    /** See {@link #setConnectTimeout}. */
    public int getConnectTimeout() {
        String v = properties.getProperty("connectTimeout");
        return v == null ? defaultInt("connectTimeout") : Integer.parseInt(v.trim());
    }

    /** Default statement query timeout in seconds; 0 means none. */
    public void setQueryTimeout(int value) {
        put("queryTimeout", String.valueOf(value));
    }

    /** See {@link #setQueryTimeout}. */
    public int getQueryTimeout() {
        String v = properties.getProperty("queryTimeout");
        return v == null ? defaultInt("queryTimeout") : Integer.parseInt(v.trim());
    }

    /** Seconds one request may wait for its answer; 0 waits forever. */
    public void setRequestTimeout(int value) {
        put("requestTimeout", String.valueOf(value));
    }

    /** See {@link #setRequestTimeout}. */
    public int getRequestTimeout() {
        String v = properties.getProperty("requestTimeout");
        return v == null ? defaultInt("requestTimeout") : Integer.parseInt(v.trim());
    }

    /** Seconds between WebSocket keep-alive pings; 0 disables them. */
    public void setKeepAliveInterval(int value) {
        put("keepAliveInterval", String.valueOf(value));
    }

    /** See {@link #setKeepAliveInterval}. */
    public int getKeepAliveInterval() {
        String v = properties.getProperty("keepAliveInterval");
        return v == null ? defaultInt("keepAliveInterval") : Integer.parseInt(v.trim());
    }

    /** Start each connection at the next host of a multi-host URL. */
    public void setLoadBalanceHosts(boolean value) {
        put("loadBalanceHosts", String.valueOf(value));
    }

    /** See {@link #setLoadBalanceHosts}. */
    public boolean isLoadBalanceHosts() {
        String v = properties.getProperty("loadBalanceHosts");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("loadBalanceHosts").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** Re-open a lost WebSocket connection automatically. */
    public void setReconnect(boolean value) {
        put("reconnect", String.valueOf(value));
    }

    /** See {@link #setReconnect}. */
    public boolean isReconnect() {
        String v = properties.getProperty("reconnect");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("reconnect").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** How many times to try reconnecting. */
    public void setReconnectMaxAttempts(int value) {
        put("reconnectMaxAttempts", String.valueOf(value));
    }

    /** See {@link #setReconnectMaxAttempts}. */
    public int getReconnectMaxAttempts() {
        String v = properties.getProperty("reconnectMaxAttempts");
        return v == null ? defaultInt("reconnectMaxAttempts") : Integer.parseInt(v.trim());
    }

    /** Trust store file for wss:// and https://. */
    public void setTrustStore(String value) {
        put("trustStore", value);
    }

    /** See {@link #setTrustStore}. */
    public String getTrustStore() {
        return properties.getProperty("trustStore");
    }

    /** Password of the trust store. */
    public void setTrustStorePassword(String value) {
        put("trustStorePassword", value);
    }

    /** Type of the trust store (PKCS12, JKS). */
    public void setTrustStoreType(String value) {
        put("trustStoreType", value);
    }

    /** See {@link #setTrustStoreType}. */
    public String getTrustStoreType() {
        return properties.getProperty("trustStoreType");
    }

    /** Trust any server certificate (development only). */
    public void setInsecure(boolean value) {
        put("insecure", String.valueOf(value));
    }

    /** See {@link #setInsecure}. */
    public boolean isInsecure() {
        String v = properties.getProperty("insecure");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("insecure").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** Largest message accepted from the server, in bytes. */
    public void setMaxFrameSize(long value) {
        put("maxFrameSize", String.valueOf(value));
    }

    /** See {@link #setMaxFrameSize}. */
    public long getMaxFrameSize() {
        String v = properties.getProperty("maxFrameSize");
        return v == null ? Long.parseLong(ConnectionProperty.forKey("maxFrameSize").defaultValue()) : Long.parseLong(v.trim());
    }

    /** Deepest nesting of values accepted from the server. */
    public void setMaxDepth(int value) {
        put("maxDepth", String.valueOf(value));
    }

    /** See {@link #setMaxDepth}. */
    public int getMaxDepth() {
        String v = properties.getProperty("maxDepth");
        return v == null ? defaultInt("maxDepth") : Integer.parseInt(v.trim());
    }

    /** Default fetch size of statements (a hint). */
    public void setFetchSize(int value) {
        put("fetchSize", String.valueOf(value));
    }

    /** See {@link #setFetchSize}. */
    public int getFetchSize() {
        String v = properties.getProperty("fetchSize");
        return v == null ? defaultInt("fetchSize") : Integer.parseInt(v.trim());
    }

    /** Translate SQL into SurrealQL (needs surrealj-jooq on the class path, or the -all jar; see docs/sql-translation.md). */
    public void setSqlTranslation(boolean value) {
        put("sqlTranslation", String.valueOf(value));
    }

    /** See {@link #setSqlTranslation}. */
    public boolean isSqlTranslation() {
        String v = properties.getProperty("sqlTranslation");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("sqlTranslation").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** Class name of the SQL translator factory. */
    public void setSqlTranslatorFactory(String value) {
        put("sqlTranslatorFactory", value);
    }

    /** See {@link #setSqlTranslatorFactory}. */
    public String getSqlTranslatorFactory() {
        return properties.getProperty("sqlTranslatorFactory");
    }

    /** Records sampled to infer the columns of a schemaless table. */
    public void setMetadataSampleSize(int value) {
        put("metadataSampleSize", String.valueOf(value));
    }

    /** See {@link #setMetadataSampleSize}. */
    public int getMetadataSampleSize() {
        String v = properties.getProperty("metadataSampleSize");
        return v == null ? defaultInt("metadataSampleSize") : Integer.parseInt(v.trim());
    }

    /** Application name, reported as client info ApplicationName. */
    public void setApplicationName(String value) {
        put("applicationName", value);
    }

    /** See {@link #setApplicationName}. */
    public String getApplicationName() {
        return properties.getProperty("applicationName");
    }

    /** Open connections in read-only mode. */
    public void setReadOnly(boolean value) {
        put("readOnly", String.valueOf(value));
    }

    /** See {@link #setReadOnly}. */
    public boolean isReadOnly() {
        String v = properties.getProperty("readOnly");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("readOnly").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** Rewrite PreparedStatement INSERT batches into one INSERT of all rows. */
    public void setBatchRewrite(boolean value) {
        put("batchRewrite", String.valueOf(value));
    }

    /** See {@link #setBatchRewrite}. */
    public boolean isBatchRewrite() {
        String v = properties.getProperty("batchRewrite");
        return v == null ? Boolean.parseBoolean(ConnectionProperty.forKey("batchRewrite").defaultValue()) : Boolean.parseBoolean(v.trim());
    }

    /** Notifications buffered per live query. */
    public void setLiveQueryBuffer(int value) {
        put("liveQueryBuffer", String.valueOf(value));
    }

    /** See {@link #setLiveQueryBuffer}. */
    public int getLiveQueryBuffer() {
        String v = properties.getProperty("liveQueryBuffer");
        return v == null ? defaultInt("liveQueryBuffer") : Integer.parseInt(v.trim());
    }
    /** The URL and the properties set, secrets as {@code ***}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SurrealDataSource[")
                .append(url == null ? "no url" : JdbcUrl.redact(url));
        for (String n : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            sb.append(", ").append(n).append('=')
                    .append(ConnectionProperty.isSecretKey(n) ? ConnectionProperty.REDACTED : properties.getProperty(n));
        }
        return sb.append(']').toString();
    }
}

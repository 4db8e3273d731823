package dev.surrealj.jdbc;

import dev.surrealj.rpc.SurrealClient;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The SurrealJ JDBC driver for SurrealDB. Registered with {@link DriverManager} when the class loads and
 * through {@code META-INF/services/java.sql.Driver}, so nothing needs loading by hand.
 *
 * <pre>{@code
 * Properties p = new Properties();
 * p.setProperty("user", "root");
 * p.setProperty("password", secret);
 * try (Connection c = DriverManager.getConnection("jdbc:surrealdb://localhost:8000/shop/main", p);
 *      Statement st = c.createStatement();
 *      ResultSet rs = st.executeQuery("SELECT * FROM person WHERE age > 18")) {
 *     while (rs.next()) { ... }
 * }
 * }</pre>
 *
 * <h2>URLs</h2>
 * <pre>
 * jdbc:surrealdb://host[:port][,host2[:port]...]/namespace/database[?key=value&amp;...]   (WebSocket, port 8000)
 * jdbc:surrealdb:ws://…   jdbc:surrealdb:wss://…   jdbc:surrealdb:http://…   jdbc:surrealdb:https://…
 * </pre>
 * Properties come from the URL query and from the {@link Properties} given to {@code connect} (those
 * win); {@link #getPropertyInfo} lists them all with their defaults. Several hosts are tried in order
 * at connect (fail-over); with {@code loadBalanceHosts=true} each new connection starts at the next
 * host (round robin from a random start).
 *
 * <h2>Authentication</h2>
 * <ul>
 *   <li>{@code user} + {@code password}: a root user; with {@code authLevel=namespace} or
 *       {@code database} a user defined {@code ON NAMESPACE}/{@code ON DATABASE} (signed in with the
 *       URL's namespace and database).</li>
 *   <li>{@code access=<method>} + {@code var.<name>=<value>} properties: record access
 *       ({@code DEFINE ACCESS … TYPE RECORD}), signin variables {@code {NS, DB, AC, name: value …}}.</li>
 *   <li>{@code token=<jwt>}: {@code authenticate} instead of signing in.</li>
 *   <li>none: an anonymous session.</li>
 * </ul>
 * Wrong credentials fail with SQLState 28000 ({@link java.sql.SQLInvalidAuthorizationSpecException});
 * a server that cannot be reached with 08001 naming the hosts tried and the cause. Messages, logs and
 * {@code toString()} never show the password or the token. The login timeout is the
 * {@code loginTimeout} property, else {@link DriverManager#getLoginTimeout()}.
 */
public final class SurrealDriver implements Driver {
    /** Driver name reported by the metadata. */
    public static final String NAME = "SurrealJ";
    /** Driver major version. */
    public static final int MAJOR_VERSION = 0;
    /** Driver minor version. */
    public static final int MINOR_VERSION = 1;
    /** Driver version text. */
    public static final String VERSION;

    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");
    private static final SurrealDriver INSTANCE = new SurrealDriver();

    static {
        String v = SurrealDriver.class.getPackage() == null ? null
                : SurrealDriver.class.getPackage().getImplementationVersion();
        VERSION = v != null ? v : MAJOR_VERSION + "." + MINOR_VERSION + ".0-SNAPSHOT";
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot register the SurrealJ driver with DriverManager", e);
        }
    }

    /** A driver; {@link DriverManager} uses the instance registered when the class loads. */
    public SurrealDriver() {
    }

    /**
     * Connects; {@code null} for a URL that is not {@code jdbc:surrealdb:…} (the JDBC contract).
     *
     * @throws SQLException 08001 for a malformed URL, invalid properties or an unreachable server;
     *                      28000 for wrong credentials
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return open(url, info, DriverManager.getLoginTimeout());
    }

    /** Opens a connection with a given login timeout (seconds; 0 for none unless the property sets one). */
    static SurrealConnectionImpl open(String url, Properties info, int loginTimeoutSeconds) throws SQLException {
        JdbcUrl parsed = JdbcUrl.parse(url);
        ConnectionProperties props = ConnectionProperties.of(parsed, info);
        SqlTranslator translator = Translation.load(props); // before connecting: a missing translator fails fast
        SurrealClient client = Connector.connect(parsed, props, loginTimeoutSeconds);
        SurrealConnectionImpl c = new SurrealConnectionImpl(client, parsed, props);
        c.setTranslator(translator);
        LOG.log(System.Logger.Level.DEBUG, "connected: {0}", c);
        return c;
    }

    /** Whether the URL starts with {@code jdbc:surrealdb:} (case-insensitive). */
    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.acceptsURL(url);
    }

    /**
     * Every connection property with its current value (from {@code info}, else the URL, else the
     * default), description and choices. An unparsable URL of this driver gives the properties of
     * {@code info} alone; a foreign URL gives none.
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (url != null && !acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        JdbcUrl parsed = null;
        if (url != null) {
            try {
                parsed = JdbcUrl.parse(url);
            } catch (SQLException e) {
                parsed = null; // a URL being typed in a tool's dialog
            }
        }
        return ConnectionProperties.propertyInfo(parsed, info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** {@code false}: SurrealQL is not SQL-92 Entry Level, so the driver is not JDBC compliant. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** The {@code dev.surrealj} logger ({@link System.Logger} maps to java.util.logging by default). */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.surrealj");
    }

    @Override
    public String toString() {
        return NAME + " " + VERSION;
    }
}

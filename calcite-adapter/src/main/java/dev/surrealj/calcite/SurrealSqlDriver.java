package dev.surrealj.calcite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;

/**
 * Full SQL over one SurrealDB database from one URL, no model file: {@code jdbc:surrealdb-sql://host:port/ns/db}.
 * Everything after {@code jdbc:surrealdb-sql:} is a SurrealJ driver URL ({@code jdbc:surrealdb:…}), so the
 * same hosts, TLS forms ({@code wss://}) and properties apply.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:surrealdb-sql://localhost:8000/shop/main", "root", "secret");
 *      Statement s = c.createStatement();
 *      ResultSet rs = s.executeQuery("SELECT c.name, COUNT(*) FROM customer c JOIN orders o ON o.customer = c.id "
 *              + "GROUP BY c.name HAVING COUNT(*) > 5 ORDER BY 2 DESC")) { ... }
 * }</pre>
 *
 * <p>SQL is Calcite's, with identifiers case-insensitive, unquoted ones kept as written and {@code "…"}
 * quoting; Calcite connection properties ({@code lex}, {@code caseSensitive}, {@code conformance}, ...)
 * given in {@code Properties} override these. The database is the connection's schema. Closing the
 * connection closes its SurrealDB connection.
 */
public final class SurrealSqlDriver implements Driver {
    /** The URL prefix. */
    public static final String PREFIX = "jdbc:surrealdb-sql:";

    private static final Set<String> CALCITE_PROPERTIES = Stream.of(CalciteConnectionProperty.values())
            .map(p -> p.camelName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());

    static {
        try {
            DriverManager.registerDriver(new SurrealSqlDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates the driver (normally found by {@link DriverManager}). */
    public SurrealSqlDriver() {
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        String surrealUrl = "jdbc:surrealdb:" + url.substring(PREFIX.length());
        Properties calcite = new Properties();
        calcite.setProperty("caseSensitive", "false");
        calcite.setProperty("unquotedCasing", "UNCHANGED");
        calcite.setProperty("quotedCasing", "UNCHANGED");
        calcite.setProperty("quoting", "DOUBLE_QUOTE");
        Properties surreal = new Properties();
        if (info != null) {
            for (String k : info.stringPropertyNames()) {
                (CALCITE_PROPERTIES.contains(k.toLowerCase(Locale.ROOT)) ? calcite : surreal)
                        .setProperty(k, info.getProperty(k));
            }
        }
        SurrealSchema schema = new SurrealSchema(surrealUrl, surreal);
        Connection calciteConnection = null;
        try {
            String database = schema.connection().getSchema();
            if (database == null) {
                throw new SQLException("The URL names no database: " + SurrealSchema.redacted(url)
                        + " (expected jdbc:surrealdb-sql://host:port/namespace/database)", "08001");
            }
            calciteConnection = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", calcite);
            CalciteConnection cc = calciteConnection.unwrap(CalciteConnection.class);
            cc.getRootSchema().add(database, schema);
            cc.setSchema(database);
            return closingBoth(calciteConnection, schema);
        } catch (SQLException | RuntimeException e) {
            if (calciteConnection != null) {
                calciteConnection.close();
            }
            schema.close();
            throw e;
        }
    }

    private static Connection closingBoth(Connection calcite, SurrealSchema schema) {
        return (Connection) Proxy.newProxyInstance(SurrealSqlDriver.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            try {
                                calcite.close();
                            } finally {
                                schema.close();
                            }
                            return null;
                        case "unwrap":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        case "toString":
                            return "SurrealSqlConnection(" + schema + ")";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            break;
                    }
                    try {
                        return method.invoke(calcite, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "SurrealDB user";
        DriverPropertyInfo password = new DriverPropertyInfo("password", null);
        password.description = "SurrealDB password";
        return new DriverPropertyInfo[] {user, password};
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }
}

package dev.surrealj.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The driver's side of SQL translation ({@code sqlTranslation=true}): finds the {@link SqlTranslatorFactory},
 * recognises the {@value SqlTranslation#SURREALQL_HINT} hint and applies a connection's translator.
 */
final class Translation {
    /** The artifact that holds the default translator. */
    static final String ARTIFACT = "surrealj-jooq (dev.surrealj:surrealj-jooq, or the surrealj-jdbc-<version>-all.jar bundle)";

    private Translation() {
    }

    /**
     * The translator of a new connection, or {@code null} when translation is off.
     *
     * @throws SQLException 0A000 when translation is on but no factory is found, or the named one cannot be
     *                      instantiated
     */
    static SqlTranslator load(ConnectionProperties props) throws SQLException {
        if (!props.sqlTranslation()) {
            return null;
        }
        SqlTranslatorFactory factory = factory(props.sqlTranslatorFactory());
        SqlTranslator t;
        try {
            t = factory.create(props.publicValues());
        } catch (RuntimeException | LinkageError e) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslation=true: the SQL translator factory "
                    + factory.getClass().getName() + " failed: " + e, 0, e);
        }
        if (t == null) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslation=true: the SQL translator factory "
                    + factory.getClass().getName() + " returned no translator", 0, null);
        }
        return t;
    }

    static SqlTranslatorFactory factory(String className) throws SQLException {
        if (className != null && !className.isBlank()) {
            return named(className.strip());
        }
        List<SqlTranslatorFactory> found = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Translation.class.getClassLoader());
        ClassLoader ctx = Thread.currentThread().getContextClassLoader();
        if (ctx != null && ctx != loaders.get(0)) {
            loaders.add(ctx);
        }
        for (ClassLoader cl : loaders) {
            try {
                for (SqlTranslatorFactory f : ServiceLoader.load(SqlTranslatorFactory.class, cl)) {
                    found.add(f);
                }
            } catch (ServiceConfigurationError e) {
                throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslation=true: a registered SQL "
                        + "translator factory cannot be loaded (" + e.getMessage() + "); name it with the "
                        + "sqlTranslatorFactory property", 0, e);
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        if (found.isEmpty()) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslation=true but no SQL translator was "
                    + "found: put " + ARTIFACT + " on the class path, or name a factory with the sqlTranslatorFactory "
                    + "property (e.g. sqlTranslatorFactory=dev.surrealj.jooq.SqlToSurrealQL)", 0, null);
        }
        SqlTranslatorFactory best = found.get(0);
        for (SqlTranslatorFactory f : found) {
            if (f.priority() > best.priority()) {
                best = f;
            }
        }
        return best;
    }

    private static SqlTranslatorFactory named(String className) throws SQLException {
        Class<?> c = null;
        Throwable failure = null;
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Translation.class.getClassLoader());
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        for (ClassLoader cl : loaders) {
            try {
                c = Class.forName(className, true, cl);
                break;
            } catch (ClassNotFoundException | LinkageError e) {
                failure = e;
            }
        }
        if (c == null) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslatorFactory=" + className
                    + ": no such class (is " + ARTIFACT + " on the class path?)", 0, failure);
        }
        if (!SqlTranslatorFactory.class.isAssignableFrom(c)) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslatorFactory=" + className
                    + ": the class does not implement " + SqlTranslatorFactory.class.getName(), 0, null);
        }
        try {
            return (SqlTranslatorFactory) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "sqlTranslatorFactory=" + className
                    + ": cannot instantiate it with a public no-argument constructor: " + e, 0, e);
        }
    }

    /**
     * Whether {@code sql} starts with the hint {@code /*+ surrealql *}{@code /} (after white space; case and white
     * space inside the comment do not matter).
     */
    static boolean hasHint(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (!sql.startsWith("/*+", i)) {
            return false;
        }
        int end = sql.indexOf("*/", i + 3);
        if (end < 0) {
            return false;
        }
        return sql.substring(i + 3, end).strip().equalsIgnoreCase("surrealql");
    }

    /** The context a connection gives its translator. */
    static final class Context implements SqlTranslator.Context {
        private final SurrealConnectionImpl connection;

        Context(SurrealConnectionImpl connection) {
            this.connection = connection;
        }

        @Override
        public String parameterName(int index) {
            return Placeholders.variableName(index);
        }

        @Override
        public Map<String, String> fieldTypes(String table) throws SQLException {
            return connection.schemas().definedFieldTypes(table);
        }

        @Override
        public String tableDefinition(String table) throws SQLException {
            return connection.schemas().tableDefinition(table);
        }

        @Override
        public String serverVersion() {
            try {
                return connection.getServerVersion();
            } catch (SQLException e) {
                return "";
            }
        }
    }
}

package dev.surrealj.jooq;

import dev.surrealj.jdbc.SqlTranslation;
import dev.surrealj.jdbc.SqlTranslator;
import dev.surrealj.value.SurrealQL;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;

/**
 * The translator behind {@link SqlToSurrealQL}: parses SQL with jOOQ's parser (JDBC {@code ?} parameters bound to
 * {@link ParameterMarker}s), renders every statement with the SurrealQL renderer (joins along record links through
 * {@link LinkJoins}), and writes parameter <i>n</i> as the driver's variable {@code $_jdbc_n}. Thread-safe.
 */
final class SqlTranslatorImpl implements SqlTranslator {
    static final SqlTranslatorImpl INSTANCE = new SqlTranslatorImpl(Integer.getInteger("surrealj.sqlTranslationCacheSize",
            2048));

    /** What the cache holds for text that is not SQL (sent as SurrealQL). */
    private static final SqlTranslation PASSTHROUGH = SqlTranslation.of("", 0);

    private final DSLContext parserContext;
    private final Lru cache;

    SqlTranslatorImpl(int cacheSize) {
        // a JDBC driver inside a GUI tool must not print jOOQ's banner and tips into the tool's console (set before
        // jOOQ's first use; an application's own setting wins)
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
        Settings s = new Settings()
                .withParseNameCase(ParseNameCase.AS_IS)
                .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
                .withParseDialect(SQLDialect.DEFAULT)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        this.parserContext = DSL.using(SQLDialect.DEFAULT, s);
        this.cache = new Lru(Math.max(0, cacheSize));
    }

    @Override
    public SqlTranslation translate(String sql, Context context) throws SQLException {
        SurrealVersion version = SurrealVersion.fromServerVersion(context.serverVersion());
        String key = version.name() + '\u0000' + sql;
        SqlTranslation cached = cache.get(key);
        if (cached != null) {
            return cached == PASSTHROUGH ? null : cached;
        }
        LinkJoins joins = new LinkJoins(context, version.isV3());
        SqlTranslation t = translate(sql, version, context, joins);
        if (!joins.consulted()) {
            cache.put(key, t == null ? PASSTHROUGH : t);
        }
        return t;
    }

    /** Number of cached translations (tests). */
    int cacheSize() {
        return cache.size();
    }

    private SqlTranslation translate(String sql, SurrealVersion version, Context context, LinkJoins joins)
            throws SQLException {
        int count = SqlLexer.countParameters(sql);
        if (count < 0) {
            return null; // unterminated string or comment: not SQL we read; the server reports it
        }
        Object[] markers = new Object[count];
        for (int i = 0; i < count; i++) {
            markers[i] = new ParameterMarker(i + 1);
        }
        Queries queries;
        try {
            queries = parserContext.parser().parse(sql, markers);
        } catch (ParserException e) {
            return null; // not SQL: SurrealQL (or a mistake the server will report)
        } catch (RuntimeException e) {
            return null;
        }
        Query[] qs = queries.queries();
        if (qs.length == 0) {
            return null;
        }
        for (Query q : qs) {
            if (!isDml(q)) {
                return null; // DDL, transactions, SET …: sent as they are
            }
        }
        SurrealQLRenderer renderer = SurrealQLRenderer.of(version);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        for (int k = 0; k < qs.length; k++) {
            if (k > 0) {
                out.append(";\n");
            }
            SurrealQLRenderer.Rendered r;
            try {
                r = renderer.render(qs[k], Renderer.POSITIONAL, joins);
            } catch (UnsupportedSurrealQLException e) {
                String m = e.getMessage() == null ? "" : hideLiterals(e.getMessage().strip());
                throw new SQLFeatureNotSupportedException("Cannot translate this SQL to SurrealQL: " + m
                        + (m.endsWith(".") ? "" : ".") + " To send SurrealQL unchanged, start the statement with " + SqlTranslation.SURREALQL_HINT + ".",
                        "0A000", e);
            } catch (RuntimeException e) {
                throw new SQLFeatureNotSupportedException("Cannot translate this SQL to SurrealQL (" + e.getClass().getName()
                        + ": " + hideLiterals(String.valueOf(e.getMessage())) + "). To send "
                        + "SurrealQL unchanged, start the statement with " + SqlTranslation.SURREALQL_HINT + ".",
                        "0A000", e);
            }
            if (r.hiddenColumns && r.columns() != null) {
                // ORDER BY a field that is not selected: SurrealQL needs it in the selection; project it away
                out.append("SELECT ");
                for (int i = 0; i < r.columns().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    Idents.ident(out, r.columns().get(i));
                }
                out.append(" FROM (");
                substitute(out, r, context);
                out.append(')');
            } else if (qs[k] instanceof QOM.Insert<?> && r.sql().endsWith(" RETURN id")) {
                // a plain INSERT: without the RETURN the driver rewrites a PreparedStatement batch of it into one
                // multi-row INSERT (the update count is the same: one per record)
                int at = out.length();
                substitute(out, r, context);
                out.setLength(out.length() - " RETURN id".length());
                assert out.length() > at;
            } else {
                substitute(out, r, context);
            }
        }
        return SqlTranslation.of(out.toString(), count);
    }

    /** String literals of the statement may be secrets: messages show {@code '…'} instead. */
    static String hideLiterals(String message) {
        return message.replaceAll("'(?:[^'\\\\]|''|\\\\.)*'", "'…'");
    }

    private static boolean isDml(Query q) {
        return q instanceof Select<?> || q instanceof QOM.Insert<?> || q instanceof QOM.Update<?>
                || q instanceof QOM.Delete<?> || q instanceof QOM.InsertReturning<?>
                || q instanceof QOM.UpdateReturning<?> || q instanceof QOM.DeleteReturning<?>;
    }

    /** Appends the rendered text with each placeholder replaced: a JDBC parameter's variable, or a literal. */
    private static void substitute(StringBuilder out, SurrealQLRenderer.Rendered r, Context context) {
        String sql = r.sql();
        int pos = 0;
        for (int i = 0; i < r.bindCount(); i++) {
            out.append(sql, pos, r.start(i));
            Object v = r.bind(i);
            if (v instanceof ParameterMarker m) {
                out.append('$').append(context.parameterName(m.index()));
            } else if (v instanceof String s) {
                Idents.string(out, s);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
                out.append(v);
            } else if (v == null) {
                out.append("NULL");
            } else {
                out.append(SurrealQL.literal(v));
            }
            pos = r.end(i);
        }
        out.append(sql, pos, sql.length());
    }

    /** A bounded LRU map (access order) under a lock. */
    static final class Lru {
        private final int capacity;
        private final ReentrantLock lock = new ReentrantLock();
        private final LinkedHashMap<String, SqlTranslation> map;

        Lru(int capacity) {
            this.capacity = capacity;
            this.map = new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SqlTranslation> eldest) {
                    return size() > Lru.this.capacity;
                }
            };
        }

        SqlTranslation get(String key) {
            lock.lock();
            try {
                return map.get(key);
            } finally {
                lock.unlock();
            }
        }

        void put(String key, SqlTranslation value) {
            if (capacity == 0) {
                return;
            }
            lock.lock();
            try {
                map.put(key, value);
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return map.size();
            } finally {
                lock.unlock();
            }
        }

        List<String> keys() {
            lock.lock();
            try {
                return List.copyOf(map.keySet());
            } finally {
                lock.unlock();
            }
        }
    }
}

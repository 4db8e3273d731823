package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.Kind;
import dev.surrealj.jdbc.Placeholders.Token;
import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.rpc.SurrealException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The field types of the {@code SCHEMAFULL} tables of one connection, for result set metadata:
 * read with {@code INFO FOR …} only when a result set's {@code getMetaData()} (or the columns of an
 * empty {@code SELECT *}) asks, and cached until the connection runs a {@code DEFINE}, {@code REMOVE},
 * {@code ALTER}, {@code REBUILD} or {@code USE} statement, or changes namespace/database.
 *
 * <p>The first request reads {@code INFO FOR DB} (which tables are SCHEMAFULL) together with
 * {@code INFO FOR TABLE t}; later ones only {@code INFO FOR TABLE} of another SCHEMAFULL table, and
 * nothing for a SCHEMALESS or undefined table (its types are inferred from the values). A refused
 * {@code INFO} (e.g. for a record user) counts as "no schema" and is cached too. Schema changes made by
 * <em>other</em> connections are seen after this connection's next schema statement or namespace
 * change.
 *
 * <p>Types come from the {@code TYPE} clause of each {@code DEFINE FIELD} definition ({@link #fieldType}):
 * 3.x shows {@code option<int>} as {@code none | int}, which {@link SurrealTypes#parse} reads as a
 * nullable {@code int}; a field without {@code TYPE} is {@code any}.
 */
final class TableSchemas {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");
    /** At most this many tables are cached; more clears the cache. */
    static final int MAX_TABLES = 512;

    private final SurrealConnectionImpl connection;
    /** table → field types ({@code Optional.empty()}: none). */
    private final Map<String, Optional<Map<String, String>>> byTable = new ConcurrentHashMap<>();
    /** table → DEFINE TABLE text of the current database, once read. */
    private volatile Map<String, String> tableDefinitions;
    /** Bumped by {@link #invalidate()}: answers to requests sent before are not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** table → defined field types, schemafull or not (SQL translation). */
    private final Map<String, Map<String, String>> defined = new ConcurrentHashMap<>();
    /** Number of INFO requests sent (tests). */
    private volatile int requests;

    TableSchemas(SurrealConnectionImpl connection) {
        this.connection = connection;
    }

    /** Forgets everything (the schema or the namespace/database changed). */
    synchronized void invalidate() {
        generation.incrementAndGet();
        tableDefinitions = null;
        byTable.clear();
        defined.clear();
    }

    /**
     * The defined fields of {@code table} and their types, schemafull or schemaless (for SQL translation); empty
     * when there are none or the schema cannot be read.
     */
    Map<String, String> definedFieldTypes(String table) throws SQLException {
        Map<String, String> cached = defined.get(table);
        if (cached != null) {
            return cached;
        }
        long gen = generation.get();
        Map<String, String> types = fieldTypes(info("INFO FOR TABLE " + quote(table), 1).get(0));
        Map<String, String> out = types == null ? Map.of() : types;
        synchronized (this) {
            if (gen == generation.get()) {
                if (defined.size() >= MAX_TABLES) {
                    defined.clear();
                }
                defined.put(table, out);
            }
        }
        return out;
    }

    /** The {@code DEFINE TABLE} text of {@code table} in the current database, or {@code null}. */
    String tableDefinition(String table) throws SQLException {
        Map<String, String> defs = tableDefinitions;
        if (defs == null) {
            long gen = generation.get();
            Object db = info("INFO FOR DB", 1).get(0);
            defs = db instanceof Map<?, ?> m && m.get("tables") instanceof Map<?, ?> t ? strings(t) : Map.of();
            synchronized (this) {
                if (gen == generation.get()) {
                    tableDefinitions = defs;
                }
            }
        }
        return defs.get(table);
    }

    /** Number of {@code INFO} requests sent so far. */
    int requests() {
        return requests;
    }

    /** The lazy source of the types of {@code select}'s columns ({@code null} without a table). */
    ResultSetContext.SchemaSource source(SelectInfo select) {
        String table = select.table();
        if (table == null) {
            return null;
        }
        return new ResultSetContext.SchemaSource() {
            @Override
            public Map<String, String> load() throws SQLException {
                return select.filterSchema(types(table));
            }

            @Override
            public Map<String, String> cached() {
                Optional<Map<String, String>> o = byTable.get(table);
                return o == null ? null : select.filterSchema(o.orElse(null));
            }
        };
    }

    /** The field types of {@code table} (all fields, the table's order), or {@code null} when it has none. */
    Map<String, String> types(String table) throws SQLException {
        Optional<Map<String, String>> cached = byTable.get(table);
        if (cached != null) {
            return cached.orElse(null);
        }
        long gen = generation.get();
        Map<String, String> defs = tableDefinitions;
        String quoted = quote(table);
        Map<String, String> types = null;
        if (defs == null) {
            List<Object> answers = info("INFO FOR DB; INFO FOR TABLE " + quoted, 2);
            defs = answers.get(0) instanceof Map<?, ?> db && db.get("tables") instanceof Map<?, ?> t
                    ? strings(t) : Map.of();
            if (isSchemafull(defs.get(table))) {
                types = fieldTypes(answers.get(1));
            }
        } else if (isSchemafull(defs.get(table))) {
            types = fieldTypes(info("INFO FOR TABLE " + quoted, 1).get(0));
        }
        store(gen, table, defs, types);
        return types;
    }

    /** Caches an answer unless {@link #invalidate()} ran since the request was sent. */
    private synchronized void store(long gen, String table, Map<String, String> defs, Map<String, String> types) {
        if (gen != generation.get()) {
            return;
        }
        tableDefinitions = defs;
        if (byTable.size() >= MAX_TABLES) {
            byTable.clear();
        }
        byTable.put(table, Optional.ofNullable(types));
    }

    /** The results of an INFO script; {@code null}s when the server refuses (permissions …). */
    private List<Object> info(String script, int count) throws SQLException {
        connection.checkOpen();
        requests++;
        List<Object> out = new ArrayList<>(Collections.nCopies(count, null));
        try {
            SurrealClient c = connection.client();
            List<QueryResult> r = c.withTimeout(connection.metadataTimeout()).query(script).await();
            for (int i = 0; i < count && i < r.size(); i++) {
                if (r.get(i).isOk()) {
                    out.set(i, r.get(i).result());
                }
            }
        } catch (SurrealException e) {
            if (e.isConnectionError()) {
                throw ExceptionMapper.map(e);
            }
            LOG.log(System.Logger.Level.DEBUG, "cannot read the schema: " + e.getMessage());
        }
        return out;
    }

    private static Map<String, String> strings(Map<?, ?> m) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
        return out;
    }

    /** {@code `name`} with {@code \} and {@code `} escaped. */
    static String quote(String table) {
        return "`" + table.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** The {@code fields} of an {@code INFO FOR TABLE} answer as field → type text; {@code null} if none. */
    static Map<String, String> fieldTypes(Object tableInfo) {
        if (!(tableInfo instanceof Map<?, ?> info) || !(info.get("fields") instanceof Map<?, ?> fields)
                || fields.isEmpty()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String type = fieldType(String.valueOf(e.getValue()));
            out.put(String.valueOf(e.getKey()), type == null ? "any" : type);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Whether a {@code DEFINE TABLE} text says {@code SCHEMAFULL} (before its view query, permissions, comment). */
    static boolean isSchemafull(String definition) {
        if (definition == null) {
            return false;
        }
        for (Token t : significant(definition)) {
            if (t.kind() == Kind.WORD) {
                String w = word(definition, t);
                if (w.equals("SCHEMAFULL")) {
                    return true;
                }
                if (w.equals("SCHEMALESS") || w.equals("AS") || w.equals("PERMISSIONS") || w.equals("COMMENT")) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Clauses of DEFINE FIELD that end its TYPE. */
    private static final Set<String> AFTER_TYPE = Set.of("DEFAULT", "VALUE", "ASSERT", "READONLY", "PERMISSIONS",
            "COMMENT", "REFERENCE", "COMPUTED", "FLEXIBLE");

    /**
     * The type text of a {@code DEFINE FIELD … ON … TYPE t …} definition ({@code "none | int"},
     * {@code "array<string>"} …), or {@code null} when it has no {@code TYPE} clause.
     */
    static String fieldType(String definition) {
        List<Token> t = significant(definition);
        int depth = 0;
        int on = -1;
        int typeStart = -1;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            switch (k.kind()) {
                case CLOSE_PAREN, CLOSE_BRACKET, CLOSE_BRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            boolean top = depth == 0 && k.kind() == Kind.WORD;
            if (top && on < 0 && i > 2 && word(definition, k).equals("ON")) {
                on = i;
                // ON [TABLE] name
                if (i + 1 < t.size() && word(definition, t.get(i + 1)).equals("TABLE") && i + 2 < t.size()) {
                    i++;
                }
                i++;
            } else if (top && on >= 0) {
                String w = word(definition, k);
                if (typeStart < 0 && w.equals("TYPE") && i + 1 < t.size()) {
                    typeStart = t.get(i + 1).start();
                } else if (typeStart >= 0 && AFTER_TYPE.contains(w)) {
                    return definition.substring(typeStart, k.start()).strip();
                }
            }
            switch (k.kind()) {
                case OPEN_PAREN, OPEN_BRACKET, OPEN_BRACE -> depth++;
                default -> {
                }
            }
        }
        return typeStart < 0 ? null : definition.substring(typeStart).strip();
    }

    private static List<Token> significant(String text) {
        try {
            List<Token> out = new ArrayList<>();
            for (Token t : Placeholders.tokenize(text)) {
                if (t.kind() != Kind.WHITESPACE && t.kind() != Kind.COMMENT) {
                    out.add(t);
                }
            }
            return out;
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static String word(String s, Token t) {
        return s.substring(t.start(), t.end()).toUpperCase(Locale.ROOT);
    }
}

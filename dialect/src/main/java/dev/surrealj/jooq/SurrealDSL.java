package dev.surrealj.jooq;

import dev.surrealj.jdbc.SurrealConnection;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.value.RecordId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.CloseableDSLContext;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ on SurrealDB: typed jOOQ queries rendered as SurrealQL and run through the SurrealJ JDBC driver, plus the
 * SurrealDB extensions (record ids, graph traversal, KNN, full-text search, FETCH …).
 *
 * <pre>{@code
 * DSLContext dsl = SurrealDSL.using(DriverManager.getConnection("jdbc:surrealdb://localhost:8000/shop/main", props));
 * Table<Record> PERSON = table(name("person"));
 * Field<String> NAME = field(name("name"), String.class);
 * Field<Integer> AGE = field(name("age"), Integer.class);
 *
 * Result<Record2<String, Integer>> adults = dsl.select(NAME, AGE).from(PERSON)
 *         .where(AGE.ge(18).and(NAME.like("T%")))
 *         .orderBy(AGE.desc(), NAME).limit(10).offset(20)
 *         .fetch();
 * // SELECT name, age FROM person WHERE age >= ? AND (type::is_string(name) AND string::starts_with(name, ?))
 * //   ORDER BY age DESC, name LIMIT ? START ?
 *
 * dsl.insertInto(PERSON, NAME, AGE).values("Tobie", 36).values("Jaime", 35).execute();
 * // INSERT INTO person [{name: ?, age: ?}, {name: ?, age: ?}] RETURN id
 *
 * List<Person> people = dsl.selectFrom(PERSON).where(AGE.gt(30)).fetchInto(Person.class);  // records / POJOs
 *
 * dsl.select(NAME, graph().out("follows").out("person").field("name").as("follows"))
 *    .from(PERSON).where(field(name("id")).eq(recordId("person", "tobie"))).fetch();
 * // SELECT name, ->follows->person.name AS follows FROM person WHERE id = ?
 * }</pre>
 *
 * <h2>How it works</h2>
 * jOOQ (SQL dialect {@code DEFAULT}) builds the queries; an execute listener replaces the SQL jOOQ renders by
 * the SurrealQL of {@link SurrealQLRenderer} (a walk over jOOQ's query object model) and binds its values as JDBC
 * parameters ({@code ?}, which the driver sends as {@code $_jdbc_n} variables). Values are never spliced into the
 * text. SurrealDB returns object keys sorted; rows are read back by column label in select order.
 *
 * <h2>SQL → SurrealQL</h2>
 * <table>
 *   <caption>mapping</caption>
 *   <tr><td>{@code LIMIT n OFFSET m}</td><td>{@code LIMIT n START m}</td></tr>
 *   <tr><td>{@code x IN (a, b)}</td><td>{@code x IN [a, b]}</td></tr>
 *   <tr><td>{@code x IN (SELECT y …)}</td><td>{@code x IN (SELECT VALUE y …)}</td></tr>
 *   <tr><td>{@code x IS NULL}</td><td>{@code x IS NONE OR x IS NULL} (a missing field is NONE)</td></tr>
 *   <tr><td>{@code count(*)}, {@code count(x)}</td><td>{@code count()}, {@code count(x IS NOT NONE AND x IS NOT NULL)}</td></tr>
 *   <tr><td>{@code sum/avg/min/max}</td><td>{@code math::sum/mean/min/max} ({@code time::min/max} for datetimes)</td></tr>
 *   <tr><td>aggregates without GROUP BY</td><td>{@code GROUP ALL}</td></tr>
 *   <tr><td>{@code DISTINCT}</td><td>{@code GROUP BY} every selected field</td></tr>
 *   <tr><td>{@code HAVING c}</td><td>an outer {@code SELECT … FROM (…) WHERE c}</td></tr>
 *   <tr><td>ORDER BY / GROUP BY a field not selected</td><td>the field is added to the selection (SurrealQL needs it)</td></tr>
 *   <tr><td>{@code LIKE 'a%'} / {@code '%a'} / {@code '%a%'}</td><td>{@code string::starts_with / ends_with / contains}</td></tr>
 *   <tr><td>other LIKE patterns, {@code ILIKE}</td><td>{@code string::matches(x, regex)} with the pattern translated</td></tr>
 *   <tr><td>{@code BETWEEN a AND b}</td><td>{@code x >= a AND x <= b}</td></tr>
 *   <tr><td>{@code EXISTS (…)}</td><td>{@code array::len((… LIMIT 1)) > 0}</td></tr>
 *   <tr><td>scalar subquery</td><td>{@code (SELECT VALUE …)[0]}</td></tr>
 *   <tr><td>{@code upper, lower, trim, length, substring, replace, concat}</td><td>{@code string::*} (NULL-safe)</td></tr>
 *   <tr><td>{@code abs, ceil, floor, round, sqrt, power, ln, log, exp, sign, greatest, least}</td><td>{@code math::*}</td></tr>
 *   <tr><td>{@code current_timestamp}, {@code extract}, {@code dateAdd}</td><td>{@code time::now()}, {@code time::*}, {@code + duration::from_*()}</td></tr>
 *   <tr><td>{@code coalesce}, {@code case}, {@code nullif}, {@code cast}</td><td>{@code ??}, {@code IF … { } ELSE { }}, {@code <type>}</td></tr>
 *   <tr><td>{@code INSERT … VALUES}</td><td>{@code INSERT INTO t [{…}, …]}; {@code ON DUPLICATE KEY UPDATE} with {@code $input}</td></tr>
 *   <tr><td>{@code RETURNING}</td><td>{@code RETURN} (DELETE: {@code RETURN $before.f AS f})</td></tr>
 *   <tr><td>JOIN, UNION, window functions, CTEs</td><td>{@link UnsupportedSurrealQLException} naming the Calcite adapter</td></tr>
 * </table>
 * NULL written by INSERT and UPDATE is {@code NONE} (the field is absent), which reads back as NULL.
 */
public final class SurrealDSL {
    private SurrealDSL() {
    }

    // ============================================================================== entry points

    /** A jOOQ context running on a SurrealJ connection; the server version is read at the first query. */
    public static DSLContext using(Connection connection) {
        return using(connection, null);
    }

    /** A jOOQ context running on a SurrealJ connection, rendering for {@code version} (null: ask the server). */
    public static DSLContext using(Connection connection, SurrealVersion version) {
        return configure(new DefaultConfiguration().set(connection), version).dsl();
    }

    /** A jOOQ context taking connections from a data source (e.g. a HikariCP pool of SurrealJ connections). */
    public static DSLContext using(DataSource dataSource) {
        return using(dataSource, null);
    }

    /** A jOOQ context taking connections from a data source, rendering for {@code version} (null: ask the server). */
    public static DSLContext using(DataSource dataSource, SurrealVersion version) {
        return configure(new DefaultConfiguration().set(dataSource), version).dsl();
    }

    /** A jOOQ context on a new connection to {@code url} ({@code jdbc:surrealdb://host:port/ns/db}); close it after use. */
    public static CloseableDSLContext using(String url) {
        return using(url, new Properties());
    }

    /** A jOOQ context on a new connection to {@code url} with a user and password; close it after use. */
    public static CloseableDSLContext using(String url, String user, String password) {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return using(url, p);
    }

    /** A jOOQ context on a new connection to {@code url} with driver properties; close it after use. */
    public static CloseableDSLContext using(String url, Properties properties) {
        CloseableDSLContext ctx = DSL.using(url, properties);
        configure(ctx.configuration(), null);
        return ctx;
    }

    /**
     * Makes a jOOQ configuration run on SurrealDB: dialect {@code DEFAULT}, SurrealJ's execute listener (kept
     * alongside existing ones), settings that fit the driver. The configuration is changed in place and returned.
     *
     * @param version the SurrealQL version, or null to read it from the server at the first query
     */
    public static Configuration configure(Configuration configuration, SurrealVersion version) {
        SurrealConfig config = new SurrealConfig(version);
        Settings settings = configuration.settings() == null ? new Settings() : configuration.settings();
        settings.setRenderFormatted(false);
        settings.setFetchWarnings(false);
        configuration.set(SQLDialect.DEFAULT).set(settings);
        List<org.jooq.ExecuteListenerProvider> listeners = new ArrayList<>(
                List.of(configuration.executeListenerProviders()));
        listeners.add(new DefaultExecuteListenerProvider(new ExecuteHook(config)));
        configuration.set(listeners.toArray(new org.jooq.ExecuteListenerProvider[0]));
        configuration.data(SurrealConfig.KEY, config);
        return configuration;
    }

    /** The SurrealQL version a SurrealJ context renders (read from the server when not known yet). */
    public static SurrealVersion version(DSLContext dsl) {
        SurrealConfig c = SurrealConfig.of(dsl.configuration());
        if (c == null) {
            return SurrealVersion.V3;
        }
        if (c.version() == null) {
            return dsl.connectionResult(c::resolve);
        }
        return c.version();
    }

    /** The renderer of a SurrealJ context (its version). */
    public static SurrealQLRenderer renderer(DSLContext dsl) {
        return SurrealQLRenderer.of(version(dsl));
    }

    // ============================================================================== values and paths

    /** A value always sent as a bound parameter, handed to the driver as it is (maps, lists, geometries, ids …). */
    public static Field<Object> bind(Object value) {
        return DSL.val(value, Bridge.OBJECT);
    }

    /** A value bound with the type (and converter) of {@code like}. */
    static <T> Field<T> bindAs(T value, Field<T> like) {
        return DSL.val(value, like.getDataType());
    }

    /** SurrealQL's {@code NONE} (an absent value; assigning it removes a field). */
    public static Field<Object> none() {
        return new IdiomField<>("NONE", "none", SurrealDataTypes.ANY);
    }

    /** A field by path: {@code "name"}, {@code "address.city"} (each part escaped when needed). */
    public static Field<Object> path(String path) {
        return path(path, SurrealDataTypes.ANY);
    }

    /** A typed field by path: {@code path("address.city", SQLDataType.VARCHAR)}. */
    public static <T> Field<T> path(String path, DataType<T> type) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '.') {
                if (i == from) {
                    throw new IllegalArgumentException("empty part in path: " + path);
                }
                parts.add(path.substring(from, i));
                from = i + 1;
            }
        }
        Name name = DSL.name(parts.toArray(new String[0]));
        return DSL.field(name, type);
    }

    /** A typed field by path. */
    public static <T> Field<T> path(String path, Class<T> type) {
        return path(path, SQLDataType.OTHER.asConvertedDataType(new PassthroughBinding<>(type)));
    }

    /**
     * SurrealQL text used as a field exactly as written (trusted text, like jOOQ's plain SQL): an idiom such as
     * {@code tags[WHERE $this > 2]}, {@code $auth.id}, {@code ->(likes WHERE weight > 2)->post}.
     *
     * @param name the field's name (its column label when selected)
     */
    public static <T> Field<T> idiom(String surql, String name, Class<T> type) {
        return new IdiomField<>(surql, name, SurrealDataTypes.of(type));
    }

    /** SurrealQL text used as a field exactly as written; its name is the text. */
    public static Field<Object> idiom(String surql) {
        return new IdiomField<>(surql, surql, SurrealDataTypes.ANY);
    }

    /** A session or query variable: {@code $name} ({@code $auth}, {@code $session}, or one set with LET). */
    public static Field<Object> variable(String name) {
        if (!Idents.isIdentText(name)) {
            throw new IllegalArgumentException("not a variable name: " + name);
        }
        return new IdiomField<>("$" + name, name, SurrealDataTypes.ANY);
    }

    // ============================================================================== record ids

    /** A record id value {@code table:key} (bound; any key: string, number, UUID, array, object). */
    public static Field<RecordId> recordId(String table, Object key) {
        return recordId(new RecordId(table, key));
    }

    /** A record id value (bound). */
    public static Field<RecordId> recordId(RecordId id) {
        return DSL.val(id, SurrealDataTypes.RECORD_ID);
    }

    /** A record id from a key expression: {@code type::record('t', key)} (2.x: {@code type::thing}). */
    public static Field<RecordId> recordId(String table, Field<?> key) {
        return new RecordIdField(table, key);
    }

    /** A table made of a record id, for {@code selectFrom(table(id))}, {@code update(table(id))}: {@code FROM ?}. */
    public static Table<Record> table(RecordId id) {
        return new TargetTable(id.table(), recordId(id));
    }

    /** A table made of any value or expression (an array of record ids, a record range …). */
    public static Table<Record> table(String name, Field<?> target) {
        return new TargetTable(name, target);
    }

    /** {@code ONLY t}: a single record (an object) instead of an array. */
    public static Table<Record> only(Table<?> table) {
        return new OnlyTable(table);
    }

    // ============================================================================== SELECT extensions

    /** {@code SELECT VALUE field}: marks the single field of a SELECT whose rows are the values themselves. */
    public static <T> Field<T> value(Field<T> field) {
        return new ValueField<>(field);
    }

    /** A SELECT with SurrealQL's own clauses (FETCH, SPLIT, TIMEOUT, EXPLAIN, WITH INDEX, ONLY, VALUE). */
    public static <R extends Record> SurrealSelect<R> select(Select<R> select) {
        return SurrealSelect.of(select);
    }

    /** A graph traversal from the current record: {@code graph().out("follows").out("person")}. */
    public static Graph graph() {
        return new Graph(null);
    }

    /** A graph traversal from a record: {@code (?)->likes->post} with the id bound. */
    public static Graph graph(RecordId from) {
        return new Graph(recordId(from));
    }

    /** A graph traversal from any expression yielding records. */
    public static Graph graph(Field<?> from) {
        return new Graph(from);
    }

    // ============================================================================== operators

    /** {@code a CONTAINS b}: array {@code a} contains {@code b} (a string contains a substring). */
    public static Condition contains(Field<?> a, Object b) {
        return new OperatorCondition(a, "CONTAINS", field(b));
    }

    /** {@code a CONTAINSANY b}. */
    public static Condition containsAny(Field<?> a, Object b) {
        return new OperatorCondition(a, "CONTAINSANY", field(b));
    }

    /** {@code a CONTAINSALL b}. */
    public static Condition containsAll(Field<?> a, Object b) {
        return new OperatorCondition(a, "CONTAINSALL", field(b));
    }

    /** {@code a CONTAINSNONE b}. */
    public static Condition containsNone(Field<?> a, Object b) {
        return new OperatorCondition(a, "CONTAINSNONE", field(b));
    }

    /** {@code a INSIDE b}: {@code a} is an element of array {@code b}. */
    public static Condition inside(Field<?> a, Object b) {
        return new OperatorCondition(a, "INSIDE", field(b));
    }

    /** {@code a ALLINSIDE b}. */
    public static Condition allInside(Field<?> a, Object b) {
        return new OperatorCondition(a, "ALLINSIDE", field(b));
    }

    /** {@code a ANYINSIDE b}. */
    public static Condition anyInside(Field<?> a, Object b) {
        return new OperatorCondition(a, "ANYINSIDE", field(b));
    }

    /** {@code a NONEINSIDE b}. */
    public static Condition noneInside(Field<?> a, Object b) {
        return new OperatorCondition(a, "NONEINSIDE", field(b));
    }

    /** {@code a OUTSIDE b} (geometries). */
    public static Condition outside(Field<?> a, Object b) {
        return new OperatorCondition(a, "OUTSIDE", field(b));
    }

    /** {@code a INTERSECTS b} (geometries). */
    public static Condition intersects(Field<?> a, Object b) {
        return new OperatorCondition(a, "INTERSECTS", field(b));
    }

    private static Field<?> field(Object v) {
        return v instanceof Field<?> f ? f : bind(v);
    }

    // ============================================================================== functions

    /**
     * A SurrealQL function call, e.g. {@code function("string::slug", String.class, NAME)}; arguments that are not
     * fields are bound. 2.x / 3.x spellings ({@code ::is::} / {@code ::is_}, {@code ::from::} / {@code ::from_},
     * {@code type::thing} / {@code type::record}) are adapted to the server.
     */
    public static <T> Field<T> function(String name, Class<T> type, Object... args) {
        return new FunctionField<>(name, SurrealDataTypes.of(type), fields(args), false);
    }

    /** A SurrealQL aggregate function (its presence makes a SELECT grouped: {@code GROUP ALL} when no GROUP BY). */
    public static <T> Field<T> aggregate(String name, Class<T> type, Object... args) {
        return new FunctionField<>(name, SurrealDataTypes.of(type), fields(args), true);
    }

    private static List<Field<?>> fields(Object... args) {
        List<Field<?>> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(field(a));
        }
        return out;
    }

    // ============================================================================== vectors

    /** The distance metrics of {@link #knn(Field, int, Distance, Object)} and {@code vector::distance::*}. */
    public enum Distance {
        /** Euclidean. */
        EUCLIDEAN,
        /** Cosine. */
        COSINE,
        /** Manhattan. */
        MANHATTAN,
        /** Chebyshev. */
        CHEBYSHEV,
        /** Hamming. */
        HAMMING,
        /** Jaccard. */
        JACCARD,
        /** Pearson. */
        PEARSON
    }

    /**
     * {@code field <|k|> $vector}: the k nearest neighbours through an M-tree index (SurrealDB 2.x only: 3.x has no
     * M-tree and rejects the form, so rendering for 3.x fails; 2.x finds nothing through an HNSW index this way).
     * Prefer {@link #knn(Field, int, int, Object)} (HNSW) or {@link #knn(Field, int, Distance, Object)} (brute force).
     */
    public static Condition knn(Field<?> field, int k, Object vector) {
        return new KnnCondition(field, k, null, field(vector));
    }

    /** {@code field <|k,ef|> $vector}: k nearest neighbours through an HNSW index with search size {@code ef}. */
    public static Condition knn(Field<?> field, int k, int ef, Object vector) {
        return new KnnCondition(field, k, Integer.toString(ef), field(vector));
    }

    /** {@code field <|k,COSINE|> $vector}: k nearest neighbours by brute force with a distance metric. */
    public static Condition knn(Field<?> field, int k, Distance distance, Object vector) {
        return new KnnCondition(field, k, distance.name(), field(vector));
    }

    /** {@code vector::distance::knn()}: the distance computed by the query's KNN condition. */
    public static Field<Double> knnDistance() {
        return new FunctionField<>("vector::distance::knn", SurrealDataTypes.of(Double.class), List.of(), false);
    }

    /** {@code vector::similarity::cosine(a, b)}. */
    public static Field<Double> cosineSimilarity(Field<?> a, Object b) {
        return function("vector::similarity::cosine", Double.class, a, b);
    }

    /** {@code vector::similarity::jaccard(a, b)}. */
    public static Field<Double> jaccardSimilarity(Field<?> a, Object b) {
        return function("vector::similarity::jaccard", Double.class, a, b);
    }

    /** {@code vector::similarity::pearson(a, b)}. */
    public static Field<Double> pearsonSimilarity(Field<?> a, Object b) {
        return function("vector::similarity::pearson", Double.class, a, b);
    }

    /** {@code vector::distance::<metric>(a, b)}. */
    public static Field<Double> vectorDistance(Distance metric, Field<?> a, Object b) {
        return function("vector::distance::" + metric.name().toLowerCase(java.util.Locale.ROOT), Double.class, a, b);
    }

    // ============================================================================== full-text search

    /** {@code field @@ $query}: full-text match (needs a FULLTEXT / SEARCH index on the field). */
    public static Condition matches(Field<?> field, String query) {
        return new MatchesCondition(field, -1, bind(query));
    }

    /** {@code field @ref@ $query}: full-text match with a reference for {@link #searchScore(int)} and friends. */
    public static Condition matches(Field<?> field, int ref, String query) {
        if (ref < 0) {
            throw new IllegalArgumentException("negative match reference");
        }
        return new MatchesCondition(field, ref, bind(query));
    }

    /** {@code search::score(ref)}: the BM25 relevance of the match {@code ref}. */
    public static Field<Double> searchScore(int ref) {
        return new IdiomField<>("search::score(" + ref + ")", "score", SurrealDataTypes.of(Double.class));
    }

    /** {@code search::highlight(pre, post, ref)}: the matched field with the terms wrapped (needs HIGHLIGHTS). */
    public static Field<Object> searchHighlight(String prefix, String suffix, int ref) {
        return new FunctionField<>("search::highlight", SurrealDataTypes.ANY,
                List.of(DSL.inline(prefix), DSL.inline(suffix), DSL.inline(ref)), false);
    }

    /** {@code search::offsets(ref)}: the positions of the matched terms. */
    public static Field<Object> searchOffsets(int ref) {
        return new IdiomField<>("search::offsets(" + ref + ")", "offsets", SurrealDataTypes.ANY);
    }

    // ============================================================================== statements

    /** {@code CREATE table …}. */
    public static SurrealMutation create(String table) {
        return new SurrealMutation(SurrealMutation.Kind.CREATE, table);
    }

    /** {@code CREATE ?} with a record id. */
    public static SurrealMutation create(RecordId id) {
        return new SurrealMutation(SurrealMutation.Kind.CREATE, id);
    }

    /** {@code CREATE table …} with a jOOQ table. */
    public static SurrealMutation create(Table<?> table) {
        return new SurrealMutation(SurrealMutation.Kind.CREATE, table);
    }

    /** {@code UPDATE table …} (SET, MERGE, CONTENT, REPLACE, PATCH). */
    public static SurrealMutation update(String table) {
        return new SurrealMutation(SurrealMutation.Kind.UPDATE, table);
    }

    /** {@code UPDATE ?} a record. */
    public static SurrealMutation update(RecordId id) {
        return new SurrealMutation(SurrealMutation.Kind.UPDATE, id);
    }

    /** {@code UPDATE} any target (a table, a field holding ids …). */
    public static SurrealMutation update(Table<?> table) {
        return new SurrealMutation(SurrealMutation.Kind.UPDATE, table);
    }

    /** {@code UPSERT table …}. */
    public static SurrealMutation upsert(String table) {
        return new SurrealMutation(SurrealMutation.Kind.UPSERT, table);
    }

    /** {@code UPSERT ?} a record (created when missing). */
    public static SurrealMutation upsert(RecordId id) {
        return new SurrealMutation(SurrealMutation.Kind.UPSERT, id);
    }

    /** {@code UPSERT} a jOOQ table. */
    public static SurrealMutation upsert(Table<?> table) {
        return new SurrealMutation(SurrealMutation.Kind.UPSERT, table);
    }

    /** {@code DELETE table …}. */
    public static SurrealMutation delete(String table) {
        return new SurrealMutation(SurrealMutation.Kind.DELETE, table);
    }

    /** {@code DELETE ?} a record. */
    public static SurrealMutation delete(RecordId id) {
        return new SurrealMutation(SurrealMutation.Kind.DELETE, id);
    }

    /** {@code DELETE} a jOOQ table. */
    public static SurrealMutation delete(Table<?> table) {
        return new SurrealMutation(SurrealMutation.Kind.DELETE, table);
    }

    /** {@code RELATE (?)->edge->(?)} between two records. */
    public static SurrealRelate relate(RecordId from, String edge, RecordId to) {
        return new SurrealRelate(from, edge, to);
    }

    /** {@code RELATE} from a record to the records of a subquery (or any other combination). */
    public static SurrealRelate relate(Object from, String edge, Object to) {
        return new SurrealRelate(from, edge, to);
    }

    // ============================================================================== live queries

    /**
     * Starts {@code LIVE SELECT …} for a jOOQ SELECT (fields, FROM, WHERE; no ORDER BY, LIMIT or GROUP BY) and
     * returns the driver's subscription; closing it kills the live query. Needs a WebSocket connection.
     *
     * <pre>{@code
     * try (LiveSubscription sub = SurrealDSL.live(dsl, dsl.selectFrom(table("person")).where(AGE.gt(18)))) {
     *     sub.listen(n -> System.out.println(n.action() + " " + n.record()));
     *     ...
     * }
     * }</pre>
     */
    public static LiveSubscription live(DSLContext dsl, Select<?> select) {
        return live(dsl, select, false);
    }

    /** {@code LIVE SELECT DIFF FROM …} when {@code diff}: notifications carry JSON Patches. */
    public static LiveSubscription live(DSLContext dsl, Select<?> select, boolean diff) {
        if (!select.$orderBy().isEmpty() || select.$limit() != null || select.$offset() != null
                || !select.$groupBy().isEmpty() || select.$distinct()) {
            throw new UnsupportedSurrealQLException("LIVE SELECT takes fields, FROM and WHERE only "
                    + "(no ORDER BY, LIMIT, OFFSET, GROUP BY or DISTINCT)");
        }
        SurrealQLRenderer.Rendered r = renderLive(version(dsl), select, diff);
        ConnectionProvider cp = dsl.configuration().connectionProvider();
        Connection c = cp.acquire();
        try {
            LiveSubscription sub = c.unwrap(SurrealConnection.class).liveQuery(r.sql(), r.variables());
            sub.done().whenComplete((v, e) -> cp.release(c));
            return sub;
        } catch (SQLException | RuntimeException e) {
            cp.release(c);
            throw new DataAccessException("LIVE SELECT failed: " + e.getMessage(), e instanceof SQLException s ? s
                    : new SQLException(e));
        }
    }

    /** The SurrealQL of a LIVE SELECT with named variables ({@code $p1 …}). */
    public static SurrealQLRenderer.Rendered renderLive(SurrealVersion version, Select<?> select, boolean diff) {
        Renderer r = new Renderer(version, Renderer.NAMED);
        r.sql("LIVE ");
        if (diff) {
            r.liveDiff(select);
        } else {
            r.selectRows(select, SelectOptions.NONE);
        }
        return r.result();
    }
}

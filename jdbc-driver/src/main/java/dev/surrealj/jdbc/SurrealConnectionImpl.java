package dev.surrealj.jdbc;

import dev.surrealj.rpc.Credentials;
import dev.surrealj.rpc.LiveSubscription;
import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.RpcConfig;
import dev.surrealj.rpc.RpcOperations;
import dev.surrealj.rpc.RpcTransaction;
import dev.surrealj.rpc.SurrealClient;
import dev.surrealj.rpc.SurrealException;
import dev.surrealj.rpc.Tokens;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The driver's {@link java.sql.Connection}: one RPC client (one WebSocket, or the stateless HTTP
 * transport) and the JDBC state around it.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li><b>Transactions.</b> Autocommit is on by default: every request runs on its own (a script's
 *       {@code BEGIN … COMMIT} still works). {@code setAutoCommit(false)} on a SurrealDB 3.x server over
 *       WebSocket opens an interactive transaction lazily: the first statement afterwards sends
 *       {@code begin}, every later request carries the transaction id, {@code commit()} /
 *       {@code rollback()} send {@code commit} / {@code cancel}, and the next statement begins a new
 *       transaction. SurrealDB 2.x and the HTTP transport have no interactive transactions:
 *       {@code setAutoCommit(false)} fails there with {@link java.sql.SQLFeatureNotSupportedException}
 *       (0A000) and the connection stays in autocommit mode. A conflict (at a statement or at commit)
 *       raises {@link java.sql.SQLTransactionRollbackException} with SQLState 40001: run the
 *       transaction again.</li>
 *   <li><b>Isolation.</b> SurrealDB 3 transactions are optimistic and snapshot-isolated: a transaction
 *       reads one snapshot (no dirty, non-repeatable or phantom reads) and conflicting writes fail at
 *       commit, but write skew is possible. That is what PostgreSQL calls REPEATABLE READ, so the
 *       driver reports {@link #TRANSACTION_REPEATABLE_READ}. {@code setTransactionIsolation} accepts
 *       that level and the weaker READ UNCOMMITTED / READ COMMITTED (the JDBC rule lets a driver
 *       substitute a stronger level; the level reported stays REPEATABLE READ); SERIALIZABLE and NONE
 *       fail with 0A000.</li>
 *   <li><b>Read-only.</b> {@code setReadOnly} stores the flag and {@code isReadOnly} reports it; it is
 *       a hint and is not enforced (SurrealDB has no read-only session; permissions do that).</li>
 *   <li><b>Catalog and schema.</b> The catalog is the namespace, the schema the database;
 *       {@code setCatalog}/{@code setSchema} send {@code use}. A {@code USE} statement run through a
 *       statement is noticed: the next {@code getCatalog}/{@code getSchema} asks the server.</li>
 *   <li><b>Timeouts.</b> {@code setNetworkTimeout} sets the time every request may take (client side);
 *       0 means the {@code requestTimeout} property. {@code isValid} pings within its own timeout.</li>
 *   <li><b>Holdability.</b> Result sets are fully in memory, so they are
 *       {@link ResultSet#HOLD_CURSORS_OVER_COMMIT}: {@code getHoldability} always reports it, and asking
 *       for {@code CLOSE_CURSORS_AT_COMMIT} ({@code setHoldability}, {@code createStatement} …) adds an
 *       {@link SQLWarning} and keeps it.</li>
 *   <li><b>Result set metadata.</b> The field types of SCHEMAFULL tables that {@code getMetaData()} reports
 *       are read when first asked and cached per connection ({@link TableSchemas}) until it runs a
 *       {@code DEFINE}/{@code REMOVE}/{@code ALTER}/{@code REBUILD}/{@code USE} statement or changes
 *       namespace/database.</li>
 *   <li>Savepoints, {@code createStruct}, LOBs and SQLXML: 0A000. A closed connection: 08003.</li>
 * </ul>
 */
final class SurrealConnectionImpl implements SurrealConnection {
    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");

    /** Client info properties the connection knows. */
    static final List<String> CLIENT_INFO_NAMES = List.of("ApplicationName", "ClientUser", "ClientHostname");

    private final SurrealClient client;
    private final JdbcUrl url;
    private final ConnectionProperties props;
    private final Set<SurrealStatement> statements = ConcurrentHashMap.newKeySet();
    private final ReentrantLock txLock = new ReentrantLock();
    private final Map<String, String> clientInfo = new ConcurrentHashMap<>();

    private volatile boolean closed;
    private volatile boolean autoCommit = true;
    private volatile RpcTransaction transaction;
    private volatile boolean readOnly;
    private volatile int networkTimeoutMillis;
    private volatile String namespace;
    private volatile String database;
    private volatile boolean sessionDirty;
    private final TableSchemas schemas = new TableSchemas(this);
    private volatile Map<String, Class<?>> typeMap = new HashMap<>();
    private SQLWarning warnings;
    private SurrealDatabaseMetaData metaData;
    /** The SQL translator ({@code sqlTranslation=true}), or null. */
    private volatile SqlTranslator translator;
    private final Translation.Context translationContext = new Translation.Context(this);

    SurrealConnectionImpl(SurrealClient client, JdbcUrl url, ConnectionProperties props) {
        this.client = client;
        this.url = url;
        this.props = props;
        this.namespace = props.namespace();
        this.database = props.database();
        this.readOnly = props.readOnly();
        if (props.applicationName() != null) {
            clientInfo.put("ApplicationName", props.applicationName());
        }
        for (String w : props.warnings()) {
            addWarning(new SQLWarning(w, "01000"));
        }
    }

    // ================================================================== internals for statements

    /** Installs the SQL translator ({@code sqlTranslation=true}). */
    void setTranslator(SqlTranslator t) {
        this.translator = t;
    }

    /** Whether this connection translates SQL. */
    boolean translating() {
        return translator != null;
    }

    /**
     * The translation of {@code sql}, or {@code null} when it is sent as SurrealQL: translation is off, the text
     * starts with the {@value SqlTranslation#SURREALQL_HINT} hint, or the translator does not read it as SQL.
     */
    SqlTranslation translate(String sql) throws SQLException {
        SqlTranslator t = translator;
        if (t == null || Translation.hasHint(sql)) {
            return null;
        }
        checkOpen();
        try {
            return t.translate(sql, translationContext);
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, "SQL translation failed: " + e.getMessage(),
                    0, e);
        }
    }

    /**
     * A prepared statement's text as SurrealQL with its {@code ?} parameters: translated when the connection
     * translates, else lexed by {@link Placeholders#parse}.
     */
    Placeholders.Parsed prepare(String sql, boolean translate) throws SQLException {
        SqlTranslation t = translate ? translate(sql) : null;
        if (t != null) {
            return new Placeholders.Parsed(t.surrealQL(), t.parameterCount(), 0);
        }
        return Placeholders.parse(sql);
    }

    ConnectionProperties properties() {
        return props;
    }

    JdbcUrl url() {
        return url;
    }

    SurrealClient client() {
        return client;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlStates.connectionClosed("The connection");
        }
        if (client.isClosed()) {
            closed = true;
            throw SqlStates.create(SqlStates.CONNECTION_DOES_NOT_EXIST,
                    "The connection is closed: the link to the server was lost", 0, null);
        }
    }

    boolean isHttp() {
        return client.config().transport() == RpcConfig.Transport.HTTP;
    }

    /**
     * The operations for the next request: the open transaction (begun now when autocommit is off
     * and none is open), with the timeout the statement and the connection ask for.
     *
     * @param queryTimeoutSeconds the statement's query timeout, 0 for none
     */
    RpcOperations operations(int queryTimeoutSeconds) throws SQLException {
        checkOpen();
        RpcOperations base = client;
        if (!autoCommit) {
            base = ensureTransaction();
        }
        return withTimeout(base, queryTimeoutSeconds);
    }

    private RpcOperations withTimeout(RpcOperations base, int queryTimeoutSeconds) {
        long millis = 0;
        if (queryTimeoutSeconds > 0) {
            millis = queryTimeoutSeconds * 1000L;
        }
        int net = networkTimeoutMillis;
        if (net > 0 && (millis == 0 || net < millis)) {
            millis = net;
        }
        return millis > 0 ? base.withTimeout(Duration.ofMillis(millis)) : base;
    }

    private RpcTransaction ensureTransaction() throws SQLException {
        RpcTransaction t = transaction;
        if (t != null) {
            return t;
        }
        txLock.lock();
        try {
            if (transaction == null) {
                try {
                    transaction = withTimeoutTx(client).begin().await();
                } catch (SurrealException e) {
                    throw ExceptionMapper.map(e, "Cannot begin a transaction");
                }
            }
            return transaction;
        } finally {
            txLock.unlock();
        }
    }

    private RpcOperations withTimeoutTx(RpcOperations base) {
        int net = networkTimeoutMillis;
        return net > 0 ? base.withTimeout(Duration.ofMillis(net)) : base;
    }

    void register(SurrealStatement s) {
        statements.add(s);
    }

    void statementClosed(SurrealStatement s) {
        statements.remove(s);
    }

    /**
     * Called after a request ran: notices {@code USE} statements and schema changes ({@code DEFINE},
     * {@code REMOVE} …), which drop the cached table schemas.
     */
    void afterExecute(boolean ranUse, boolean changedSchema) {
        if (ranUse) {
            sessionDirty = true;
        }
        if (ranUse || changedSchema) {
            schemas.invalidate();
        }
    }

    /** The cached field types of SCHEMAFULL tables, for result set metadata. */
    TableSchemas schemas() {
        return schemas;
    }

    /** The timeout of the driver's own metadata requests: the network timeout, else 30 s. */
    Duration metadataTimeout() {
        int net = networkTimeoutMillis;
        return net > 0 ? Duration.ofMillis(net) : Duration.ofSeconds(30);
    }

    /** Called when a request failed: a lost connection forgets the transaction. */
    void afterFailure(SQLException e) {
        String s = e.getSQLState();
        if (s != null && s.startsWith("08") && transaction != null) {
            transaction = null;
        }
    }

    Object toSurreal(Object value) throws SQLException {
        return Conversions.toSurreal(value);
    }

    synchronized void addWarning(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    private SQLException map(SurrealException e) {
        SQLException s = ExceptionMapper.map(e);
        afterFailure(s);
        return s;
    }

    // ================================================================== statements

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, HOLDABILITY);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency, HOLDABILITY);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        SurrealStatement s = new SurrealStatement(this, checkType(type), checkConcurrency(concurrency),
                checkHoldability(holdability));
        register(s);
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, HOLDABILITY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, HOLDABILITY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkOpen();
        SurrealPreparedStatementImpl s = new SurrealPreparedStatementImpl(this, sql, checkType(type),
                checkConcurrency(concurrency), checkHoldability(holdability));
        register(s);
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw SqlStates.create("HY092", "Invalid autoGeneratedKeys value " + autoGeneratedKeys, 0, null);
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, HOLDABILITY);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql, type, concurrency, HOLDABILITY);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkOpen();
        SurrealCallableStatement s = new SurrealCallableStatement(this, sql, checkType(type),
                checkConcurrency(concurrency), checkHoldability(holdability));
        register(s);
        return s;
    }

    private int checkType(int type) throws SQLException {
        switch (type) {
            case ResultSet.TYPE_FORWARD_ONLY:
                return type;
            case ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.TYPE_SCROLL_SENSITIVE:
                addWarning(new SQLWarning("Scrollable result sets are not supported; using TYPE_FORWARD_ONLY",
                        "01000"));
                return ResultSet.TYPE_FORWARD_ONLY;
            default:
                throw SqlStates.create("HY024", "Invalid result set type " + type, 0, null);
        }
    }

    private int checkConcurrency(int concurrency) throws SQLException {
        switch (concurrency) {
            case ResultSet.CONCUR_READ_ONLY:
                return concurrency;
            case ResultSet.CONCUR_UPDATABLE:
                addWarning(new SQLWarning("CONCUR_UPDATABLE is not supported; using CONCUR_READ_ONLY", "01000"));
                return ResultSet.CONCUR_READ_ONLY;
            default:
                throw SqlStates.create("HY024", "Invalid result set concurrency " + concurrency, 0, null);
        }
    }

    /**
     * The holdability of every result set: they are fully in memory, so a commit (or rollback) never
     * closes them.
     */
    static final int HOLDABILITY = ResultSet.HOLD_CURSORS_OVER_COMMIT;

    /**
     * Checks a requested holdability: {@link ResultSet#CLOSE_CURSORS_AT_COMMIT} is accepted with a
     * warning and becomes {@link #HOLDABILITY} (as unsupported result set types and concurrencies do).
     */
    private int checkHoldability(int h) throws SQLException {
        if (h == HOLDABILITY) {
            return h;
        }
        if (h == ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            addWarning(new SQLWarning("CLOSE_CURSORS_AT_COMMIT is not supported: result sets are held in memory "
                    + "and stay open after commit; using HOLD_CURSORS_OVER_COMMIT", "01000"));
            return HOLDABILITY;
        }
        throw SqlStates.create("HY024", "Invalid result set holdability " + h, 0, null);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return prepare(SurrealStatement.requireSql(sql), true).sql();
    }

    // ================================================================== transactions

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on == autoCommit) {
            return;
        }
        if (on) {
            commit0();
            autoCommit = true;
            return;
        }
        int major = client.serverMajorVersion();
        if (major != 0 && major < 3) {
            throw SqlStates.unsupported("SurrealDB " + client.serverVersion() + " has no interactive transactions: "
                    + "setAutoCommit(false) needs SurrealDB 3.x. Use a BEGIN TRANSACTION; ...; COMMIT TRANSACTION; "
                    + "script in one statement instead");
        }
        if (isHttp()) {
            throw SqlStates.unsupported("The HTTP transport has no interactive transactions: setAutoCommit(false) "
                    + "needs a WebSocket URL (jdbc:surrealdb:// or jdbc:surrealdb:ws://). Use a BEGIN TRANSACTION; "
                    + "...; COMMIT TRANSACTION; script in one statement instead");
        }
        autoCommit = false;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlStates.create(SqlStates.INVALID_TRANSACTION_STATE, "commit() called in autocommit mode", 0, null);
        }
        commit0();
    }

    private void commit0() throws SQLException {
        txLock.lock();
        try {
            RpcTransaction t = transaction;
            transaction = null;
            if (t != null) {
                try {
                    t.commit().await();
                } catch (SurrealException e) {
                    throw ExceptionMapper.map(e, "Commit failed");
                }
            }
        } finally {
            txLock.unlock();
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlStates.create(SqlStates.INVALID_TRANSACTION_STATE, "rollback() called in autocommit mode", 0,
                    null);
        }
        rollback0();
    }

    private void rollback0() throws SQLException {
        txLock.lock();
        try {
            RpcTransaction t = transaction;
            transaction = null;
            if (t != null) {
                try {
                    t.cancel().await();
                } catch (SurrealException e) {
                    if (!e.isConnectionError()) {
                        throw ExceptionMapper.map(e, "Rollback failed");
                    }
                }
            }
        } finally {
            txLock.unlock();
        }
    }

    /** Whether an interactive transaction is open on the server. */
    boolean inTransaction() {
        return transaction != null;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ -> {
            }
            default -> throw SqlStates.unsupported("Transaction isolation level " + level + " is not supported: "
                    + "SurrealDB transactions are snapshot-isolated (TRANSACTION_REPEATABLE_READ)");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("SurrealDB has no savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return setSavepoint();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    // ================================================================== state

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (catalog == null) {
            return;
        }
        use(catalog, null);
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        refreshSession();
        return namespace;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null) {
            return;
        }
        use(null, schema);
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        refreshSession();
        return database;
    }

    private void refreshSession() {
        if (!sessionDirty) {
            return;
        }
        sessionDirty = false;
        try {
            List<QueryResult> r = withTimeoutTx(client).query("RETURN [session::ns(), session::db()]").await();
            if (r.get(0).orThrow() instanceof List<?> l && l.size() == 2) {
                namespace = l.get(0) instanceof String s ? s : null;
                database = l.get(1) instanceof String s ? s : null;
            }
        } catch (SurrealException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read the session's namespace and database", e);
        }
    }

    @Override
    public void use(String ns, String db) throws SQLException {
        checkOpen();
        if (ns == null && db == null) {
            return;
        }
        try {
            withTimeoutTx(client).use(ns, db).await();
        } catch (SurrealException e) {
            throw map(e);
        } finally {
            schemas.invalidate();
        }
        if (ns != null) {
            namespace = ns;
        }
        if (db != null) {
            database = db;
        }
    }

    @Override
    public String getNamespace() throws SQLException {
        return getCatalog();
    }

    @Override
    public String getDatabase() throws SQLException {
        return getSchema();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLDABILITY;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return typeMap;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        this.typeMap = map == null ? new HashMap<>() : map;
    }

    @Override
    public synchronized SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public synchronized void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    // ================================================================== liveness

    @Override
    public boolean isClosed() {
        return closed || client.isClosed();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw SqlStates.create("HY092", "isValid timeout must be >= 0: " + timeout, 0, null);
        }
        if (isClosed()) {
            return false;
        }
        try {
            Duration d = timeout == 0 ? Duration.ofSeconds(30) : Duration.ofSeconds(timeout);
            client.withTimeout(d).ping().await(d.plusMillis(250));
            return true;
        } catch (SurrealException e) {
            LOG.log(System.Logger.Level.DEBUG, "isValid: ping failed: {0}", e.getMessage());
            return false;
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw SqlStates.create("HY092", "Network timeout must be >= 0: " + milliseconds, 0, null);
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlStates.create("HY092", "abort needs an executor", 0, null);
        }
        if (closed) {
            return;
        }
        closed = true;
        transaction = null;
        executor.execute(() -> {
            client.close(); // pending requests fail at once, so statements close without waiting
            closeStatements();
        });
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            RpcTransaction t = transaction;
            transaction = null;
            if (t != null && !client.isClosed()) {
                try {
                    t.cancel().await(Duration.ofSeconds(5));
                } catch (SurrealException e) {
                    LOG.log(System.Logger.Level.DEBUG, "cancel on close failed: {0}", e.getMessage());
                }
            }
        } finally {
            client.close(); // pending requests fail at once, so statements close without waiting
            closeStatements();
        }
    }

    private void closeStatements() {
        for (SurrealStatement s : new ArrayList<>(statements)) {
            try {
                s.close();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a statement failed", e);
            }
        }
        statements.clear();
    }

    // ================================================================== client info

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            failed.put(name, ClientInfoStatus.REASON_UNKNOWN);
            throw new SQLClientInfoException("The connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST, 0,
                    failed);
        }
        String known = null;
        for (String n : CLIENT_INFO_NAMES) {
            if (n.equalsIgnoreCase(name)) {
                known = n;
            }
        }
        if (known == null) {
            addWarning(new SQLWarning("Unknown client info property '" + name + "' ignored; known: "
                    + CLIENT_INFO_NAMES, "01000"));
            return;
        }
        if (value == null) {
            clientInfo.remove(known);
        } else {
            clientInfo.put(known, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            if (properties != null) {
                for (String n : properties.stringPropertyNames()) {
                    failed.put(n, ClientInfoStatus.REASON_UNKNOWN);
                }
            }
            throw new SQLClientInfoException("The connection is closed", SqlStates.CONNECTION_DOES_NOT_EXIST, 0,
                    failed);
        }
        clientInfo.clear();
        if (properties != null) {
            for (String n : properties.stringPropertyNames()) {
                setClientInfo(n, properties.getProperty(n));
            }
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        for (String n : CLIENT_INFO_NAMES) {
            if (n.equalsIgnoreCase(name)) {
                return clientInfo.get(n);
            }
        }
        return null;
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties p = new Properties();
        p.putAll(clientInfo);
        return p;
    }

    // ================================================================== factories

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return SurrealArray.of(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("createStruct is not supported: bind a java.util.Map for a SurrealDB object");
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("createClob is not supported: bind a String");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("createBlob is not supported: bind a byte[]");
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("createNClob is not supported: bind a String");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("SurrealDB has no XML type");
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        synchronized (this) {
            if (metaData == null) {
                metaData = new SurrealDatabaseMetaData(this);
            }
            return metaData;
        }
    }

    // ================================================================== SurrealConnection

    @Override
    public Tokens signin(Credentials credentials) throws SQLException {
        checkOpen();
        try {
            return withTimeoutTx(client).signin(credentials).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public Tokens signup(Credentials credentials) throws SQLException {
        checkOpen();
        try {
            return withTimeoutTx(client).signup(credentials).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public void authenticate(String token) throws SQLException {
        checkOpen();
        try {
            withTimeoutTx(client).authenticate(token).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public void invalidate() throws SQLException {
        checkOpen();
        try {
            withTimeoutTx(client).invalidate().await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public Object info() throws SQLException {
        checkOpen();
        try {
            return withTimeoutTx(client).info().await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public LiveSubscription live(String table, boolean diff) throws SQLException {
        checkOpen();
        try {
            return withTimeoutTx(client).live(table, diff).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public LiveSubscription liveQuery(String surql, Map<String, ?> vars) throws SQLException {
        checkOpen();
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        if (vars != null) {
            for (Map.Entry<String, ?> e : vars.entrySet()) {
                v.put(e.getKey(), toSurreal(e.getValue()));
            }
        }
        try {
            return withTimeoutTx(client).liveQuery(surql, v).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public void kill(UUID liveQueryId) throws SQLException {
        checkOpen();
        try {
            withTimeoutTx(client).kill(liveQueryId).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public void let(String name, Object value) throws SQLException {
        checkOpen();
        try {
            withTimeoutTx(client).let(name, toSurreal(value)).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public void unset(String name) throws SQLException {
        checkOpen();
        try {
            withTimeoutTx(client).unset(name).await();
        } catch (SurrealException e) {
            throw map(e);
        }
    }

    @Override
    public String getServerVersion() throws SQLException {
        checkOpen();
        return client.serverVersion();
    }

    @Override
    public int getServerMajorVersion() throws SQLException {
        checkOpen();
        return client.serverMajorVersion();
    }

    @Override
    public RpcOperations rpc() throws SQLException {
        checkOpen();
        RpcTransaction t = transaction;
        return withTimeoutTx(t != null ? t : client);
    }

    // ================================================================== wrapper

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface.isInstance(client)) {
            return iface.cast(client);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface.getName(), 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface.isInstance(client);
    }

    @Override
    public String toString() {
        return "SurrealConnection[" + url + ", ns=" + namespace + ", db=" + database
                + (closed ? ", closed" : "") + "]";
    }
}

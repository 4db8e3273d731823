package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.StatementKind;
import dev.surrealj.rpc.QueryResult;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver's {@link java.sql.PreparedStatement} (see {@link SurrealPreparedStatement} and, for the
 * results, {@link SurrealStatement}).
 *
 * <h2>Batches</h2>
 * {@link #executeBatch()} sends ONE request. With {@code batchRewrite=true} (the default) the shapes
 * listed in {@link BatchRewriter} become multi-row {@code INSERT INTO t $_jdbc_rows RETURN id}: one
 * INSERT of all rows when the batch has at most {@code surrealj.batchAtomicRows} (1,000) rows, else a
 * script of INSERTs of {@code surrealj.batchChunkRows} (50) rows each (see {@link BatchRewriter}). A row
 * counts 1 when its INSERT returned as many records as it had rows, else {@link #SUCCESS_NO_INFO}. Each
 * INSERT is one statement, all-or-nothing: the rows of a failed INSERT are {@link #EXECUTE_FAILED} and
 * were not written; the other INSERTs of a chunked batch still run. Other statements are repeated once
 * per row in one multi-statement request with per-row variables ({@code $_jdbc_<i>_<row>}); each row
 * gets its own count, and a failed row gets {@link #EXECUTE_FAILED} while the others ran. In both cases a
 * failure raises a {@link java.sql.BatchUpdateException} with the counts and the first failure chained
 * (its SQLState, e.g. 23505 for a unique index violation).
 */
class SurrealPreparedStatementImpl extends SurrealStatement implements SurrealPreparedStatement {
    final String originalSql;
    final Placeholders.Parsed parsed;
    private final ScriptInfo script;
    private final Object[] params;
    private final boolean[] bound;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<Row> batchRows = new ArrayList<>();
    private BatchRewriter.Shape shape;
    private boolean shapeAnalyzed;

    /** One captured batch row. */
    private record Row(Object[] params, Map<String, Object> variables) {
    }

    SurrealPreparedStatementImpl(SurrealConnectionImpl connection, String sql, int type, int concurrency,
                                 int holdability) throws SQLException {
        super(connection, type, concurrency, holdability);
        this.originalSql = requireSql(sql);
        this.parsed = connection.prepare(sql, !(this instanceof SurrealCallableStatement));
        this.script = ScriptInfo.of(parsed.sql());
        this.params = new Object[parsed.parameterCount()];
        this.bound = new boolean[parsed.parameterCount()];
    }

    // ================================================================== binding

    /** Checks the index and stores a converted value. */
    final void bind(int index, Object surrealValue) throws SQLException {
        checkOpen();
        checkIndex(index);
        params[index - 1] = surrealValue;
        bound[index - 1] = true;
    }

    void checkIndex(int index) throws SQLException {
        if (index < 1 || index > parsed.parameterCount()) {
            throw SqlStates.create("07009", "Parameter index " + index + " is out of range: the statement has "
                    + parsed.parameterCount() + " parameter" + (parsed.parameterCount() == 1 ? "" : "s"), 0, null);
        }
        if (index == parsed.returnParameterIndex()) {
            throw SqlStates.create("07009", "Parameter " + index + " is the return value of {? = call ...}: "
                    + "register it with registerOutParameter, it takes no value", 0, null);
        }
    }

    private Object convert(Object x) throws SQLException {
        return Conversions.toSurreal(x);
    }

    /** The variables for one execution; 07001 when a placeholder is unset. */
    final Map<String, Object> variables() throws SQLException {
        return variablesOf(params, bound, variables);
    }

    private Map<String, Object> variablesOf(Object[] values, boolean[] isBound, Map<String, Object> named)
            throws SQLException {
        Map<String, Object> vars = new LinkedHashMap<>(named);
        for (int i = 1; i <= values.length; i++) {
            if (!parsed.isBound(i)) {
                continue;
            }
            if (!isBound[i - 1]) {
                throw SqlStates.create("07001", "No value specified for parameter " + i
                        + (values.length > 1 ? " (of " + parsed.parameterCount() + ")" : ""), 0, null);
            }
            vars.put(Placeholders.variableName(i), values[i - 1]);
        }
        return vars;
    }

    @Override
    public void setVariable(String name, Object value) throws SQLException {
        checkOpen();
        String n = variableName(name);
        variables.put(n, convert(value));
    }

    /** Binds a named variable to a value already converted. */
    final void setVariableValue(String name, Object surrealValue) throws SQLException {
        checkOpen();
        variables.put(variableName(name), surrealValue);
    }

    /** The value bound for {@code setDate(i, x, cal)}: the calendar date of {@code x} in the calendar's zone. */
    static Object dateValue(Date x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            return Conversions.toSurreal(x);
        }
        ZoneId zone = cal.getTimeZone().toZoneId();
        return Conversions.toSurreal(Instant.ofEpochMilli(x.getTime()).atZone(zone).toLocalDate());
    }

    /** The value bound for {@code setTime(i, x, cal)}: the time of day of {@code x} in the calendar's zone. */
    static Object timeValue(Time x, Calendar cal) throws SQLException {
        if (x == null || cal == null) {
            return Conversions.toSurreal(x);
        }
        ZoneId zone = cal.getTimeZone().toZoneId();
        return Conversions.toSurreal(Instant.ofEpochMilli(x.getTime()).atZone(zone).toLocalTime());
    }

    /** An ASCII stream read as text ({@code length < 0}: to the end). */
    static String ascii(InputStream x, long length) throws SQLException {
        if (x == null) {
            return null;
        }
        byte[] bytes = (byte[]) Conversions.streamToSurreal(x, length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    static String variableName(String name) throws SQLException {
        if (name == null) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "The variable name is null", 0, null);
        }
        String n = name.startsWith("$") ? name.substring(1) : name;
        if (n.isEmpty()) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "The variable name is empty", 0, null);
        }
        if (n.startsWith(Placeholders.VARIABLE_PREFIX)) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "Variable names starting with '"
                    + Placeholders.VARIABLE_PREFIX + "' are reserved for ? placeholders: " + n, 0, null);
        }
        return n;
    }

    @Override
    public void clearVariables() throws SQLException {
        checkOpen();
        variables.clear();
    }

    @Override
    public String getSurrealQL() throws SQLException {
        return parsed.sql();
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(params, null);
        Arrays.fill(bound, false);
        variables.clear();
    }

    // ================================================================== execution

    /** The SurrealQL to run ({@code RETURN fn::x(…)} for a call escape). */
    String executableSql() {
        return parsed.sql();
    }

    /** What the text of {@link #executableSql()} tells (statement kinds, SELECT analyses). */
    ScriptInfo executableScript() {
        return script;
    }

    List<StatementKind> executableKinds() {
        return executableScript().kinds();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        run(executableSql(), variables(), executableScript(), Mode.QUERY);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        run(executableSql(), variables(), executableScript(), Mode.UPDATE);
        return updateSum();
    }

    @Override
    public boolean execute() throws SQLException {
        return run(executableSql(), variables(), executableScript(), Mode.EXECUTE);
    }

    private static SQLException notOnPrepared(String method) {
        return SqlStates.create(SqlStates.GENERAL_ERROR, method
                + "(String) cannot be called on a PreparedStatement: use " + method + "()", 0, null);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notOnPrepared("executeQuery");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notOnPrepared("executeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw notOnPrepared("executeLargeUpdate");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notOnPrepared("execute");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notOnPrepared("addBatch");
    }

    // ================================================================== batch

    @Override
    public synchronized void addBatch() throws SQLException {
        checkOpen();
        variablesOf(params, bound, variables); // 07001 now rather than at executeBatch
        batchRows.add(new Row(params.clone(), new LinkedHashMap<>(variables)));
    }

    @Override
    public synchronized void clearBatch() throws SQLException {
        checkOpen();
        batchRows.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public synchronized long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Row> rows = new ArrayList<>(batchRows);
        batchRows.clear();
        closeResults();
        clearWarnings();
        if (rows.isEmpty()) {
            return new long[0];
        }
        BatchRewriter.Shape s = connection.properties().batchRewrite() ? shape() : null;
        if (s != null) {
            List<Object> objects = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Object o = s.row(r.params());
                if (o == null) {
                    objects = null;
                    break;
                }
                objects.add(o);
            }
            if (objects != null) {
                return rewrittenBatch(s, objects);
            }
        }
        return perRowBatch(rows);
    }

    private BatchRewriter.Shape shape() {
        if (!shapeAnalyzed) {
            shape = BatchRewriter.analyze(parsed);
            shapeAnalyzed = true;
        }
        return shape;
    }

    private long[] rewrittenBatch(BatchRewriter.Shape s, List<Object> objects) throws SQLException {
        int n = objects.size();
        long[] counts = new long[n];
        BatchRewriter.Request request = s.request(objects);
        int[] chunks = request.chunks();
        List<QueryResult> answer;
        try {
            answer = send(request.sql(), request.vars());
        } catch (SQLException e) {
            Arrays.fill(counts, EXECUTE_FAILED);
            throw batchFailure("Batch of " + n + " rows failed: " + e.getMessage(), e, counts);
        }
        if (answer.size() != chunks.length) {
            // not one result per INSERT: cannot tell the chunks apart
            for (QueryResult r : answer) {
                if (!r.isOk()) {
                    Arrays.fill(counts, EXECUTE_FAILED);
                    SQLException cause = ExceptionMapper.statement(r, 1, 1);
                    throw batchFailure("Batch of " + n + " rows failed: " + cause.getMessage(), cause, counts);
                }
            }
            Arrays.fill(counts, SUCCESS_NO_INFO);
            setGeneratedKeysSource(null);
            return counts;
        }
        List<Object> keys = chunks.length == 1 ? null : new ArrayList<>(n);
        Object single = null;
        SQLException first = null;
        int firstChunk = -1;
        int failedChunks = 0;
        int failedRows = 0;
        int from = 0;
        for (int k = 0; k < chunks.length; k++) {
            QueryResult r = answer.get(k);
            int to = from + chunks[k];
            if (!r.isOk()) {
                Arrays.fill(counts, from, to, EXECUTE_FAILED);
                if (first == null) {
                    first = ExceptionMapper.statement(r, 1, 1);
                    firstChunk = k;
                }
                failedChunks++;
                failedRows += chunks[k];
            } else {
                Object result = r.result();
                Arrays.fill(counts, from, to, StatementResults.countOf(result) == chunks[k] ? 1 : SUCCESS_NO_INFO);
                if (keys == null) {
                    single = result;
                } else if (result instanceof List<?> l) {
                    keys.addAll(l);
                } else if (result instanceof Map<?, ?>) {
                    keys.add(result);
                }
            }
            from = to;
        }
        setGeneratedKeysSource(keys == null ? single : keys);
        if (first != null) {
            if (chunks.length == 1) {
                throw batchFailure("Batch of " + n + " rows (one INSERT) failed, no row was written: "
                        + first.getMessage(), first, counts);
            }
            int start = firstChunk * chunks[0] + 1;
            throw batchFailure("Batch of " + n + " rows in " + chunks.length + " INSERTs: " + failedChunks
                    + " INSERT" + (failedChunks == 1 ? "" : "s") + " failed, their " + failedRows
                    + " rows were not written, the other " + (n - failedRows) + " rows were; the first failure,"
                    + " rows " + start + " to " + (start + chunks[firstChunk] - 1) + ": " + first.getMessage(),
                    first, counts);
        }
        return counts;
    }

    private long[] perRowBatch(List<Row> rows) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i <= parsed.parameterCount(); i++) {
            if (parsed.isBound(i)) {
                names.add(Placeholders.variableName(i));
            }
        }
        for (Row r : rows) {
            names.addAll(r.variables().keySet());
        }
        RowTemplate template = RowTemplate.of(executableSql(), names);
        StringBuilder script = new StringBuilder();
        Map<String, Object> vars = new LinkedHashMap<>();
        List<List<StatementKind>> perEntry = new ArrayList<>(rows.size());
        List<StatementKind> all = new ArrayList<>();
        List<StatementKind> k = executableKinds().isEmpty()
                ? List.of(Placeholders.statementKind(executableSql())) : executableKinds();
        for (int row = 0; row < rows.size(); row++) {
            Row r = rows.get(row);
            template.appendRow(script, row);
            script.append("\n;\n");
            for (int i = 1; i <= parsed.parameterCount(); i++) {
                if (parsed.isBound(i)) {
                    vars.put(RowTemplate.rowVariable(Placeholders.variableName(i), row), r.params()[i - 1]);
                }
            }
            for (Map.Entry<String, Object> e : r.variables().entrySet()) {
                vars.put(RowTemplate.rowVariable(e.getKey(), row), e.getValue());
            }
            perEntry.add(k);
            all.addAll(k);
        }
        return runBatch(script.toString(), vars, perEntry, all);
    }

    // ================================================================== metadata

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ResultSet rs = getResultSet();
        return rs == null ? null : rs.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new SurrealParameterMetaData(parsed.parameterCount(), parsed.returnParameterIndex());
    }

    // ================================================================== setters

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        bind(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        bind(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        bind(parameterIndex, (long) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        bind(parameterIndex, (long) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        bind(parameterIndex, (long) x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        bind(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        bind(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        bind(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        bind(parameterIndex, dateValue(x, cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        bind(parameterIndex, timeValue(x, cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        // a SurrealDB datetime is an instant: the calendar cannot change it
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        bind(parameterIndex, ascii(x, length));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        if (x == null) {
            bind(parameterIndex, null);
            return;
        }
        byte[] bytes = (byte[]) Conversions.streamToSurreal(x, length);
        bind(parameterIndex, new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        bind(parameterIndex, x == null ? null : Conversions.streamToSurreal(x, length));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        bind(parameterIndex, reader == null ? null : Conversions.streamToSurreal(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value, -1L);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        bind(parameterIndex, Conversions.toSurreal(x, targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        bind(parameterIndex, Conversions.toSurreal(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        bind(parameterIndex, Conversions.toSurreal(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        bind(parameterIndex, Conversions.toSurreal(x, targetSqlType, -1));
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("setRef is not supported: bind a dev.surrealj.value.RecordId");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, -1L);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        bind(parameterIndex, convert(value));
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        bind(parameterIndex, convert(x));
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        bind(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("setRowId is not supported: bind a dev.surrealj.value.RecordId");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("SurrealDB has no XML type");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + parsed.sql() + "]";
    }
}

package dev.surrealj.jdbc;

import dev.surrealj.value.None;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * A forward-only, read-only {@link ResultSet} over one SurrealDB statement result, fully in memory.
 *
 * <h2>Building one</h2>
 * <pre>{@code
 * ResultSet rs = SurrealResultSet.of(statement, queryResult.result(), new ResultSetContext("person", types, maxRows));
 * ResultSet none = SurrealResultSet.empty(statement);
 * ResultSet keys = SurrealResultSet.ofValues(statement, List.of("id"), List.of(List.of(recordId)));
 * ResultSet meta = SurrealResultSet.ofRows(null, List.of(new Columns.Def("TABLE_NAME", Types.VARCHAR)), rows);
 * }</pre>
 * How a statement result becomes rows and columns:
 * <ul>
 *   <li>a list whose non-null elements are all objects (a SELECT): one row per element, columns
 *       {@code id} first then the union of all keys in first-seen order, a missing key reads NULL
 *       (see {@link Columns}); with the {@link ResultSetContext#columnOrder()} of the SELECT's
 *       projection, the projected names come in that order ({@code SELECT name, age} gives
 *       {@code name, age}, although SurrealDB sends the keys sorted);</li>
 *   <li>a single object ({@code SELECT * FROM ONLY t:1}): one row, its keys as columns;</li>
 *   <li>another list ({@code SELECT VALUE x}, {@code RETURN [1, 2]}): one row per element in the
 *       single column {@code value};</li>
 *   <li>NONE (a missing {@code ONLY} record, {@code LET}): no rows (and the schema's columns when
 *       the context has them, else none);</li>
 *   <li>any other value, NULL included ({@code RETURN 1}, {@code RETURN NULL}): one row, column {@code value}.</li>
 * </ul>
 * Rows past {@link ResultSetContext#maxRows()} are dropped before the columns are worked out. The
 * schema types of a {@link ResultSetContext#schemaSource()} are asked for only by {@link #getMetaData()}
 * (and by the columns of an empty {@code SELECT *}, which are {@code id} plus the table's fields).
 *
 * <h2>Reading</h2>
 * {@code getObject} returns the decoded value (Long, Double, BigDecimal, String, Boolean, Instant,
 * Duration, UUID, byte[], Map, List, RecordId, Geometry …: see {@code docs/architecture.md}); NONE and
 * NULL read as SQL NULL. {@code getString} of an object or array is JSON ({@link JsonText}), of a
 * record id {@code person:tobie}, of a datetime ISO-8601 UTC. The typed getters convert as described in
 * {@link Conversions}; {@code getObject(i, Class)} accepts: String, Long, Integer, Short, Byte, Double,
 * Float, BigDecimal, BigInteger, Number, Boolean, Character, byte[], Instant, OffsetDateTime,
 * ZonedDateTime, LocalDateTime, LocalDate, LocalTime, OffsetTime (all UTC), Duration, UUID, RecordId,
 * Table, Geometry, Map, List, Collection, Set, java.sql.Timestamp/Date/Time, java.util.Date, Calendar,
 * java.sql.Array, Blob, Clob, NClob, enums (by name), primitive classes as their wrappers, and any class
 * the value already is. A NULL gives {@code null} for every class.
 *
 * <p>LOBs are in-memory copies: {@code getBlob} a {@link SerialBlob}, {@code getClob}/{@code getNClob} a
 * {@link SerialClob} (from the {@code java.sql.rowset} module). Streams read the same values. Not
 * supported (0A000): {@code getURL}, {@code getRowId}, {@code getRef}, {@code getSQLXML},
 * {@code getCursorName}, every {@code updateXxx} and row change method.
 *
 * <h2>States</h2>
 * {@code TYPE_FORWARD_ONLY}, {@code CONCUR_READ_ONLY}, {@code HOLD_CURSORS_OVER_COMMIT} (the rows are in
 * memory: a commit does not close the result set). Moving other
 * than forward ({@code previous}, {@code absolute}, {@code first} …), reading with no current row,
 * and any use after {@link #close()} (except {@code close}, {@code isClosed}, {@code unwrap},
 * {@code isWrapperFor}) throw SQLState {@code 24000} (invalid cursor state). A bad column index is
 * {@code 22023}, an unknown label {@code 42S22}. {@link #close()} is idempotent; the first call tells
 * the owning statement when it is a {@link ResultSetOwner}.
 *
 * <p>Not thread-safe, like any JDBC result set.
 */
final class SurrealResultSet implements ResultSet {
    /** SQLState: invalid cursor state (closed, not on a row, not forward). */
    static final String INVALID_CURSOR_STATE = "24000";

    private static final System.Logger LOG = System.getLogger("dev.surrealj.jdbc");

    private final Statement owner;
    /** The layout; see {@link #columns()} (an empty {@code SELECT *} may wait for the table's schema). */
    private Columns columns;
    /** Whether {@link #columns} still needs the schema types of {@link ResultSetContext#schemaSource()}. */
    private boolean columnsPending;
    private final ResultSetContext context;
    /** The schema types asked from {@link ResultSetContext#schemaSource()}, once asked. */
    private Map<String, String> loadedSchema;
    private boolean schemaAsked;
    private List<?> rows;
    private int cursor = -1;
    private boolean closed;
    private boolean wasNull;
    private int fetchSize;
    private SurrealResultSetMetaData metaData;
    private SQLWarning warnings;

    private SurrealResultSet(Statement owner, Columns columns, List<?> rows, ResultSetContext context) {
        this.owner = owner;
        this.columns = columns;
        this.rows = rows;
        this.context = context == null ? ResultSetContext.NONE : context;
    }

    // =================================================================== factories

    /**
     * A result set over one statement's {@code result} (see the class documentation for the layout).
     *
     * @param owner   the statement {@link #getStatement()} returns (notified on close when a
     *                {@link ResultSetOwner}); may be {@code null}
     * @param result  the statement's result value as decoded ({@code QueryResult.result()})
     * @param context table name, schema types and row limit; {@code null} means {@link ResultSetContext#NONE}
     */
    static SurrealResultSet of(Statement owner, Object result, ResultSetContext context) {
        ResultSetContext ctx = context == null ? ResultSetContext.NONE : context;
        if (result == None.NONE) {
            return objects(owner, List.of(), ctx);
        }
        if (result instanceof Map<?, ?> m) {
            return objects(owner, List.of(m), ctx);
        }
        if (result instanceof List<?> list) {
            List<?> rows = limit(list, ctx.maxRows());
            boolean objects = true;
            for (Object o : rows) {
                if (!(o instanceof Map || Columns.isNull(o))) {
                    objects = false;
                    break;
                }
            }
            boolean anyObject = false;
            for (Object o : rows) {
                if (o instanceof Map) {
                    anyObject = true;
                    break;
                }
            }
            if (rows.isEmpty() || (objects && anyObject)) {
                return objects(owner, rows, ctx);
            }
            return new SurrealResultSet(owner, Columns.scalar(), rows, ctx);
        }
        return new SurrealResultSet(owner, Columns.scalar(), Collections.singletonList(result), ctx);
    }

    /**
     * Object rows. An empty result whose projection has a rest position ({@code SELECT *}) and whose
     * schema types are still to be fetched gets its columns when first needed
     * ({@link #columns()}), so a caller that only calls {@code next()} costs no request.
     */
    private static SurrealResultSet objects(Statement owner, List<?> rows, ResultSetContext ctx) {
        List<String> order = ctx.columnOrder();
        if (rows.isEmpty() && ctx.schemaTypes() == null && ctx.schemaSource() != null && order != null
                && order.contains(SelectInfo.REST)) {
            SurrealResultSet rs = new SurrealResultSet(owner, null, rows, ctx);
            rs.columnsPending = true;
            return rs;
        }
        return new SurrealResultSet(owner, Columns.ofObjects(rows, ctx.schemaTypes(), order), rows, ctx);
    }

    /** A result set with no columns and no rows. */
    static SurrealResultSet empty(Statement owner) {
        return new SurrealResultSet(owner, Columns.named(List.of()), List.of(), ResultSetContext.NONE);
    }

    /**
     * A synthetic result set with declared columns (database metadata, generated keys …). Each row is
     * a list of values in column order (shorter rows read NULL at the end); for standard SQL types
     * {@code getObject} returns the JDBC class of the type (an INTEGER column gives Integer even for a
     * Long value).
     *
     * @param owner   the statement, or {@code null} (e.g. for {@code DatabaseMetaData} results)
     * @param columns the column declarations
     * @param rows    the rows, not copied
     */
    static SurrealResultSet ofRows(Statement owner, List<Columns.Def> columns, List<? extends List<?>> rows) {
        return new SurrealResultSet(owner, Columns.declared(columns), rows, ResultSetContext.NONE);
    }

    /**
     * A synthetic result set with named columns whose types are inferred from the values, as for a
     * query result.
     *
     * @param owner the statement, or {@code null}
     * @param names the column labels
     * @param rows  the rows (lists of values in column order), not copied
     */
    static SurrealResultSet ofValues(Statement owner, List<String> names, List<? extends List<?>> rows) {
        return new SurrealResultSet(owner, Columns.named(names), rows, ResultSetContext.NONE);
    }

    /**
     * A synthetic result set over a prepared layout ({@link Columns#named} or {@link Columns#declared}):
     * rows are lists of values in column order.
     *
     * @param owner   the statement, or {@code null}
     * @param columns the layout; must be of {@link Columns.Shape#LISTS} shape
     * @param rows    the rows, not copied
     * @throws IllegalArgumentException when {@code columns} is not a list layout
     */
    static SurrealResultSet ofRows(Statement owner, Columns columns, List<? extends List<?>> rows) {
        if (columns.shape() != Columns.Shape.LISTS) {
            throw new IllegalArgumentException("synthetic rows need Columns.named or Columns.declared, not " + columns);
        }
        return new SurrealResultSet(owner, columns, rows, ResultSetContext.NONE);
    }

    private static List<?> limit(List<?> list, int maxRows) {
        return maxRows > 0 && list.size() > maxRows ? list.subList(0, maxRows) : list;
    }

    /** The number of rows (after {@code maxRows}), for the owning statement; 0 once closed. */
    int rowCount() {
        return rows == null ? 0 : rows.size();
    }

    /** The column layout (working out a pending one: this may ask the server for the table's schema). */
    Columns columns() {
        if (columnsPending) {
            columnsPending = false;
            columns = Columns.ofObjects(List.of(), schema(), context.columnOrder());
        }
        return columns;
    }

    /**
     * The schema types of the result: the context's, else the ones its {@link ResultSetContext#schemaSource()}
     * gives (asked once; a failure means none: the types are then inferred from the values).
     */
    private Map<String, String> schema() {
        if (context.schemaTypes() != null || context.schemaSource() == null) {
            return context.schemaTypes();
        }
        if (!schemaAsked) {
            schemaAsked = true;
            try {
                loadedSchema = context.schemaSource().load();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read the schema of table " + context.tableName(), e);
            }
        }
        return loadedSchema;
    }

    /** The schema types known without asking the server. */
    private Map<String, String> knownSchema() {
        if (context.schemaTypes() != null || context.schemaSource() == null) {
            return context.schemaTypes();
        }
        return schemaAsked ? loadedSchema : context.schemaSource().cached();
    }

    // =================================================================== state helpers

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlStates.create(INVALID_CURSOR_STATE, "ResultSet is closed", 0, null);
        }
    }

    private int index(int columnIndex) throws SQLException {
        checkOpen();
        Columns cols = columns();
        if (columnIndex < 1 || columnIndex > cols.size()) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "Column index " + columnIndex
                    + " is out of range: the result has " + cols.size() + " column(s)", 0, null);
        }
        return columnIndex - 1;
    }

    /** The raw value (NONE as null) of a column of the current row; sets {@link #wasNull()}. */
    private Object raw(int columnIndex) throws SQLException {
        int i = index(columnIndex);
        if (cursor < 0 || cursor >= rows.size()) {
            throw SqlStates.create(INVALID_CURSOR_STATE, cursor < 0
                    ? "No current row: call next() first" : "No current row: the result set is past its last row",
                    0, null);
        }
        Object v = columns.value(rows.get(cursor), i);
        if (v == None.NONE) {
            v = null;
        }
        wasNull = v == null;
        return v;
    }

    private String label(int columnIndex) {
        return columns.label(columnIndex - 1);
    }

    private static SQLException forwardOnly() {
        return SqlStates.create(INVALID_CURSOR_STATE,
                "The ResultSet is TYPE_FORWARD_ONLY: only next() moves the cursor", 0, null);
    }

    private SQLException readOnly() throws SQLException {
        checkOpen();
        return SqlStates.unsupported("The ResultSet is CONCUR_READ_ONLY: update SurrealDB with a statement");
    }

    // =================================================================== navigation

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (cursor < rows.size()) {
            cursor++;
        }
        return cursor < rows.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rows = null;
        if (owner instanceof ResultSetOwner o) {
            o.resultSetClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return cursor < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return cursor >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return cursor == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return !rows.isEmpty() && cursor == rows.size() - 1;
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return cursor >= 0 && cursor < rows.size() ? cursor + 1 : 0;
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        checkOpen();
        throw forwardOnly();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only: the whole result is already in memory. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "Fetch size must be >= 0: " + rows, 0, null);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return owner;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            Columns cols = columns();
            metaData = new SurrealResultSetMetaData(cols, rows, context.withSchemaTypes(schema()));
        }
        return metaData;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public String getCursorName() throws SQLException {
        checkOpen();
        throw SqlStates.unsupported("SurrealDB has no named cursors (positioned updates are not supported)");
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        int i = columns().find(columnLabel);
        if (i < 0) {
            String all = String.join(", ", columns().labels());
            if (all.length() > 200) {
                all = all.substring(0, 200) + "…";
            }
            throw SqlStates.create(SqlStates.COLUMN_NOT_FOUND, "Column '" + columnLabel
                    + "' is not in the result (columns: " + all + ")", 0, null);
        }
        return i + 1;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    // =================================================================== getters by index

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        if (v == null) {
            return null;
        }
        Columns.Def def = columns.def(columnIndex - 1);
        if (def != null) {
            Class<?> c = def.javaClass();
            if (c != null && !c.isInstance(v)) {
                return Conversions.convert(v, c, label(columnIndex));
            }
        }
        return v;
    }

    /** The map is ignored: SurrealDB has no user-defined SQL types. */
    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "type is null", 0, null);
        }
        Object v = raw(columnIndex);
        if (v == null) {
            return null;
        }
        if (type == Object.class) {
            return type.cast(getObject(columnIndex));
        }
        if (type == Array.class) {
            return type.cast(getArray(columnIndex));
        }
        if (type == Blob.class) {
            return type.cast(getBlob(columnIndex));
        }
        if (type == NClob.class) {
            return type.cast(getNClob(columnIndex));
        }
        if (type == Clob.class) {
            return type.cast(getClob(columnIndex));
        }
        return Conversions.convert(v, type, label(columnIndex));
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toText(v);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v != null && Conversions.toBoolean(v, label(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0 : (byte) Conversions.toLong(v, label(columnIndex), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0
                : (short) Conversions.toLong(v, label(columnIndex), Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0
                : (int) Conversions.toLong(v, label(columnIndex), Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0 : Conversions.toLong(v, label(columnIndex), Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0 : Conversions.toFloat(v, label(columnIndex));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? 0 : Conversions.toDouble(v, label(columnIndex));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toBigDecimal(v, label(columnIndex));
    }

    /** Rounds half-up to {@code scale}. */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(columnIndex);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toBytes(v, label(columnIndex));
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toDate(v, label(columnIndex), cal);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toTime(v, label(columnIndex), cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        Object v = raw(columnIndex);
        return v == null ? null : Conversions.toTimestamp(v, label(columnIndex), cal);
    }

    /**
     * A {@link SurrealArray} over an array or set value; its base type comes from the column's schema
     * type ({@code array<string>}) when known, else from the elements.
     */
    @Override
    public Array getArray(int columnIndex) throws SQLException {
        Object v = raw(columnIndex);
        if (v == null) {
            return null;
        }
        if (v instanceof Array a) {
            return a;
        }
        List<Object> list = Conversions.toList(v);
        if (list == null) {
            throw Conversions.cannotConvert(label(columnIndex), v, "Array");
        }
        String element = null;
        Map<String, String> schema = knownSchema();
        if (schema != null && columns.shape() == Columns.Shape.OBJECTS) {
            element = SurrealTypes.elementTypeName(schema.get(label(columnIndex)));
        }
        return SurrealArray.of(list, element);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** UTF-16BE bytes of {@link #getString(int)}, as the (deprecated) JDBC method defines. */
    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    /** An in-memory {@link SerialBlob} of {@link #getBytes(int)}. */
    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new SerialBlob(b);
    }

    /** An in-memory {@link SerialClob} of {@link #getString(int)}. */
    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new SerialClob(s.toCharArray());
    }

    /** An in-memory {@link SerialClob} of {@link #getString(int)}. */
    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new TextNClob(s.toCharArray());
    }

    /** A {@link SerialClob} that is an {@link NClob} (Java strings are Unicode anyway). */
    private static final class TextNClob extends SerialClob implements NClob {
        TextNClob(char[] chars) throws SQLException {
            super(chars);
        }
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        index(columnIndex);
        throw SqlStates.unsupported("getURL is not supported: read the text with getString");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        index(columnIndex);
        throw SqlStates.unsupported("getRowId is not supported: read the record id with getObject");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        index(columnIndex);
        throw SqlStates.unsupported("getRef is not supported: read the record id with getObject");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        index(columnIndex);
        throw SqlStates.unsupported("SurrealDB has no XML type");
    }

    // =================================================================== getters by label

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return getUnicodeStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        return getURL(findColumn(columnLabel));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return getRowId(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return getRef(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return getSQLXML(findColumn(columnLabel));
    }

    // =================================================================== row changes: read-only

    /** Always {@code false}: the result set is read-only. */
    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    /** Always {@code false}: the result set is read-only. */
    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    /** Always {@code false}: the result set is read-only. */
    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(int columnIndex, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(int columnIndex, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(int columnIndex, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(int columnIndex, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateLong(String columnLabel, long x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateString(String columnLabel, String x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateDate(String columnLabel, Date x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTime(String columnLabel, Time x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateObject(String columnLabel, Object x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(int columnIndex, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRef(String columnLabel, Ref x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, Blob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Clob x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(int columnIndex, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateArray(String columnLabel, Array x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(int columnIndex, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateRowId(String columnLabel, RowId x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(int columnIndex, String nString) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNString(String columnLabel, String nString) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(int columnIndex, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateClob(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader) throws SQLException {
        throw readOnly();
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader) throws SQLException {
        throw readOnly();
    }

    // =================================================================== wrapper

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface, 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }

    @Override
    public String toString() {
        Object cols = columnsPending ? "(columns pending)" : columns;
        return "SurrealResultSet[" + cols + (closed ? ", closed" : ", rows=" + rows.size() + ", row=" + (cursor + 1))
                + "]";
    }
}

package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.StatementKind;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * The driver's {@link CallableStatement}: calls a SurrealDB function ({@code DEFINE FUNCTION fn::…}, or
 * a built-in such as {@code string::len}).
 *
 * <pre>{@code
 * // DEFINE FUNCTION fn::greet($name: string) { RETURN "Hello, " + $name; };
 * try (CallableStatement cs = conn.prepareCall("{? = call fn::greet(?)}")) {
 *     cs.registerOutParameter(1, Types.VARCHAR);
 *     cs.setString(2, "Ada");
 *     cs.execute();
 *     cs.getString(1);                       // "Hello, Ada"
 * }
 * try (CallableStatement cs = conn.prepareCall("{call fn::greet(?)}")) {
 *     cs.setString(1, "Ada");
 *     try (ResultSet rs = cs.executeQuery()) { rs.next(); rs.getString(1); }   // the value as a result set
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code {call fn::name(?, …)}} runs {@code RETURN fn::name($_jdbc_1, …)} (a name without
 *       {@code ::} gets {@code fn::}); its value is the result set (a single value gives one row with
 *       the column {@code value}, an array one row per element, objects one column per field).</li>
 *   <li>{@code {? = call fn::name(?)}}: parameter 1 is the return value; register it with
 *       {@code registerOutParameter(1, type)} and read it with the {@code getXxx(1)} methods (the same
 *       conversions as {@code ResultSet}); {@link #wasNull()} tells NULL/NONE apart.</li>
 *   <li>SurrealDB functions have no OUT or INOUT parameters: registering another index fails with 0A000.
 *       Any other SurrealQL (without the escape) runs as a prepared statement.</li>
 *   <li>Named setters ({@code setString("name", v)}) bind the SurrealQL variable {@code $name} (see
 *       {@link SurrealPreparedStatement#setVariable}); named getters fail with 0A000.</li>
 * </ul>
 */
final class SurrealCallableStatement extends SurrealPreparedStatementImpl implements CallableStatement {
    private final boolean callEscape;
    private int outType;
    private boolean outRegistered;
    private ResultSet outValue;

    SurrealCallableStatement(SurrealConnectionImpl connection, String sql, int type, int concurrency,
                             int holdability) throws SQLException {
        super(connection, sql, type, concurrency, holdability);
        this.callEscape = "CALL".equals(Placeholders.leadingKeyword(sql));
    }

    @Override
    String executableSql() {
        String s = parsed.sql().strip();
        return callEscape ? "RETURN " + s : s;
    }

    private static final ScriptInfo CALL = ScriptInfo.ofKinds(List.of(StatementKind.QUERY));

    @Override
    ScriptInfo executableScript() {
        return callEscape ? CALL : super.executableScript();
    }

    @Override
    public boolean execute() throws SQLException {
        clearOut();
        boolean r = super.execute();
        captureOut();
        return r;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        clearOut();
        ResultSet rs = super.executeQuery();
        captureOut();
        return rs;
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        clearOut();
        long n = super.executeLargeUpdate();
        captureOut();
        return n;
    }

    private void clearOut() throws SQLException {
        ResultSet o = outValue;
        outValue = null;
        if (o != null) {
            o.close();
        }
    }

    private void captureOut() throws SQLException {
        if (!parsed.hasReturnParameter()) {
            return;
        }
        Object v = firstValue();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(v));
        ResultSet rs = Results.rows(null, List.of("value"), rows);
        rs.next();
        outValue = rs;
    }

    private ResultSet out(int parameterIndex) throws SQLException {
        checkOpen();
        if (!parsed.hasReturnParameter() || parameterIndex != parsed.returnParameterIndex()) {
            throw SqlStates.create("07009", "Parameter " + parameterIndex + " is not an OUT parameter: only the "
                    + "return value of {? = call ...} (parameter " + Math.max(1, parsed.returnParameterIndex())
                    + ") can be read", 0, null);
        }
        if (!outRegistered) {
            throw SqlStates.create("07009", "Parameter " + parameterIndex + " was not registered with "
                    + "registerOutParameter", 0, null);
        }
        if (outValue == null) {
            throw SqlStates.create("HY010", "The statement has not been executed", 0, null);
        }
        return outValue;
    }

    private SQLException byName() {
        return SqlStates.unsupported("SurrealDB functions have no named OUT parameters: read the return value "
                + "with getXxx(1) of {? = call fn::name(...)}");
    }

    private void named(String parameterName, Object surrealValue) throws SQLException {
        setVariableValue(parameterName, surrealValue);
    }

    // ================================================================== registration

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        checkOpen();
        if (!parsed.hasReturnParameter() || parameterIndex != parsed.returnParameterIndex()) {
            throw SqlStates.unsupported("Only the return value of {? = call fn::name(...)} can be an OUT parameter "
                    + "(SurrealDB functions have no OUT or INOUT parameters); parameter " + parameterIndex
                    + " is not it");
        }
        outType = sqlType;
        outRegistered = true;
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        registerOutParameter(parameterIndex, sqlType == null || sqlType.getVendorTypeNumber() == null
                ? java.sql.Types.OTHER : sqlType.getVendorTypeNumber());
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, int scale) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, int scale) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public void registerOutParameter(String parameterName, SQLType sqlType, String typeName) throws SQLException {
        checkOpen();
        throw byName();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        if (outValue == null) {
            throw SqlStates.create("HY010", "No OUT parameter has been read", 0, null);
        }
        return outValue.wasNull();
    }

    @Override
    public void close() throws SQLException {
        try {
            clearOut();
        } finally {
            super.close();
        }
    }

    // ================================================================== generated accessors

    @Override
    public String getString(int parameterIndex) throws SQLException {
        return out(parameterIndex).getString(1);
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBoolean(1);
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        return out(parameterIndex).getByte(1);
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        return out(parameterIndex).getShort(1);
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        return out(parameterIndex).getInt(1);
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        return out(parameterIndex).getLong(1);
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        return out(parameterIndex).getFloat(1);
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        return out(parameterIndex).getDouble(1);
    }

    @SuppressWarnings("deprecation")
    @Override
    public BigDecimal getBigDecimal(int parameterIndex, int x) throws SQLException {
        return out(parameterIndex).getBigDecimal(1, x);
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBytes(1);
    }

    @Override
    public Date getDate(int parameterIndex) throws SQLException {
        return out(parameterIndex).getDate(1);
    }

    @Override
    public Time getTime(int parameterIndex) throws SQLException {
        return out(parameterIndex).getTime(1);
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        return out(parameterIndex).getTimestamp(1);
    }

    /** The value as the class of the registered type ({@code INTEGER} → Integer …), else as decoded. */
    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        ResultSet rs = out(parameterIndex);
        Class<?> type = SurrealTypes.standardClass(outType);
        return type == null ? rs.getObject(1) : rs.getObject(1, type);
    }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBigDecimal(1);
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> x) throws SQLException {
        return out(parameterIndex).getObject(1, x);
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException {
        return out(parameterIndex).getRef(1);
    }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBlob(1);
    }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getClob(1);
    }

    @Override
    public Array getArray(int parameterIndex) throws SQLException {
        return out(parameterIndex).getArray(1);
    }

    @Override
    public Date getDate(int parameterIndex, Calendar x) throws SQLException {
        return out(parameterIndex).getDate(1, x);
    }

    @Override
    public Time getTime(int parameterIndex, Calendar x) throws SQLException {
        return out(parameterIndex).getTime(1, x);
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, Calendar x) throws SQLException {
        return out(parameterIndex).getTimestamp(1, x);
    }

    @Override
    public URL getURL(int parameterIndex) throws SQLException {
        return out(parameterIndex).getURL(1);
    }

    @Override
    public void setURL(String parameterName, URL x) throws SQLException {
        named(parameterName, x == null ? null : x.toString());
    }

    @Override
    public void setNull(String parameterName, int x) throws SQLException {
        named(parameterName, null);
    }

    @Override
    public void setBoolean(String parameterName, boolean x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setByte(String parameterName, byte x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setShort(String parameterName, short x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setInt(String parameterName, int x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setLong(String parameterName, long x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setFloat(String parameterName, float x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setDouble(String parameterName, double x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setString(String parameterName, String x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setBytes(String parameterName, byte[] x) throws SQLException {
        named(parameterName, x == null ? null : x.clone());
    }

    @Override
    public void setDate(String parameterName, Date x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setTime(String parameterName, Time x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, int a) throws SQLException {
        named(parameterName, ascii(x, a));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, int a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setObject(String parameterName, Object x, int a, int b) throws SQLException {
        named(parameterName, Conversions.toSurreal(x, a, b));
    }

    @Override
    public void setObject(String parameterName, Object x, int a) throws SQLException {
        named(parameterName, Conversions.toSurreal(x, a, -1));
    }

    @Override
    public void setObject(String parameterName, Object x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, int a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setDate(String parameterName, Date x, Calendar a) throws SQLException {
        named(parameterName, dateValue(x, a));
    }

    @Override
    public void setTime(String parameterName, Time x, Calendar a) throws SQLException {
        named(parameterName, timeValue(x, a));
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x, Calendar a) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setNull(String parameterName, int x, String a) throws SQLException {
        named(parameterName, null);
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Date getDate(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Time getTime(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Timestamp getTimestamp(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public BigDecimal getBigDecimal(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Object getObject(String parameterName, Map<String, Class<?>> x) throws SQLException {
        throw byName();
    }

    @Override
    public Ref getRef(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Blob getBlob(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Clob getClob(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Array getArray(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Date getDate(String parameterName, Calendar x) throws SQLException {
        throw byName();
    }

    @Override
    public Time getTime(String parameterName, Calendar x) throws SQLException {
        throw byName();
    }

    @Override
    public Timestamp getTimestamp(String parameterName, Calendar x) throws SQLException {
        throw byName();
    }

    @Override
    public URL getURL(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException {
        return out(parameterIndex).getRowId(1);
    }

    @Override
    public RowId getRowId(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public void setRowId(String parameterName, RowId x) throws SQLException {
        throw SqlStates.unsupported("setRowId is not supported");
    }

    @Override
    public void setNString(String parameterName, String x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setNClob(String parameterName, NClob x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setClob(String parameterName, Reader x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setBlob(String parameterName, InputStream x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setNClob(String parameterName, Reader x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNClob(1);
    }

    @Override
    public NClob getNClob(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public void setSQLXML(String parameterName, SQLXML x) throws SQLException {
        throw SqlStates.unsupported("setSQLXML is not supported");
    }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        return out(parameterIndex).getSQLXML(1);
    }

    @Override
    public SQLXML getSQLXML(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNString(1);
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNCharacterStream(1);
    }

    @Override
    public Reader getNCharacterStream(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public Reader getCharacterStream(int parameterIndex) throws SQLException {
        return out(parameterIndex).getCharacterStream(1);
    }

    @Override
    public Reader getCharacterStream(String parameterName) throws SQLException {
        throw byName();
    }

    @Override
    public void setBlob(String parameterName, Blob x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setClob(String parameterName, Clob x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, long a) throws SQLException {
        named(parameterName, ascii(x, a));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, long a) throws SQLException {
        named(parameterName, x == null ? null : Conversions.streamToSurreal(x, a));
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        named(parameterName, ascii(x, -1L));
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setClob(String parameterName, Reader x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setBlob(String parameterName, InputStream x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public void setNClob(String parameterName, Reader x) throws SQLException {
        named(parameterName, Conversions.toSurreal(x));
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> x) throws SQLException {
        return out(parameterIndex).getObject(1, x);
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> x) throws SQLException {
        throw byName();
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType a, int b) throws SQLException {
        named(parameterName, Conversions.toSurreal(x, a, b));
    }

    @Override
    public void setObject(String parameterName, Object x, SQLType a) throws SQLException {
        named(parameterName, Conversions.toSurreal(x, a, -1));
    }
}

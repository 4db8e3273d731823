package dev.surrealj.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Parameter metadata of a prepared statement: SurrealDB does not describe parameters, so every
 * parameter is {@link Types#OTHER} ({@code any}), nullable, of unknown precision; mode IN, or OUT for
 * the return value of {@code {? = call …}}.
 */
final class SurrealParameterMetaData implements ParameterMetaData {
    private final int count;
    private final int returnIndex;

    SurrealParameterMetaData(int count, int returnIndex) {
        this.count = count;
        this.returnIndex = returnIndex;
    }

    private void check(int param) throws SQLException {
        if (param < 1 || param > count) {
            throw SqlStates.create("07009", "Parameter index " + param + " is out of range (1 to " + count + ")", 0,
                    null);
        }
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        check(param);
        return true;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        check(param);
        return Types.OTHER;
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        check(param);
        return "any";
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        check(param);
        return Object.class.getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return param == returnIndex ? parameterModeOut : parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface.getName(), 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

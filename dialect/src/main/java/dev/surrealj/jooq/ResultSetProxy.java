package dev.surrealj.jooq;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A result set read in select order. SurrealDB returns objects whose keys come back sorted, and the driver's
 * columns follow the keys; jOOQ reads typed queries by column index in select order. This view maps index
 * {@code i} to the column labelled {@code columns[i-1]}; a label no row has reads as NULL.
 */
final class ResultSetProxy implements InvocationHandler {
    private final ResultSet delegate;
    private final List<String> columns;
    private final int[] map;
    private boolean missingRead;

    private ResultSetProxy(ResultSet delegate, List<String> columns, int[] map) {
        this.delegate = delegate;
        this.columns = columns;
        this.map = map;
    }

    static ResultSet wrap(ResultSet rs, List<String> columns) throws SQLException {
        if (rs == null || columns == null) {
            return rs;
        }
        int[] map = new int[columns.size()];
        boolean identity = true;
        ResultSetMetaData md = rs.getMetaData();
        int count = md.getColumnCount();
        for (int i = 0; i < map.length; i++) {
            map[i] = find(rs, md, count, columns.get(i));
            identity &= map[i] == i + 1;
        }
        if (identity && count == map.length) {
            return rs;
        }
        return (ResultSet) Proxy.newProxyInstance(ResultSetProxy.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                new ResultSetProxy(rs, columns, map));
    }

    private static int find(ResultSet rs, ResultSetMetaData md, int count, String label) throws SQLException {
        for (int i = 1; i <= count; i++) {
            if (label.equals(md.getColumnLabel(i))) {
                return i;
            }
        }
        try {
            return rs.findColumn(label);
        } catch (SQLException e) {
            return 0;
        }
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        if (args != null && args.length >= 1 && args[0] instanceof Integer idx && m.getParameterTypes()[0] == int.class
                && (name.startsWith("get") || name.startsWith("update"))) {
            int i = idx;
            if (i < 1 || i > map.length) {
                throw new SQLException("Column index " + i + " out of range 1.." + map.length, "07009");
            }
            int real = map[i - 1];
            if (real == 0) {
                if (name.startsWith("update")) {
                    throw new SQLException("Column " + columns.get(i - 1) + " is not in the result", "42S22");
                }
                missingRead = true;
                return defaultValue(m.getReturnType());
            }
            missingRead = false;
            Object[] a = args.clone();
            a[0] = real;
            return call(m, a);
        }
        switch (name) {
            case "wasNull":
                return missingRead || delegate.wasNull();
            case "getMetaData":
                return MetaData.wrap(delegate.getMetaData(), columns, map);
            case "next":
            case "previous":
            case "first":
            case "last":
            case "absolute":
            case "relative":
                missingRead = false;
                break;
            case "unwrap":
                if (args != null && args.length == 1 && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                    return proxy;
                }
                break;
            default:
                break;
        }
        return call(m, args);
    }

    private Object call(Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static Object defaultValue(Class<?> t) {
        if (!t.isPrimitive()) {
            return null;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        if (t == char.class) {
            return (char) 0;
        }
        return 0;
    }

    /** The metadata of the reordered view. */
    static final class MetaData implements InvocationHandler {
        private final ResultSetMetaData delegate;
        private final List<String> columns;
        private final int[] map;

        private MetaData(ResultSetMetaData delegate, List<String> columns, int[] map) {
            this.delegate = delegate;
            this.columns = columns;
            this.map = map;
        }

        static ResultSetMetaData wrap(ResultSetMetaData md, List<String> columns, int[] map) {
            return (ResultSetMetaData) Proxy.newProxyInstance(ResultSetProxy.class.getClassLoader(),
                    new Class<?>[] {ResultSetMetaData.class}, new MetaData(md, columns, map));
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("getColumnCount")) {
                return map.length;
            }
            if (args != null && args.length == 1 && args[0] instanceof Integer idx) {
                int i = idx;
                int real = i >= 1 && i <= map.length ? map[i - 1] : 0;
                if (real == 0) {
                    return switch (name) {
                        case "getColumnLabel", "getColumnName" -> columns.get(i - 1);
                        case "getColumnType" -> Types.OTHER;
                        case "getColumnTypeName" -> "any";
                        case "getColumnClassName" -> Object.class.getName();
                        case "isNullable" -> ResultSetMetaData.columnNullable;
                        case "getSchemaName", "getTableName", "getCatalogName" -> "";
                        default -> defaultValue(m.getReturnType());
                    };
                }
                try {
                    return m.invoke(delegate, real);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            try {
                return m.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

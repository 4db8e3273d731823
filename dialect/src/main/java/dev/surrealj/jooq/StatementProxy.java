package dev.surrealj.jooq;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * The statement jOOQ executes, wrapped:
 * <ul>
 *   <li>with SurrealJ's binds ({@code ownBinds}): jOOQ's parameter setters ({@code setXxx(int, …)}) are ignored;</li>
 *   <li>a result query runs with {@code executeQuery} (SurrealDB's CREATE, RELATE … return rows too);</li>
 *   <li>DML with RETURNING: {@code executeUpdate} runs the statement as a query and {@code getGeneratedKeys}
 *       returns its rows;</li>
 *   <li>result sets are read by label in the order of {@code columns} ({@link ResultSetProxy}).</li>
 * </ul>
 */
final class StatementProxy implements InvocationHandler {
    private final PreparedStatement delegate;
    private final boolean ownBinds;
    private final List<String> columns;
    private final boolean query;
    private final boolean returning;
    private ResultSet current;
    private ResultSet keys;

    private StatementProxy(PreparedStatement delegate, boolean ownBinds, List<String> columns, boolean query,
            boolean returning) {
        this.delegate = delegate;
        this.ownBinds = ownBinds;
        this.columns = columns;
        this.query = query;
        this.returning = returning;
    }

    static PreparedStatement wrap(PreparedStatement ps, boolean ownBinds, List<String> columns, boolean query,
            boolean returning) {
        return (PreparedStatement) Proxy.newProxyInstance(StatementProxy.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new StatementProxy(ps, ownBinds, columns, query, returning));
    }

    @Override
    public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
        String name = m.getName();
        int argc = args == null ? 0 : args.length;
        if (ownBinds && argc >= 2 && name.startsWith("set") && m.getParameterTypes()[0] == int.class) {
            return null;
        }
        switch (name) {
            case "clearParameters":
                if (ownBinds) {
                    return null;
                }
                break;
            case "execute":
                if (argc == 0 && query) {
                    current = ResultSetProxy.wrap(delegate.executeQuery(), columns);
                    return Boolean.TRUE;
                }
                break;
            case "executeQuery":
                if (argc == 0) {
                    current = ResultSetProxy.wrap(delegate.executeQuery(), columns);
                    return current;
                }
                break;
            case "executeUpdate":
            case "executeLargeUpdate":
                if (argc == 0 && returning) {
                    keys = ResultSetProxy.wrap(delegate.executeQuery(), columns);
                    return name.equals("executeUpdate") ? (Object) 1 : (Object) 1L;
                }
                break;
            case "getResultSet":
                if (current != null) {
                    ResultSet rs = current;
                    current = null;
                    return rs;
                }
                return ResultSetProxy.wrap(delegate.getResultSet(), columns);
            case "getGeneratedKeys":
                if (keys != null) {
                    ResultSet rs = keys;
                    keys = null;
                    return rs;
                }
                break;
            case "addBatch":
                if (ownBinds) {
                    throw new UnsupportedSurrealQLException("jOOQ batches of one query with several bind value sets "
                            + "are not supported; execute the queries one by one or insert many rows in one INSERT");
                }
                break;
            case "unwrap":
                if (argc == 1 && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                    return proxy;
                }
                break;
            default:
                break;
        }
        try {
            return m.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.ConversionsReadTest.fails;
import static dev.surrealj.jdbc.ResultSetLayoutTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cursor movement, closing, and the read-only / forward-only rules. */
class ResultSetStateTest {

    private static SurrealResultSet two() {
        return SurrealResultSet.of(null, List.of(row("a", 1L), row("a", 2L)), null);
    }

    @Test
    void forwardCursor() throws SQLException {
        ResultSet rs = two();
        assertTrue(rs.isBeforeFirst());
        assertFalse(rs.isFirst());
        assertEquals(0, rs.getRow());
        fails("24000", () -> rs.getInt(1));
        assertTrue(rs.next());
        assertTrue(rs.isFirst());
        assertFalse(rs.isLast());
        assertEquals(1, rs.getRow());
        assertTrue(rs.next());
        assertTrue(rs.isLast());
        assertEquals(2, rs.getRow());
        assertFalse(rs.next());
        assertTrue(rs.isAfterLast());
        assertEquals(0, rs.getRow());
        assertFalse(rs.next(), "next() past the end stays false");
        SQLException e = fails("24000", () -> rs.getInt(1));
        assertTrue(e.getMessage().contains("past"), e.getMessage());

        ResultSet empty = SurrealResultSet.of(null, List.of(), null);
        assertFalse(empty.isBeforeFirst(), "false when there are no rows");
        assertFalse(empty.next());
        assertFalse(empty.isAfterLast());
        assertFalse(empty.isFirst());
        assertFalse(empty.isLast());
    }

    @Test
    void onlyForward() throws SQLException {
        ResultSet rs = two();
        rs.next();
        fails("24000", rs::previous);
        fails("24000", rs::first);
        fails("24000", rs::last);
        fails("24000", rs::beforeFirst);
        fails("24000", rs::afterLast);
        fails("24000", () -> rs.absolute(1));
        fails("24000", () -> rs.relative(1));
        fails("24000", () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
        assertEquals(1, rs.getInt(1), "still on row 1");
    }

    @Test
    void fetchSizeIsAStoredHint() throws SQLException {
        ResultSet rs = two();
        assertEquals(0, rs.getFetchSize());
        rs.setFetchSize(100);
        assertEquals(100, rs.getFetchSize());
        fails("22023", () -> rs.setFetchSize(-1));
    }

    @Test
    void warningsStatementAndWrapping() throws SQLException {
        Statement st = statement(new AtomicInteger());
        SurrealResultSet rs = SurrealResultSet.of(st, 1L, null);
        assertSame(st, rs.getStatement());
        assertNull(rs.getWarnings());
        rs.clearWarnings();
        assertNull(SurrealResultSet.of(null, 1L, null).getStatement());
        assertTrue(rs.isWrapperFor(ResultSet.class));
        assertTrue(rs.isWrapperFor(SurrealResultSet.class));
        assertSame(rs, rs.unwrap(ResultSet.class));
        assertFalse(rs.isWrapperFor(Statement.class));
        fails("HY000", () -> rs.unwrap(Statement.class));
    }

    @Test
    void readOnly() throws Exception {
        ResultSet rs = two();
        rs.next();
        assertFalse(rs.rowUpdated());
        assertFalse(rs.rowInserted());
        assertFalse(rs.rowDeleted());
        int checked = 0;
        for (Method m : ResultSet.class.getMethods()) {
            String n = m.getName();
            if (n.startsWith("update") || List.of("insertRow", "deleteRow", "refreshRow", "cancelRowUpdates",
                    "moveToInsertRow", "moveToCurrentRow").contains(n)) {
                Throwable t = invoke(rs, m);
                assertInstanceOf(SQLFeatureNotSupportedException.class, t, m.toString());
                assertEquals("0A000", ((SQLException) t).getSQLState());
                checked++;
            }
        }
        assertTrue(checked > 80, "all update methods: " + checked);
    }

    @Test
    void closeIsIdempotentAndNotifiesTheOwnerOnce() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        Statement st = statement(closed);
        SurrealResultSet rs = SurrealResultSet.of(st, List.of(row("a", 1L)), null);
        assertFalse(rs.isClosed());
        rs.close();
        assertTrue(rs.isClosed());
        assertEquals(1, closed.get());
        rs.close();
        assertEquals(1, closed.get());
        assertTrue(rs.isWrapperFor(ResultSet.class), "wrapper methods work when closed");

        List<String> allowed = List.of("close", "isClosed", "isWrapperFor", "unwrap", "toString", "hashCode",
                "equals");
        List<String> failures = new ArrayList<>();
        for (Method m : ResultSet.class.getMethods()) {
            if (allowed.contains(m.getName()) || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Throwable t = invoke(rs, m);
            if (!(t instanceof SQLException e) || !"24000".equals(e.getSQLState())) {
                failures.add(m + " -> " + t);
            }
        }
        assertEquals(List.of(), failures, "every method of a closed result set fails with 24000");
    }

    /** Calls {@code m} with placeholder arguments and returns what it threw (or null). */
    private static Throwable invoke(ResultSet rs, Method m) throws IllegalAccessException {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                args[i] = 1;
            } else if (t == long.class) {
                args[i] = 1L;
            } else if (t == boolean.class) {
                args[i] = false;
            } else if (t == byte.class) {
                args[i] = (byte) 1;
            } else if (t == short.class) {
                args[i] = (short) 1;
            } else if (t == float.class) {
                args[i] = 1f;
            } else if (t == double.class) {
                args[i] = 1d;
            } else if (t == String.class) {
                args[i] = "a";
            } else if (t == Class.class) {
                args[i] = Object.class;
            } else if (t == BigDecimal.class) {
                args[i] = BigDecimal.ONE;
            } else if (t == java.io.InputStream.class) {
                args[i] = new ByteArrayInputStream(new byte[0]);
            } else if (t == java.io.Reader.class) {
                args[i] = new StringReader("");
            }
        }
        try {
            m.invoke(rs, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    /** A Statement that is a ResultSetOwner counting the closes it hears of. */
    private static Statement statement(AtomicInteger closes) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("resultSetClosed")) {
                assertTrue(((SurrealResultSet) args[0]).isClosed(), "closed before the owner hears of it");
                closes.incrementAndGet();
                return null;
            }
            if (method.getName().equals("toString")) {
                return "statement";
            }
            if (method.getName().equals("hashCode")) {
                return 1;
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            throw new UnsupportedOperationException(method.getName());
        };
        return (Statement) Proxy.newProxyInstance(ResultSetStateTest.class.getClassLoader(),
                new Class<?>[] {Statement.class, ResultSetOwner.class}, h);
    }
}

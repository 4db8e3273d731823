package dev.surrealj.jdbc;

import static dev.surrealj.jdbc.JdbcTestSupport.assertState;
import static dev.surrealj.jdbc.JdbcTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SurrealExtension.class)
class CallableStatementTest {
    private static Connection conn;

    @BeforeAll
    static void open(SurrealTestDb db) throws SQLException {
        db.sql("DEFINE FUNCTION fn::greet($name: string) { RETURN 'Hello, ' + $name; };"
                + "DEFINE FUNCTION fn::add($a: number, $b: number) { RETURN $a + $b; };"
                + "DEFINE FUNCTION fn::nothing() { RETURN NONE; };"
                + "DEFINE FUNCTION fn::pair($a: int) { RETURN [$a, $a * 2]; };"
                + "DEFINE FUNCTION fn::rec($n: string) { RETURN { name: $n, len: string::len($n) }; };");
        conn = connect(db);
    }

    @AfterAll
    static void close() throws SQLException {
        conn.close();
    }

    @Test
    void returnValue() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call fn::greet(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "Ada");
            cs.execute();
            assertEquals("Hello, Ada", cs.getString(1));
            assertFalse(cs.wasNull());
            cs.setString(2, "Bob");
            cs.execute();
            assertEquals("Hello, Bob", cs.getObject(1));
        }
        try (CallableStatement cs = conn.prepareCall("{ ? = call fn::add(?, ?) }")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 40);
            cs.setInt(3, 2);
            cs.execute();
            assertEquals(42, cs.getInt(1));
            assertEquals(42L, cs.getLong(1));
            assertEquals(42, cs.getObject(1)); // an Integer: registered as INTEGER
            assertEquals(new BigDecimal("42"), cs.getBigDecimal(1));
            ParameterMetaData pm = cs.getParameterMetaData();
            assertEquals(3, pm.getParameterCount());
            assertEquals(ParameterMetaData.parameterModeOut, pm.getParameterMode(1));
            assertState("07009", () -> cs.setInt(1, 5));
        }
        try (CallableStatement cs = conn.prepareCall("{? = call fn::nothing()}")) {
            cs.registerOutParameter(1, Types.OTHER);
            cs.execute();
            assertNull(cs.getObject(1));
            assertTrue(cs.wasNull());
            assertEquals(0, cs.getInt(1));
        }
    }

    @Test
    void callReturnsAResultSet() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{call fn::greet(?)}")) {
            cs.setString(1, "Ada");
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Hello, Ada", rs.getString(1));
            }
            assertTrue(cs.execute());
        }
        try (CallableStatement cs = conn.prepareCall("{call fn::rec(?)}")) {
            cs.setString(1, "four");
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(4, rs.getInt("len"));
            }
        }
        try (CallableStatement cs = conn.prepareCall("{call pair(?)}")) { // fn:: added
            cs.setInt(1, 3);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
                assertTrue(rs.next());
                assertEquals(6, rs.getInt(1));
            }
        }
        // a built-in function and plain SurrealQL
        try (CallableStatement cs = conn.prepareCall("{? = call string::uppercase(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "abc");
            cs.execute();
            assertEquals("ABC", cs.getString(1));
        }
        try (CallableStatement cs = conn.prepareCall("RETURN fn::add(?, ?)")) {
            cs.setInt(1, 1);
            cs.setInt(2, 2);
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
            }
        }
    }

    @Test
    void namedParametersAreVariables() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call fn::add($x, ?)}")) {
            cs.registerOutParameter(1, Types.BIGINT);
            cs.setInt("x", 10);
            cs.setLong(2, 5);
            cs.execute();
            assertEquals(15L, cs.getLong(1));
            assertState("0A000", () -> cs.getInt("x"));
            assertState("0A000", () -> cs.registerOutParameter("x", Types.INTEGER));
        }
    }

    @Test
    void errors() throws SQLException {
        try (CallableStatement cs = conn.prepareCall("{? = call fn::greet(?)}")) {
            assertState("0A000", () -> cs.registerOutParameter(2, Types.VARCHAR));
            assertState("07009", () -> cs.getString(1)); // not registered
            cs.registerOutParameter(1, Types.VARCHAR);
            assertState("HY010", () -> cs.getString(1)); // not executed
            assertState("07009", () -> cs.getString(2));
            cs.setInt(2, 5); // a number is not a string for fn::greet
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, cs::execute);
            assertTrue(e.getSQLState() != null);
        }
        try (CallableStatement cs = conn.prepareCall("{call fn::missing()}")) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, cs::execute);
            assertTrue(e.getSQLState().startsWith("42"), e::toString);
        }
        CallableStatement cs = conn.prepareCall("{call fn::greet(?)}");
        cs.close();
        assertState("55000", () -> cs.setString(1, "x"));
        assertEquals(List.of(), List.of());
    }
}

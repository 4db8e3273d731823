package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the JDBC tests. */
final class JdbcTestSupport {
    private JdbcTestSupport() {
    }

    /** {@code jdbc:surrealdb://host:port/ns/db} of a test database (WebSocket). */
    static String url(SurrealTestDb db) {
        return url(db.server(), db.namespace(), db.database());
    }

    static String url(SurrealServer server, String ns, String db) {
        return "jdbc:surrealdb://" + server.host() + ":" + server.port() + "/" + ns + "/" + db;
    }

    /** A connection with the server's root user when it has one. */
    static Connection connect(SurrealTestDb db) throws SQLException {
        return connect(db, new Properties());
    }

    static Connection connect(SurrealTestDb db, Properties extra) throws SQLException {
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        p.putAll(extra);
        return DriverManager.getConnection(url(db), p);
    }

    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    /** The single value of a one-row, one-column query. */
    static Object scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            return rs.getObject(1);
        }
    }

    /** Every value of column {@code label}. */
    static List<Object> column(Connection c, String sql, String label) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(label));
            }
        }
        return out;
    }

    static <T extends SQLException> T assertState(Class<T> type, String state, Executable e) {
        T ex = assertThrows(type, e);
        assertEquals(state, ex.getSQLState(), () -> "unexpected SQLState of " + ex);
        return ex;
    }

    static SQLException assertState(String state, Executable e) {
        return assertState(SQLException.class, state, e);
    }
}

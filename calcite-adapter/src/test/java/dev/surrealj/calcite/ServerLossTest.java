package dev.surrealj.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A server that goes away mid-session gives SQLExceptions, not hangs or NPEs. */
class ServerLossTest {

    @Test
    void queriesAfterTheServerDiedFailWithSqlException() throws Exception {
        SurrealServer server = SurrealServer.builder().start();
        try {
            SurrealTestDb db = new SurrealTestDb(server, "loss", "test");
            db.sql("DEFINE NAMESPACE IF NOT EXISTS loss; USE NS loss; DEFINE DATABASE IF NOT EXISTS test;");
            db.sql("CREATE t:1 SET n = 1; CREATE t:2 SET n = 2;");
            Properties p = new Properties();
            if (server.user() != null) {
                p.setProperty("user", server.user());
                p.setProperty("password", server.password());
            }
            try (Connection c = DriverManager.getConnection("jdbc:surrealdb-sql://" + server.host() + ":" + server.port()
                    + "/loss/test", p)) {
                assertEquals(List.of(List.of("2")), Sample.rows(c, "SELECT COUNT(*) FROM t WHERE n > 0"));
                server.kill();
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    assertThrows(SQLException.class, () -> Sample.rows(c, "SELECT COUNT(*) FROM t WHERE n > 0"));
                    assertThrows(SQLException.class, () -> Sample.rows(c, "SELECT n FROM t ORDER BY n"));
                });
            }
        } finally {
            server.close();
        }
    }
}

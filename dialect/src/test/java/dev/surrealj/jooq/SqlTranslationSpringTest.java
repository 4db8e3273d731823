package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Spring's JdbcTemplate CRUD, unchanged SQL, over a connection with {@code sqlTranslation=true}. */
@ExtendWith(SurrealExtension.class)
class SqlTranslationSpringTest {

    record Customer(String name, int credit) {
    }

    @Test
    void jdbcTemplateCrud(SurrealTestDb db) {
        Properties p = new Properties();
        if (db.server().user() != null) {
            p.setProperty("user", db.server().user());
            p.setProperty("password", db.server().password());
        }
        p.setProperty("sqlTranslation", "true");
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:surrealdb://" + db.server().host() + ":"
                + db.server().port() + "/" + db.namespace() + "/" + db.database());
        ds.setConnectionProperties(p);
        JdbcTemplate jdbc = new JdbcTemplate(ds);

        assertEquals(1, jdbc.update("INSERT INTO customer (name, credit, city) VALUES (?, ?, ?)", "Ann", 100, "Oslo"));
        assertArrayEquals(new int[] {1, 1}, jdbc.batchUpdate("INSERT INTO customer (name, credit, city) VALUES (?, ?, ?)",
                List.of(new Object[] {"Bob", 50, "Bergen"}, new Object[] {"Cid", 75, "Oslo"})));
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE city = ?", Integer.class, "Oslo"));
        assertEquals(List.of(new Customer("Ann", 100), new Customer("Cid", 75)),
                jdbc.query("SELECT name, credit FROM customer WHERE credit > ? ORDER BY name",
                        (rs, i) -> new Customer(rs.getString("name"), rs.getInt("credit")), 60));
        Map<String, Object> row = jdbc.queryForMap("SELECT name, credit FROM customer WHERE name = ?", "Bob");
        assertEquals("Bob", row.get("name"));
        assertEquals(2, jdbc.update("UPDATE customer SET credit = credit + ? WHERE city = ?", 10, "Oslo"));
        assertEquals(110, jdbc.queryForObject("SELECT credit FROM customer WHERE name = ?", Integer.class, "Ann"));
        assertEquals(1, jdbc.update("DELETE FROM customer WHERE name = ?", "Bob"));
        assertEquals(List.of("Ann", "Cid"), jdbc.queryForList("SELECT name FROM customer ORDER BY name", String.class));
        // the pool ping Spring and HikariCP users configure
        assertEquals(1, jdbc.queryForObject("SELECT 1", Integer.class));
    }
}

package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Spring's JdbcTemplate over a HikariCP pool of SurrealJ connections. */
@ExtendWith(SurrealExtension.class)
class HikariSpringJdbcTest {

    record Person(RecordId id, String name, int age) {
    }

    @Test
    void crud(SurrealTestDb db) {
        db.sql("DEFINE TABLE person SCHEMALESS; DEFINE INDEX person_name ON person FIELDS name UNIQUE;");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(JdbcTestSupport.url(db));
        hc.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertEquals(1, jdbc.update("CREATE person SET name = ?, age = ?", "Ada", 36));
            assertEquals(1, jdbc.update("CREATE person SET name = ?, age = ?", "Bob", 25));
            int[] counts = jdbc.batchUpdate("INSERT INTO person (name, age) VALUES (?, ?)",
                    List.of(new Object[] {"Cy", 40}, new Object[] {"Di", 19}));
            assertEquals(2, counts.length);

            List<Person> adults = jdbc.query("SELECT * FROM person WHERE age >= ? ORDER BY age",
                    (rs, i) -> new Person((RecordId) rs.getObject("id"), rs.getString("name"), rs.getInt("age")), 21);
            assertEquals(List.of("Bob", "Ada", "Cy"), adults.stream().map(Person::name).toList());

            Integer age = jdbc.queryForObject("SELECT VALUE age FROM ONLY person WHERE name = ? LIMIT 1", Integer.class, "Cy");
            assertEquals(40, age);
            Long n = jdbc.queryForObject("SELECT count() FROM person GROUP ALL", Long.class);
            assertEquals(4L, n);

            assertEquals(1, jdbc.update("UPDATE person SET age = age + 1 WHERE name = ?", "Ada"));
            assertEquals(37, jdbc.queryForObject("SELECT age FROM person WHERE name = ?", Integer.class, "Ada"));
            assertEquals(1, jdbc.update("DELETE person WHERE name = ? RETURN BEFORE", "Di"));

            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
            List<Map<String, Object>> rows = named.queryForList("SELECT name FROM person WHERE age > :min ORDER BY name",
                    Map.of("min", 30));
            assertEquals(List.of("Ada", "Cy"), rows.stream().map(r -> r.get("name")).toList());

            // Spring translates SQLState 23505
            try {
                jdbc.update("CREATE person SET name = ?", "Ada");
                throw new AssertionError("expected a DuplicateKeyException");
            } catch (DuplicateKeyException expected) {
                assertTrue(expected.getMessage().contains("person_name"));
            }
        }
    }
}

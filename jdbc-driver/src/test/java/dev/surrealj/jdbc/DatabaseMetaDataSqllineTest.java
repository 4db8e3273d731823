package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline, which nobody here wrote, run as its own process with this module's classes: its metadata
 * commands {@code !tables}, {@code !columns}, {@code !primarykeys}, {@code !indexes} and
 * {@code !importedkeys} (which call {@code getTables}, {@code getColumns}, {@code getPrimaryKeys},
 * {@code getIndexInfo} and {@code getImportedKeys}) print the sample schema correctly.
 */
@ExtendWith(SurrealExtension.class)
class DatabaseMetaDataSqllineTest {
    private static String output;

    @BeforeAll
    static void run(SurrealTestDb db, @TempDir Path dir) throws Exception {
        MetadataFixture.create(db, db.server().engine());
        String user = db.server().user() == null ? "\"\"" : db.server().user();
        String pass = db.server().password() == null ? "\"\"" : db.server().password();
        Path script = dir.resolve("session.sql");
        Files.writeString(script, String.join("\n",
                "!connect " + JdbcTestSupport.url(db) + " " + user + " " + pass,
                "!set outputformat csv",
                "!tables",
                "!columns person",
                "!primarykeys person",
                "!indexes person",
                "!importedkeys person",
                "!importedkeys knows",
                "!quit", ""));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "sqlline.SqlLine", "--color=false", "--maxWidth=400", "--run=" + script)
                .redirectErrorStream(true);
        builder.environment().put("COLUMNS", "400"); // jline's dumb terminal (no tty here) is otherwise 0 wide
        Process process = builder.start();
        process.getOutputStream().close();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sqlline did not finish:\n" + output);
        System.out.println(output);
    }

    /** The CSV rows sqlline printed (quoted values), as lists of values. */
    private static List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("'")) {
                List<String> values = new ArrayList<>();
                for (String v : line.split(",", -1)) {
                    values.add(v.replaceAll("^'|'$", ""));
                }
                out.add(values);
            }
        }
        return out;
    }

    private static boolean hasRow(String... values) {
        for (List<String> row : rows()) {
            if (row.containsAll(List.of(values))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noErrors() {
        assertFalse(output.contains("Exception") || output.contains("Error:"), output);
    }

    @Test
    void tables(SurrealTestDb db) {
        assertTrue(hasRow(db.namespace(), db.database(), "person", "TABLE", "People"), output);
        assertTrue(hasRow("company", "TABLE"), output);
        assertTrue(hasRow("note", "TABLE"), output);
        assertTrue(hasRow("knows", "RELATION"), output);
        assertTrue(hasRow("adults", "VIEW"), output);
    }

    @Test
    void columns() {
        assertTrue(hasRow("person", "id", "1111", "record<person>", "NO", "YES"), output);
        assertTrue(hasRow("person", "name", "12", "string", "full name", "NO"), output);
        assertTrue(hasRow("person", "age", "-5", "int", "YES"), output);
        assertTrue(hasRow("person", "address.city", "12", "string"), output);
        assertTrue(hasRow("person", "created", "2014", "datetime", "time::now()"), output);
        assertTrue(Pattern.compile("'person','id',.*'1'").matcher(output).find(), "id is column 1:\n" + output);
    }

    @Test
    void primaryKeys() {
        assertTrue(hasRow("person", "id", "1", "PK_person"), output);
    }

    @Test
    void indexes() {
        assertTrue(hasRow("person", "false", "person_email", "email", "UNIQUE"), output);
        assertTrue(hasRow("person", "true", "person_name_age", "1", "name", "INDEX"), output);
        assertTrue(hasRow("person", "true", "person_name_age", "2", "age", "INDEX"), output);
        assertTrue(hasRow("person", "true", "person_embedding", "embedding", "HNSW"), output);
        assertTrue(hasRow("person", "person_name_search", "name"), output);
    }

    @Test
    void importedKeys() {
        assertTrue(hasRow("company", "id", "person", "employer", "person_employer_fkey", "PK_company"), output);
        assertTrue(hasRow("person", "id", "person", "best_friend", "person_best_friend_fkey"), output);
        assertTrue(hasRow("person", "id", "knows", "in", "knows_in_fkey"), output);
        assertTrue(hasRow("person", "id", "knows", "out", "knows_out_fkey"), output);
    }
}

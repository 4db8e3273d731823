package dev.surrealj.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code -all} jar ({@code jdbc-bundle/target/surrealj-jdbc-<version>-all.jar}, tested as its copy in {@code jdbc-driver/target/}) works on its own: sqlline,
 * with nothing but that jar and its own classes on the class path, connects, queries and lists tables, and with
 * {@code sqlTranslation=true} runs a scripted session of plain SQL through the bundled translator. Runs after
 * {@code package} (failsafe), as a GUI tool would load the jar.
 */
@ExtendWith(SurrealExtension.class)
class BundleJarIT {

    static Path bundle;

    @BeforeAll
    static void fixtures(SurrealTestDb db) {
        bundle = Paths.get(System.getProperty("surrealj.bundleJar", "target/missing-all.jar"));
        db.sql("""
                DEFINE TABLE person SCHEMAFULL;
                DEFINE FIELD name ON person TYPE string;
                DEFINE FIELD age ON person TYPE int;
                CREATE person:ada SET name = 'Ada Lovelace', age = 36;
                CREATE person:alan SET name = 'Alan Turing', age = 41;
                """);
    }

    @Test
    void relocatesNettyAndJacksonAndRegistersTheDriver() throws Exception {
        assertTrue(Files.isRegularFile(bundle), "no bundle jar at " + bundle);
        try (JarFile jar = new JarFile(bundle.toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/netty/")), "unrelocated Netty classes");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("com/fasterxml/")), "unrelocated Jackson classes");
            assertTrue(names.contains("dev/surrealj/shaded/netty/channel/Channel.class"));
            assertTrue(names.contains("dev/surrealj/jdbc/SurrealDriver.class"));
            String services = new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("dev.surrealj.jdbc.SurrealDriver", services.trim());
            String translators = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/dev.surrealj.jdbc.SqlTranslatorFactory")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals("dev.surrealj.jooq.SqlToSurrealQL", translators.trim());
            assertTrue(names.contains("org/jooq/impl/ParserImpl.class"), "jOOQ's parser is bundled");
        }
    }

    @Test
    void sqllineConnectsQueriesAndListsTables(SurrealTestDb db, @TempDir Path dir) throws Exception {
        String url = "jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/"
                + db.namespace() + "/" + db.database();
        Path script = dir.resolve("session.sql");
        Files.writeString(script, String.join("\n",
                "!connect " + url + " \"\" \"\"",
                "SELECT name, age FROM person ORDER BY name;",
                "!tables",
                "!quit", ""));
        String output = sqlline(script);
        assertTrue(output.contains("Ada Lovelace") && output.contains("Alan Turing"), output);
        assertTrue(output.indexOf("Ada Lovelace") < output.indexOf("Alan Turing"), output);
        assertTrue(output.matches("(?s).*\\|\\s*person\\s*\\|.*"), "!tables lists person:\n" + output);
        assertTrue(!output.contains("Exception"), output);
    }

    /**
     * A scripted sqlline session of plain SQL with {@code sqlTranslation=true}: quoted identifiers, FETCH FIRST,
     * COUNT(*), GROUP BY, an UPDATE, {@code !nativesql}, a join along a record link, the SurrealQL hint, and
     * SurrealQL that is not SQL passing through.
     */
    @Test
    void sqllineRunsPlainSqlWithTranslation(SurrealTestDb db, @TempDir Path dir) throws Exception {
        db.sql("""
                DEFINE TABLE book SCHEMALESS;
                DEFINE FIELD author ON book TYPE record<person>;
                CREATE book:1 SET title = 'Notes on the Engine', author = person:ada;
                CREATE book:2 SET title = 'Computable Numbers', author = person:alan;
                """);
        String url = "jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/"
                + db.namespace() + "/" + db.database() + "?sqlTranslation=true";
        Path script = dir.resolve("translated.sql");
        Files.writeString(script, String.join("\n",
                "!connect " + url + " \"\" \"\"",
                "SELECT \"name\", \"age\" FROM \"person\" ORDER BY 2 DESC FETCH FIRST 1 ROWS ONLY;",
                "SELECT COUNT(*) AS people FROM person WHERE age > 30;",
                "UPDATE person SET age = age + 1 WHERE name = 'Ada Lovelace';",
                "SELECT name, age FROM person WHERE name LIKE 'Ada%';",
                // sqlline's !nativesql drops the first 7 characters after the '!' ("native" and one more): the
                // abbreviation !native passes the whole statement
                "!native SELECT b.title, p.name FROM book b JOIN person p ON b.author = p.id",
                "SELECT b.title, p.name AS writer FROM book b JOIN person p ON b.author = p.id ORDER BY b.title;",
                "/*+ surrealql */ SELECT VALUE name FROM person WHERE name = \"Alan Turing\";",
                "SELECT ->wrote->book AS w, name FROM person:alan;",
                "!quit", ""));
        String output = sqlline(script);
        // FETCH FIRST 1 ROWS ONLY, ordered by age descending: only Alan (41)
        int first = output.indexOf("Alan Turing");
        assertTrue(first >= 0, output);
        assertTrue(output.contains("| 41 "), output);
        assertTrue(output.matches("(?s).*\\|\\s*people\\s*\\|.*\\|\\s*2\\s*\\|.*"),
                "COUNT(*) of people over 30:\n" + output);
        assertTrue(output.contains("| 37 "), "the UPDATE ran and the LIKE found Ada at 37:\n" + output);
        assertTrue(output.contains("SELECT title, author.name AS name FROM book WHERE author.id IS NOT NONE"),
                "!nativesql shows the translation:\n" + output);
        assertTrue(output.matches("(?s).*Computable Numbers\\s*\\|\\s*Alan Turing.*Notes on the Engine\\s*\\|\\s*Ada Lovelace.*"),
                "the join along book.author:\n" + output);
        assertTrue(output.contains("| Alan Turing |"), "the hinted SurrealQL ran:\n" + output);
        assertTrue(output.matches("(?s).*\\|\\s*\\[\\]\\s*\\|\\s*Alan Turing.*"), "SurrealQL passed through:\n" + output);
        assertTrue(!output.contains("Exception") && !output.contains("Error"), output);
    }

    /** Runs sqlline with only its own jar and the bundle on the class path; its output. */
    private static String sqlline(Path script) throws Exception {
        Path sqlline = Paths.get(sqlline.SqlLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", sqlline + File.pathSeparator + bundle,
                "sqlline.SqlLine", "--color=false", "--maxWidth=200", "--run=" + script)
                .redirectErrorStream(true);
        builder.environment().put("COLUMNS", "200"); // jline's dumb terminal (no tty here) is otherwise 0 wide
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sqlline did not finish:\n" + output);
        return output;
    }
}

package dev.surrealj.jdbc;

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
 * The shaded {@code -all} jar works on its own: sqlline, with nothing but that jar and its own
 * classes on the class path, connects, queries and lists tables. Runs after {@code package}
 * (failsafe), as a GUI tool would load the jar.
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
        assertTrue(output.contains("Ada Lovelace") && output.contains("Alan Turing"), output);
        assertTrue(output.indexOf("Ada Lovelace") < output.indexOf("Alan Turing"), output);
        assertTrue(output.matches("(?s).*\\|\\s*person\\s*\\|.*"), "!tables lists person:\n" + output);
        assertTrue(!output.contains("Exception"), output);
    }
}

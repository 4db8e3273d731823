package dev.surrealj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoRunsEveryStepAgainstTheLocalEngine() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = Main.run("demo");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        assertTrue(out.contains("Inserted with one batch request: [1, 1, 1, 1]"), out);
        assertTrue(out.contains("[\"Alan Turing\"] | Ada Lovelace") || out.contains("Ada Lovelace | [\"Alan Turing\"]"), out);
        assertTrue(out.contains("person:ada | 1815") || out.contains("person:ada | Ada Lovelace | 1815"), out);
        assertTrue(out.contains("Rear Admiral Grace Hopper"), out);
        assertTrue(out.contains("CREATE person:barbara"), out);
        assertTrue(out.contains("sent as SurrealQL: SELECT name, born FROM person WHERE born < $_jdbc_1"), out);
        assertTrue(out.contains("Alan Turing | 1912" + System.lineSeparator() + "   Rear Admiral Grace Hopper | 1906"), out);
        assertTrue(out.contains("8. Full SQL through Apache Calcite"), out);
        assertTrue(out.contains("   pushed down: SELECT"), out);
        assertTrue(out.contains("Ada Lovelace | 1 | 1" + System.lineSeparator() + "   Rear Admiral Grace Hopper | 1 | 2"), out);
        assertTrue(out.contains("Edsger Dijkstra | 0 | 4"), out);
        assertTrue(out.endsWith("Done." + System.lineSeparator()), out);
    }

    @Test
    void helpListsTheCommands() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run("--help"));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("server") && out.contains("demo"), out);
    }
}

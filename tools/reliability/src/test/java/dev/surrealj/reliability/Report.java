package dev.surrealj.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures one test class produced: counters (operations, faults, errors by kind), measured values
 * and notes. Each class keeps one report in a static field, adds to it from its tests (thread-safe) and
 * calls {@link #write()} in its {@code @AfterAll}; {@link ReportAssembler} then puts the sections of the
 * whole run into {@code docs/reliability.md}.
 *
 * <pre>{@code
 * static final Report REPORT = Report.of(BankTransferTest.class, "Transactions: bank transfers",
 *         "The total balance never changes ...");
 * REPORT.count("transfers committed");          // +1
 * REPORT.set("accounts", 12);
 * REPORT.error(sqlException);                    // "error 40001 SQLTransactionRollbackException" +1
 * @AfterAll static void report() { REPORT.write(); }
 * }</pre>
 */
final class Report {
    private static final Map<String, Report> ALL = new ConcurrentHashMap<>();

    private final String className;
    private final String title;
    private final String proves;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, AtomicLong> counters = new LinkedHashMap<>();
    private final Map<String, AtomicLong> errors = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    private Report(String className, String title, String proves) {
        this.className = className;
        this.title = title;
        this.proves = proves;
    }

    /** The report of a test class (one per class and JVM). */
    static Report of(Class<?> testClass, String title, String proves) {
        return ALL.computeIfAbsent(testClass.getSimpleName(), k -> new Report(k, title, proves));
    }

    /** Where the sections of this run go: {@code target/reliability} of the module. */
    static Path directory() {
        String base = System.getProperty("basedir");
        Path dir = base != null ? Paths.get(base, "target", "reliability") : Paths.get("target", "reliability");
        return dir.toAbsolutePath();
    }

    /** Adds one to a counter. */
    void count(String name) {
        count(name, 1);
    }

    /** Adds {@code delta} to a counter (counters are listed in the order first used). */
    void count(String name, long delta) {
        AtomicLong c;
        synchronized (this) {
            c = counters.computeIfAbsent(name, k -> new AtomicLong());
        }
        c.addAndGet(delta);
    }

    /** The value of a counter (0 if never used). */
    synchronized long counter(String name) {
        AtomicLong c = counters.get(name);
        return c == null ? 0 : c.get();
    }

    /** Sets a figure (listed after the counters, in the order first set). */
    synchronized void set(String name, Object value) {
        figures.put(name, value);
    }

    /** Counts an error by SQLState and class ("08006 SQLTransientConnectionException"). */
    void error(Throwable t) {
        error(Errors.kind(t), 1);
    }

    /** Counts errors of a kind. */
    void error(String kind, long n) {
        AtomicLong c;
        synchronized (this) {
            c = errors.computeIfAbsent(kind, k -> new AtomicLong());
        }
        c.addAndGet(n);
    }

    /** A free-text line under the figures. */
    synchronized void note(String line) {
        notes.add(line);
    }

    /** Writes {@code target/reliability/<Class>.md}. */
    synchronized void write() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- section ").append(className).append(" -->\n");
        sb.append("## ").append(title).append("\n\n");
        sb.append("`").append(className).append("` — ").append(proves).append("\n\n");
        sb.append("| figure | value |\n|---|---|\n");
        counters.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(format(v.get())).append(" |\n"));
        figures.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(format(v)).append(" |\n"));
        if (errors.isEmpty()) {
            sb.append("| errors seen by clients | none |\n");
        } else {
            errors.forEach((k, v) -> sb.append("| error ").append(k).append(" | ").append(format(v.get()))
                    .append(" |\n"));
        }
        sb.append("\n");
        for (String n : notes) {
            sb.append("- ").append(n).append("\n");
        }
        if (!notes.isEmpty()) {
            sb.append("\n");
        }
        try {
            Files.createDirectories(directory());
            Files.writeString(directory().resolve(className + ".md"), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return String.format("%,d", ((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return String.format("%.2f", d);
        }
        return String.valueOf(v).replace("|", "\\|").replace("\n", " ");
    }
}

package dev.surrealj.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Assembles {@code docs/reliability.md} after the last test of the run (registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}): the intro
 * ({@code reliability-intro.md}), run facts, then the section every test class wrote into
 * {@code target/reliability/<Class>.md} during this run, with its test outcomes.
 *
 * <p>A partial run (say {@code -Dtest=BankTransferTest}) only writes
 * {@code target/reliability/reliability.md}: {@code docs/reliability.md} always holds a whole run.
 */
public final class ReportAssembler implements TestExecutionListener {

    /** The sections, in document order. */
    static final List<String> SECTIONS = List.of("NetworkFaultsTest", "ServerRestartUnderLoadTest",
            "BankTransferTest", "CborFuzzTest", "MalformedInputTest", "InjectionAndIdentifiersTest",
            "AuthAndSecretsTest", "TlsTrustTest", "SoakTest");

    private volatile Instant started = Instant.now();
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        started = Instant.now();
        outcomes.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            tally(id, "skipped");
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            tally(id, switch (result.getStatus()) {
                case SUCCESSFUL -> "passed";
                case ABORTED -> "aborted";
                case FAILED -> "failed";
            });
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED
                && id.getSource().orElse(null) instanceof ClassSource) {
            tally(id, "class setup/teardown failed");
        }
    }

    private void tally(TestIdentifier id, String status) {
        String cls = className(id);
        if (cls != null) {
            outcomes.computeIfAbsent(cls, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String className(TestIdentifier id) {
        Object src = id.getSource().orElse(null);
        String name = null;
        if (src instanceof MethodSource m) {
            name = m.getClassName();
        } else if (src instanceof ClassSource c) {
            name = c.getClassName();
        }
        if (name == null) {
            return null;
        }
        name = name.substring(name.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        try {
            assemble();
        } catch (IOException | RuntimeException e) {
            System.err.println("[reliability] cannot assemble the report: " + e);
        }
    }

    private void assemble() throws IOException {
        Path dir = Report.directory();
        if (!Files.isDirectory(dir)) {
            return; // no reliability test ran
        }
        StringBuilder sections = new StringBuilder();
        List<String> missing = new ArrayList<>();
        Map<String, String> summary = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            Path f = dir.resolve(s + ".md");
            if (!Files.isRegularFile(f) || Files.getLastModifiedTime(f).toInstant().isBefore(started.minusSeconds(1))) {
                missing.add(s);
                continue;
            }
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String status = status(s);
            summary.put(s, status);
            int afterTitle = text.indexOf("\n\n");
            sections.append(text, 0, afterTitle + 2)
                    .append("**Tests:** ").append(status).append("\n\n")
                    .append(text.substring(afterTitle + 2));
        }
        if (summary.isEmpty()) {
            return;
        }
        String doc = intro()
                .replace("{{RUN}}", runFacts(summary))
                .replace("{{SECTIONS}}", sections.toString().trim() + "\n");
        Files.writeString(dir.resolve("reliability.md"), doc, StandardCharsets.UTF_8);
        if (missing.isEmpty()) {
            Path docs = docsFile();
            if (docs != null) {
                Files.writeString(docs, doc, StandardCharsets.UTF_8);
                System.out.println("[reliability] wrote " + docs);
            }
        } else {
            System.out.println("[reliability] partial run (no section from " + missing + "): wrote only "
                    + dir.resolve("reliability.md") + ", docs/reliability.md is unchanged");
        }
    }

    private String status(String cls) {
        Map<String, AtomicInteger> m = outcomes.get(cls);
        if (m == null || m.isEmpty()) {
            return "no outcome recorded";
        }
        List<String> parts = new ArrayList<>();
        for (String k : List.of("passed", "failed", "aborted", "skipped", "class setup/teardown failed")) {
            AtomicInteger n = m.get(k);
            if (n != null) {
                parts.add(n.get() + " " + k);
            }
        }
        return String.join(", ", parts);
    }

    private String runFacts(Map<String, String> summary) throws IOException {
        Properties run = new Properties();
        Path info = Report.directory().resolve("_run-info.properties");
        if (Files.isRegularFile(info)) {
            try (InputStream in = Files.newInputStream(info)) {
                run.load(in);
            }
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        StringBuilder sb = new StringBuilder();
        sb.append("| | |\n|---|---|\n");
        sb.append("| run finished | ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                Instant.now().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC |\n");
        sb.append("| wall time of the suite | ").append(seconds).append(" s |\n");
        sb.append("| server | ").append(run.getProperty("server", "dev server (tools/dev-server)")).append(" |\n");
        sb.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(" |\n");
        sb.append("| machine | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores |\n");
        int failing = 0;
        for (String s : summary.values()) {
            if (s.contains("failed") || s.contains("no outcome")) {
                failing++;
            }
        }
        sb.append("| sections with failures | ").append(failing).append(" of ").append(summary.size()).append(" |\n");
        return sb.toString();
    }

    private static String intro() throws IOException {
        try (InputStream in = ReportAssembler.class.getResourceAsStream("/reliability-intro.md")) {
            if (in == null) {
                return "# Reliability and security\n\n{{RUN}}\n{{SECTIONS}}";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code docs/reliability.md} of the checkout, or {@code null} when it cannot be found. */
    static Path docsFile() {
        String root = System.getProperty("surrealj.root");
        if (root != null && !root.isBlank() && Files.isDirectory(Paths.get(root, "docs"))) {
            return Paths.get(root, "docs", "reliability.md");
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/dev-server/server.mjs")) && Files.isDirectory(p.resolve("docs"))) {
                return p.resolve("docs/reliability.md");
            }
        }
        return null;
    }

    /** Records a fact of the run ({@code server} …) for the intro table. */
    static synchronized void runInfo(String key, String value) {
        Path info = Report.directory().resolve("_run-info.properties");
        Properties p = new Properties();
        try {
            Files.createDirectories(info.getParent());
            if (Files.isRegularFile(info)) {
                try (InputStream in = Files.newInputStream(info)) {
                    p.load(in);
                }
            }
            p.setProperty(key, value);
            try (var out = Files.newOutputStream(info)) {
                p.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.surrealj.bench;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.surrealj.jooq.SurrealDSL;
import dev.surrealj.jooq.SurrealDataTypes;
import dev.surrealj.jooq.SurrealQLRenderer;
import dev.surrealj.jooq.SurrealVersion;
import dev.surrealj.value.RecordId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The cost of rendering typical jOOQ queries as SurrealQL with {@link SurrealQLRenderer} (no server, no JMH):
 * each query is built once, warmed up, then rendered {@code --ops} times per run; the result is the median of
 * {@code --runs} runs in ns/op, compared with the target of 20 µs per typical query. For reference it
 * also reports building the query and rendering it (what an application does for each call) and jOOQ's own
 * rendering of the same query in dialect DEFAULT.
 *
 * <pre>
 * mvn -q -pl tools/bench -am install -DskipTests
 * mvn -q -pl tools/bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "$(cat tools/bench/target/classpath.txt):tools/bench/target/classes" dev.surrealj.bench.RenderBench
 * </pre>
 *
 * Options: {@code --runs N} (5), {@code --ops N} (50000), {@code --warmup-ms N} (1000 per query),
 * {@code --out FILE} (docs/benchmarks-render.md under the checkout; {@code -} for none).
 */
public final class RenderBench {
    static {
        // keep jOOQ's banner and tip of the day out of the output
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** The target for rendering a typical query. */
    static final double TARGET_NS = 20_000;

    static final Table<Record> PERSON = table(name("person"));
    static final Table<Record> DOC = table(name("doc"));
    static final Field<RecordId> ID = field(name("id"), SurrealDataTypes.RECORD_ID);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<Integer> AGE = field(name("age"), Integer.class);
    static final Field<String> CITY = field(name("city"), String.class);
    static final Field<Double> SCORE = field(name("score"), Double.class);
    static final Field<Object> EMB = field(name("emb"));
    static final Field<String> BODY = field(name("body"), String.class);

    /** A benchmarked query: how to build it, and the SurrealQL 3.x it must render (checked before measuring). */
    record Case(String name, Supplier<QueryPart> build, String expected) {
    }

    private static final DSLContext DSL_ = DSL.using(SQLDialect.DEFAULT, new Settings().withRenderFormatted(false));
    private static final List<Double> VECTOR = List.of(0.12, 0.5, 0.33, 0.91);

    /** The typical queries (the same strings are asserted by the dialect's RenderBenchQueriesTest). */
    static List<Case> cases() {
        return List.of(
            new Case("select: where, order, limit",
                () -> DSL_.select(NAME, AGE, CITY).from(PERSON).where(AGE.ge(18).and(CITY.eq("Oslo")))
                        .orderBy(AGE.desc(), NAME).limit(10).offset(20),
                "SELECT name, age, city FROM person WHERE age >= ? AND city = ? ORDER BY age DESC, name LIMIT ? START ?"),
            new Case("insert: 3 columns",
                () -> DSL_.insertInto(PERSON, NAME, AGE, CITY).values("Ann", 31, "Oslo"),
                "INSERT INTO person {name: ?, age: ?, city: ?} RETURN id"),
            new Case("update: set, where",
                () -> DSL_.update(PERSON).set(CITY, "Bergen").set(SCORE, 7.5).where(ID.eq(new RecordId("person", "ann"))),
                "UPDATE person SET city = ?, score = ? WHERE id = ? RETURN id"),
            new Case("graph: traversal field, record filter",
                () -> DSL_.select(NAME, SurrealDSL.graph().out("follows").out("person").field("name").as("follows"))
                        .from(PERSON).where(ID.eq(SurrealDSL.recordId("person", "tobie"))),
                "SELECT name, ->follows->person.name AS follows FROM person WHERE id = ?"),
            new Case("knn: HNSW, distance, order",
                () -> DSL_.select(ID, SurrealDSL.knnDistance().as("dist")).from(DOC)
                        .where(SurrealDSL.knn(EMB, 10, 40, VECTOR)).orderBy(field(name("dist"))),
                "SELECT id, vector::distance::knn() AS dist FROM doc WHERE emb <|10,40|> ? ORDER BY dist"),
            new Case("full text: score, highlight",
                () -> DSL_.select(ID, SurrealDSL.searchScore(1).as("score"),
                                SurrealDSL.searchHighlight("<b>", "</b>", 1).as("hl"))
                        .from(DOC).where(SurrealDSL.matches(BODY, 1, "lazy fox")).orderBy(field(name("score")).desc())
                        .limit(5),
                "SELECT id, search::score(1) AS score, search::highlight('<b>', '</b>', 1) AS hl FROM doc WHERE body @1@ ?"
                        + " ORDER BY score DESC LIMIT ?"),
            new Case("group by: count, having",
                () -> DSL_.select(CITY, count().as("n")).from(PERSON).where(AGE.gt(18)).groupBy(CITY)
                        .having(count().gt(1)).orderBy(CITY),
                "SELECT city, n FROM (SELECT city, count() AS n FROM person WHERE age > ? GROUP BY city) WHERE n > ?"
                        + " ORDER BY city"));
    }

    private static volatile long sink;

    public static void main(String[] args) throws IOException {
        int runs = 5;
        int ops = 50_000;
        long warmupMs = 1_000;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--ops" -> ops = Integer.parseInt(args[++i]);
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                case "--out" -> out = args[++i];
                case "-h", "--help" -> {
                    System.out.println("RenderBench [--runs N] [--ops N] [--warmup-ms N] [--out FILE|-]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SurrealQLRenderer renderer = SurrealQLRenderer.of(SurrealVersion.V3);
        List<Case> cases = cases();
        for (Case c : cases) {
            String sql = renderer.render(c.build().get()).sql();
            if (!sql.equals(c.expected())) {
                throw new IllegalStateException(c.name() + ": rendered\n  " + sql + "\nexpected\n  " + c.expected());
            }
        }

        List<Row> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-40s %12s %12s %12s %8s%n", "query", "render ns/op", "build+render",
                "jOOQ render", "target");
        for (Case c : cases) {
            QueryPart q = c.build().get();
            Measure render = () -> {
                SurrealQLRenderer.Rendered r = renderer.render(q);
                return r.sql().length() + r.bindCount();
            };
            Measure buildRender = () -> {
                SurrealQLRenderer.Rendered r = renderer.render(c.build().get());
                return r.sql().length() + r.bindCount();
            };
            Measure jooq = () -> DSL_.render(q).length();
            double[] a = measure(render, runs, ops, warmupMs);
            double[] b = measure(buildRender, runs, ops, warmupMs / 2);
            double[] j = measure(jooq, runs, Math.max(1, ops / 5), warmupMs / 2);
            Row row = new Row(c, median(a), min(a), max(a), median(b), median(j));
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-40s %12.0f %12.0f %12.0f %8s%n", c.name(), row.median, row.buildRender,
                    row.jooq, row.median < TARGET_NS ? "PASS" : "MISS");
        }
        String md = report(rows, runs, ops, warmupMs);
        Path file = out == null ? defaultOut() : "-".equals(out) ? null : Path.of(out);
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, md);
            System.out.println("wrote " + file);
        }
        System.out.println(rows.stream().allMatch(r -> r.median < TARGET_NS) ? "ALL PASS" : "SOME MISS");
    }

    @FunctionalInterface
    interface Measure {
        int once();
    }

    record Row(Case c, double median, double min, double max, double buildRender, double jooq) {
    }

    /** Warms up for {@code warmupMs}, then returns the ns/op of {@code runs} runs of {@code ops} operations. */
    static double[] measure(Measure m, int runs, int ops, long warmupMs) {
        long acc = 0;
        long end = System.nanoTime() + warmupMs * 1_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000; i++) {
                acc += m.once();
            }
        }
        double[] result = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < ops; i++) {
                acc += m.once();
            }
            result[r] = (System.nanoTime() - t0) / (double) ops;
        }
        sink += acc;
        return result;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** docs/benchmarks-render.md in the checkout (found from -Dsurrealj.root or the working directory). */
    static Path defaultOut() {
        String root = System.getProperty("surrealj.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("dialect")) && Files.isDirectory(p.resolve("docs"))) {
                return p.resolve("docs").resolve("benchmarks-render.md");
            }
        }
        return dir.resolve("benchmarks-render.md");
    }

    static String report(List<Row> rows, int runs, int ops, long warmupMs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rendering jOOQ queries as SurrealQL\n\n");
        sb.append("The issue's target: rendering a typical query costs under 20 µs. `RenderBench` (tools/bench, no JMH)\n")
                .append("builds each query once, renders it with `SurrealQLRenderer` (SurrealQL 3.x, positional binds)\n")
                .append("for ").append(warmupMs).append(" ms of warm-up, then ").append(runs).append(" runs of ")
                .append(ops).append(" renderings; the figure is the median run's ns/op.\n")
                .append("\"build + render\" constructs the jOOQ query object each time as well (what an application does per\n")
                .append("call); \"jOOQ render\" is jOOQ's own SQL rendering of the same query in dialect DEFAULT, for scale.\n\n");
        sb.append("| query | render ns/op (median) | min … max | vs 20 µs | | build + render ns/op | jOOQ render ns/op |\n");
        sb.append("|---|---:|---:|---:|---|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f … %.0f | %.3f | %s | %.0f | %.0f |%n", r.c.name(),
                    r.median, r.min, r.max, r.median / TARGET_NS, r.median < TARGET_NS ? "PASS" : "MISS", r.buildRender,
                    r.jooq));
        }
        sb.append("\nThe SurrealQL of each query (checked before measuring; `RenderBenchQueriesTest` in dialect asserts the same):\n\n");
        for (Row r : rows) {
            sb.append("- ").append(r.c.name()).append(": `").append(r.c.expected()).append("`\n");
        }
        Runtime rt = Runtime.getRuntime();
        sb.append("\nMachine: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(rt.availableProcessors()).append(" CPUs, Java ")
                .append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vm.name"))
                .append("), max heap ").append(rt.maxMemory() >> 20).append(" MiB, JVM arguments ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments()).append(".\n");
        sb.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(loadAverage()).append(".\n\n");
        sb.append("Reproduce (from the checkout):\n\n```sh\n")
                .append("mvn -q -pl tools/bench -am install -DskipTests\n")
                .append("mvn -q -pl tools/bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt\n")
                .append("java -cp \"$(cat tools/bench/target/classpath.txt):tools/bench/target/classes\" dev.surrealj.bench.RenderBench\n")
                .append("```\n\nOptions: `--runs N`, `--ops N`, `--warmup-ms N`, `--out FILE` (`-`: print only).\n");
        return sb.toString();
    }

    /** ", load average a b c" on Linux (other processes' work inflates the figures), else "". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return ", load average " + f[0] + " " + f[1] + " " + f[2] + " at the end";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private RenderBench() {
    }
}

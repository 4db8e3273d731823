package dev.surrealj.jooq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.jooq.ddl.SurrealDDL;
import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import dev.surrealj.value.RecordId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.codegen.GenerationTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ's code generator ({@code org.jooq.meta.jdbc.JDBCDatabase}) over the SurrealJ driver, with the documented
 * configuration ({@code src/test/resources/codegen/jooq-codegen.xml}, the README's "Code generation"): the
 * generated classes compile and run typed queries, and the copy checked in under
 * {@code src/test/java/dev/surrealj/jooq/generated} (used by {@link GeneratedClassesTest}) is what the generator
 * produces for {@link #defineSchema(DSLContext)}. Regenerate that copy with {@code -Dcodegen.update=true}.
 */
@ExtendWith(SurrealExtension.class)
class CodegenTest {
    static final String PACKAGE = "dev.surrealj.jooq.generated";
    /** The package of the classes generated and compiled by the test itself. */
    static final String FRESH = "dev.surrealj.jooq.fresh";
    static final Path CHECKED_IN = Path.of("src/test/java/dev/surrealj/jooq/generated");

    /** The schema the generated classes describe: authors, and books linking to them. */
    static void defineSchema(DSLContext dsl) {
        SurrealDDL.defineTable("author").schemafull().comment("Writers").execute(dsl);
        SurrealDDL.defineField("name", "author").type("string").execute(dsl);
        SurrealDDL.defineField("born", "author").type("option<datetime>").execute(dsl);
        SurrealDDL.defineField("uid", "author").type("option<uuid>").execute(dsl);
        SurrealDDL.defineField("home", "author").type("option<geometry<point>>").execute(dsl);
        SurrealDDL.defineTable("book").schemafull().execute(dsl);
        SurrealDDL.defineField("title", "book").type("string").execute(dsl);
        SurrealDDL.defineField("pages", "book").type("int").execute(dsl);
        SurrealDDL.defineField("price", "book").type("option<decimal>").execute(dsl);
        SurrealDDL.defineField("rating", "book").type("option<float>").execute(dsl);
        SurrealDDL.defineField("in_print", "book").type("bool").defaultValue(true).execute(dsl);
        SurrealDDL.defineField("author", "book").type("record<author>").execute(dsl);
        SurrealDDL.defineField("tags", "book").type("array<string>").defaultValue(List.of()).execute(dsl);
        SurrealDDL.defineField("meta", "book").type("option<object>").flexible().execute(dsl);
        SurrealDDL.defineField("reading_time", "book").type("option<duration>").execute(dsl);
        SurrealDDL.defineField("extra", "book").type("any").execute(dsl);
        SurrealDDL.defineIndex("book_title", "book").fields("title").unique().execute(dsl);
    }

    /** Runs the documented generator configuration against {@code db} into {@code dir}. */
    static void generate(SurrealTestDb db, Path dir, String pkg) throws Exception {
        String xml;
        try (InputStream in = CodegenTest.class.getResourceAsStream("/codegen/jooq-codegen.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (db.server().user() == null) {
            // a server without authentication: no credentials
            xml = xml.replaceAll("\\s*<(user|password)>\\$\\{(user|password)}</(user|password)>", "");
        }
        Map<String, String> vars = Map.of(
                "url", "jdbc:surrealdb://" + db.server().host() + ":" + db.server().port() + "/" + db.namespace() + "/"
                        + db.database(),
                "user", String.valueOf(db.server().user()), "password", String.valueOf(db.server().password()),
                "database", db.database(), "package", pkg, "directory", dir.toString());
        for (Map.Entry<String, String> v : vars.entrySet()) {
            xml = xml.replace("${" + v.getKey() + "}", v.getValue());
        }
        GenerationTool.generate(GenerationTool.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    static Map<String, String> sources(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    @BeforeAll
    static void schema(SurrealTestDb db) throws Exception {
        try (Connection c = Fixture.connect(db)) {
            defineSchema(SurrealDSL.using(c));
        }
    }

    @Test
    void generatedClassesCompileAndRunTypedQueries(SurrealTestDb db, @TempDir Path tmp) throws Exception {
        try (Connection c = Fixture.connect(db)) {
            DSLContext dsl = SurrealDSL.using(c);
            Path src = tmp.resolve("src");
            generate(db, src, FRESH);
            Path pkg = src.resolve(FRESH.replace('.', '/'));
            Map<String, String> generated = sources(pkg);
            assertTrue(generated.containsKey("tables/Book.java") && generated.containsKey("tables/records/BookRecord.java"),
                    generated.keySet().toString());
            String book = generated.get("tables/Book.java");
            assertTrue(book.contains("TableField<BookRecord, String> TITLE"), book);
            assertTrue(book.contains("TableField<BookRecord, Long> PAGES"), book);
            assertTrue(book.contains("TableField<BookRecord, RecordId> AUTHOR"), book);
            assertTrue(book.contains("TableField<BookRecord, List> TAGS"), book);

            // compile the generated sources against the test classpath, load them, run typed queries
            Path classes = tmp.resolve("classes");
            Files.createDirectories(classes);
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "javac of the generated classes");
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                Class<?> bookClass = loader.loadClass(FRESH + ".tables.Book");
                @SuppressWarnings("unchecked")
                Table<Record> books = (Table<Record>) bookClass.getField("BOOK").get(null);
                @SuppressWarnings("unchecked")
                Table<Record> authors = (Table<Record>) loader.loadClass(FRESH + ".tables.Author").getField("AUTHOR").get(null);

                UniqueKey<Record> pk = books.getPrimaryKey();
                assertEquals("id", pk.getFields().get(0).getName());
                assertEquals(1, books.getReferences().size(), "book.author references author");
                assertEquals(authors, books.getReferences().get(0).getKey().getTable());

                @SuppressWarnings("unchecked")
                Field<RecordId> authorId = (Field<RecordId>) authors.field("id");
                @SuppressWarnings("unchecked")
                Field<String> authorName = (Field<String>) authors.field("name");
                @SuppressWarnings("unchecked")
                Field<String> title = (Field<String>) books.field("title");
                @SuppressWarnings("unchecked")
                Field<Long> pages = (Field<Long>) books.field("pages");
                @SuppressWarnings("unchecked")
                Field<RecordId> author = (Field<RecordId>) books.field("author");
                RecordId le = new RecordId("author", "le_guin");
                assertEquals(1, dsl.insertInto(authors, authorId, authorName).values(le, "Ursula K. Le Guin").execute());
                assertEquals(2, dsl.insertInto(books, title, pages, author)
                        .values("A Wizard of Earthsea", 183L, le).values("The Dispossessed", 387L, le).execute());
                Result<Record> r = dsl.selectFrom(books).where(pages.gt(200L)).fetch();
                assertEquals(1, r.size());
                assertEquals(loader.loadClass(FRESH + ".tables.records.BookRecord"), r.get(0).getClass());
                assertEquals("The Dispossessed", r.get(0).get(title));
                assertEquals(le, r.get(0).get(author));
                assertEquals(387L, r.get(0).get(pages));
            }
        }
    }

    @Test
    void checkedInClassesAreWhatTheGeneratorProduces(SurrealTestDb db, @TempDir Path tmp) throws Exception {
        generate(db, tmp, PACKAGE);
        Map<String, String> fresh = sources(tmp.resolve(PACKAGE.replace('.', '/')));
        if (Boolean.getBoolean("codegen.update")) {
            try (Stream<Path> s = Files.exists(CHECKED_IN) ? Files.walk(CHECKED_IN) : Stream.empty()) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            for (Map.Entry<String, String> e : fresh.entrySet()) {
                Path p = CHECKED_IN.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        }
        assertEquals(fresh, sources(CHECKED_IN),
                "the generated classes under " + CHECKED_IN + " are out of date: run CodegenTest with -Dcodegen.update=true");
    }
}

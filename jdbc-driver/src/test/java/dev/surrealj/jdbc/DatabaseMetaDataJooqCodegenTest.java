package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.testing.SurrealExtension;
import dev.surrealj.testing.SurrealTestDb;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Logging;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * jOOQ's code generator, which nobody here wrote, reads the sample schema through
 * {@code org.jooq.meta.jdbc.JDBCDatabase} (that is: only through our {@code DatabaseMetaData}) and
 * generates typed table classes; they compile against the test class path and hold the expected
 * tables, fields, primary keys and foreign keys from record links.
 */
@ExtendWith(SurrealExtension.class)
class DatabaseMetaDataJooqCodegenTest {

    @BeforeAll
    static void fixtures(SurrealTestDb db) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        MetadataFixture.create(db, db.server().engine());
    }

    @Test
    void generatesTypedTablesThatCompile(SurrealTestDb db, @TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Jdbc jdbc = new Jdbc().withDriver(SurrealDriver.class.getName()).withUrl(JdbcTestSupport.url(db));
        if (db.server().user() != null) {
            jdbc = jdbc.withUser(db.server().user()).withPassword(db.server().password());
        }
        Configuration configuration = new Configuration()
                .withLogging(Logging.WARN)
                .withJdbc(jdbc)
                .withGenerator(new Generator()
                        .withName("org.jooq.codegen.JavaGenerator")
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.jdbc.JDBCDatabase")
                                .withInputSchema(db.database())
                                .withIncludes(".*"))
                        .withGenerate(new Generate().withPojos(true).withRecords(true))
                        .withTarget(new Target().withPackageName("gen.surreal").withDirectory(src.toString())));
        long start = System.nanoTime();
        GenerationTool.generate(configuration);
        System.out.printf("jOOQ code generation over SurrealJ metadata: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        List<Path> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        Path tables = src.resolve("gen/surreal/tables");
        for (String t : List.of("Person", "Company", "Note", "Knows", "Adults")) {
            assertTrue(Files.isRegularFile(tables.resolve(t + ".java")), t + " not generated: " + sources);
        }

        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "no system Java compiler");
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d",
                    classes.toString(), "-proc:none", "-nowarn");
            boolean ok = compiler.getTask(diagnostics, files, null, options, null, units).call();
            assertTrue(ok, "generated code does not compile:\n" + diagnostics);
        }

        URL[] urls = {classes.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader())) {
            Table<?> person = table(loader, "Person", "PERSON");
            List<String> fields = new ArrayList<>();
            for (org.jooq.Field<?> f : person.fields()) {
                fields.add(f.getName());
                System.out.printf("  person.%s: %s%n", f.getName(), f.getType().getSimpleName());
            }
            assertEquals("id", fields.get(0));
            assertTrue(fields.containsAll(List.of("name", "age", "email", "address", "address.city", "tags",
                    "best_friend", "employer", "score", "created")), fields::toString);
            assertFalse(fields.contains("tags.*") || fields.contains("tags[*]"), fields::toString);

            UniqueKey<?> pk = person.getPrimaryKey();
            assertNotNull(pk, "Person has no primary key");
            assertEquals(List.of("id"),
                    pk.getFields().stream().map(org.jooq.Field::getName).collect(Collectors.toList()));
            assertNotNull(pk.getName());

            List<String> refs = person.getReferences().stream()
                    .map(r -> r.getName() + "->" + r.getKey().getTable().getName())
                    .sorted().collect(Collectors.toList());
            assertEquals(List.of("person_best_friend_fkey->person", "person_employer_fkey->company"), refs);

            Table<?> knows = table(loader, "Knows", "KNOWS");
            List<String> edges = knows.getReferences().stream().map(r -> r.getFields().get(0).getName())
                    .sorted().collect(Collectors.toList());
            assertEquals(List.of("in", "out"), edges);

            // typed fields: what jOOQ makes of SurrealDB's TYPE_NAMEs in its DEFAULT dialect
            Class<?> personClass = loader.loadClass("gen.surreal.tables.Person");
            Field name = personClass.getField("NAME");
            assertTrue(TableField.class.isAssignableFrom(name.getType()));
            TableField<?, ?> age = (TableField<?, ?>) personClass.getField("AGE").get(person);
            assertTrue(Number.class.isAssignableFrom(age.getType()), "age is " + age.getType());
            TableField<?, ?> score = (TableField<?, ?>) personClass.getField("SCORE").get(person);
            assertEquals(java.math.BigDecimal.class, score.getType());
            assertTrue(age.getDataType().nullable());
            TableField<?, ?> email = (TableField<?, ?>) personClass.getField("EMAIL").get(person);
            assertFalse(email.getDataType().nullable());

            assertTrue(Files.isRegularFile(src.resolve("gen/surreal/tables/records/PersonRecord.java")));
            assertTrue(Files.isRegularFile(src.resolve("gen/surreal/Keys.java")));
            assertTrue(Files.readString(src.resolve("gen/surreal/Keys.java")).contains("PK_PERSON"));
        }
    }

    private static Table<?> table(ClassLoader loader, String className, String constant) throws Exception {
        Class<?> c = loader.loadClass("gen.surreal.tables." + className);
        return (Table<?>) c.getField(constant).get(null);
    }

}

package dev.surrealj.testing;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: each test class gets the JVM's shared {@link SurrealServer} and a fresh
 * namespace/database ({@link SurrealTestDb}), injected as constructor, lifecycle or test method
 * parameters.
 *
 * <pre>{@code
 * @ExtendWith(SurrealExtension.class)
 * class QueryTest {
 *     @BeforeAll
 *     static void schema(SurrealTestDb db) {
 *         db.sql("DEFINE TABLE person SCHEMAFULL; DEFINE FIELD name ON person TYPE string;");
 *     }
 *
 *     @Test
 *     void runs(SurrealServer server, SurrealTestDb db) { ... }
 * }
 * }</pre>
 */
public final class SurrealExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(SurrealExtension.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        testDb(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SurrealServer.class || type == SurrealTestDb.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SurrealTestDb db = testDb(context);
        return parameter.getParameter().getType() == SurrealServer.class ? db.server() : db;
    }

    private static SurrealTestDb testDb(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(STORE).getOrComputeIfAbsent(
                "db:" + classContext.getUniqueId(), key -> create(classContext), SurrealTestDb.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static SurrealTestDb create(ExtensionContext classContext) {
        SurrealServer server = SurrealServer.shared();
        String name = classContext.getTestClass().map(Class::getSimpleName).orElse("test")
                .replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String namespace = "t_" + name + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        SurrealTestDb db = new SurrealTestDb(server, namespace, "test");
        HttpSql.run(server, null, null, "DEFINE NAMESPACE IF NOT EXISTS " + namespace + "; USE NS " + namespace
                + "; DEFINE DATABASE IF NOT EXISTS test;");
        return db;
    }
}

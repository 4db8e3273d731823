package dev.surrealj.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.testing.SurrealServer;
import dev.surrealj.testing.SurrealTestDb;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the RPC tests. */
final class RpcTestSupport {
    private RpcTestSupport() {
    }

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A fresh namespace and database on the shared server, created through the RPC client (not
     * through {@code SurrealExtension}, whose HTTP fixture is refused by the dev server: the JDK
     * HttpClient asks for an h2c upgrade, answered 404).
     */
    static SurrealTestDb freshDb(String name) {
        return freshDb(SurrealServer.shared(), name);
    }

    static SurrealTestDb freshDb(SurrealServer server, String name) {
        String ns = "rpc_" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + "_" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet();
        RpcConfig.Builder b = config(server.wsUrl());
        if (server.user() != null) {
            b.credentials(Credentials.root(server.user(), server.password()));
        }
        try (SurrealClient c = SurrealClient.connect(b.build())) {
            value(c, "DEFINE NAMESPACE IF NOT EXISTS " + ns + "; USE NS " + ns + "; DEFINE DATABASE IF NOT EXISTS test;");
        }
        return new SurrealTestDb(server, ns, "test");
    }

    static RpcConfig.Builder config(URI uri) {
        return RpcConfig.builder().uri(uri).requestTimeout(Duration.ofSeconds(20)).connectTimeout(Duration.ofSeconds(5));
    }

    static RpcConfig.Builder config(SurrealTestDb db) {
        RpcConfig.Builder b = config(db.server().wsUrl()).namespace(db.namespace()).database(db.database());
        if (db.server().user() != null) {
            b.credentials(Credentials.root(db.server().user(), db.server().password()));
        }
        return b;
    }

    static SurrealClient connect(SurrealTestDb db) {
        return SurrealClient.connect(config(db).build());
    }

    static SurrealClient connect(SurrealServer server, String ns, String db) {
        RpcConfig.Builder b = config(server.wsUrl()).namespace(ns).database(db);
        if (server.user() != null) {
            b.credentials(Credentials.root(server.user(), server.password()));
        }
        return SurrealClient.connect(b.build());
    }

    /** The value of the only (or last) statement, failing on ERR. */
    static Object value(RpcOperations ops, String sql) {
        return value(ops, sql, null);
    }

    static Object value(RpcOperations ops, String sql, Map<String, ?> vars) {
        List<QueryResult> r = ops.query(sql, vars).await();
        return r.get(r.size() - 1).orThrow();
    }

    static SurrealException assertSurreal(SurrealException.Category category, Executable e) {
        SurrealException ex = assertThrows(SurrealException.class, e);
        assertEquals(category, ex.category(), () -> "unexpected " + ex);
        return ex;
    }

    static void await(BooleanSupplier condition, Duration max, String what) {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

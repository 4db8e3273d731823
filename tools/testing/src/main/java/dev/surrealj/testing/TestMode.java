package dev.surrealj.testing;

import java.util.Locale;

/**
 * Where tests find their SurrealDB server.
 *
 * <p>Chosen by the system property {@code surrealj.test.mode} or the environment variable
 * {@code SURREALJ_TEST_MODE}; {@link #DEV} when neither is set.
 *
 * <pre>{@code
 * mvn verify                                   # dev: the local engine from tools/dev-server
 * SURREALJ_TEST_MODE=external SURREALDB_URL=ws://db:8000/rpc mvn verify
 * mvn verify -Dsurrealj.test.mode=docker       # surrealdb/surrealdb in Testcontainers
 * }</pre>
 */
public enum TestMode {
    /** The Node dev server hosting SurrealDB's official embedded engine (default). */
    DEV,
    /** A server started elsewhere, reached through {@code SURREALDB_URL}. */
    EXTERNAL,
    /** The official {@code surrealdb/surrealdb} image through Testcontainers. */
    DOCKER;

    /** The mode configured for this JVM. */
    public static TestMode current() {
        String value = System.getProperty("surrealj.test.mode", System.getenv("SURREALJ_TEST_MODE"));
        if (value == null || value.isBlank()) {
            return DEV;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "surrealj.test.mode must be dev, external or docker, not '" + value + "'", e);
        }
    }
}

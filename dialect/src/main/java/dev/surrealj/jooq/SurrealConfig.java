package dev.surrealj.jooq;

import dev.surrealj.jdbc.SurrealConnection;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Configuration;

/** The SurrealJ state of a jOOQ {@link Configuration} (in its data map): the SurrealQL version to render. */
final class SurrealConfig {
    static final String KEY = "dev.surrealj.jooq.config";

    private volatile SurrealVersion version;

    SurrealConfig(SurrealVersion version) {
        this.version = version;
    }

    /** The version, or null when not known yet (it is read from the server at the first execution). */
    SurrealVersion version() {
        return version;
    }

    /** Reads the version from the server when it is not known yet. */
    SurrealVersion resolve(Connection c) {
        SurrealVersion v = version;
        if (v == null) {
            v = detect(c);
            version = v;
        }
        return v;
    }

    static SurrealVersion detect(Connection c) {
        if (c == null) {
            return SurrealVersion.V3;
        }
        try {
            if (c.isWrapperFor(SurrealConnection.class)) {
                return SurrealVersion.fromMajor(c.unwrap(SurrealConnection.class).getServerMajorVersion());
            }
            return SurrealVersion.fromServerVersion(c.getMetaData().getDatabaseProductVersion());
        } catch (SQLException | RuntimeException e) {
            return SurrealVersion.V3;
        }
    }

    /** The config of a jOOQ configuration, or null. */
    static SurrealConfig of(Configuration c) {
        if (c == null) {
            return null;
        }
        Object o = c.data(KEY);
        return o instanceof SurrealConfig s ? s : null;
    }

    /** The version to render for a configuration: the known one, else 3.x. */
    static SurrealVersion versionOf(Configuration c) {
        SurrealConfig s = of(c);
        SurrealVersion v = s == null ? null : s.version;
        return v == null ? SurrealVersion.V3 : v;
    }
}

package dev.surrealj.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code signin} (or {@code authenticate}) needs: a system user (root, namespace or database)
 * with a password, a record-access method with its variables, a bearer access key, or a token.
 * Immutable; {@link #toString()} never shows the password, key, token or variable values.
 *
 * <pre>{@code
 * client.signin(Credentials.root("root", "secret")).await();
 * client.signin(Credentials.database("shop", "main", "app", "pw")).await();
 * client.signup(Credentials.recordAccess("shop", "main", "user", Map.of("email", "a@b.c", "pass", "pw"))).await();
 * RpcConfig.builder().uri(uri).credentials(() -> Credentials.root("root", System.getenv("PW")));
 * }</pre>
 */
public final class Credentials {
    /** Which kind of credentials. */
    public enum Kind {
        /** Root user: {@code {user, pass}}. */
        ROOT,
        /** Namespace user: {@code {ns, user, pass}}. */
        NAMESPACE,
        /** Database user: {@code {ns, db, user, pass}}. */
        DATABASE,
        /** Record access method: {@code {NS, DB, AC, ...vars}}. */
        RECORD,
        /** Bearer access key: {@code {NS?, DB?, AC, key}}. */
        BEARER,
        /** A token (JWT) given to {@code authenticate}. */
        TOKEN,
        /** Raw signin parameters as given to {@code call("signin", map)}. */
        RAW
    }

    private final Kind kind;
    private final String namespace;
    private final String database;
    private final String user;
    private final String access;
    private final String secret;
    private final Map<String, Object> vars;

    private Credentials(Kind kind, String namespace, String database, String user, String access, String secret,
                        Map<String, Object> vars) {
        this.kind = kind;
        this.namespace = namespace;
        this.database = database;
        this.user = user;
        this.access = access;
        this.secret = secret;
        this.vars = vars;
    }

    /** A root user. */
    public static Credentials root(String user, String pass) {
        return new Credentials(Kind.ROOT, null, null, req(user, "user"), null, req(pass, "pass"), Map.of());
    }

    /** A namespace user. */
    public static Credentials namespace(String ns, String user, String pass) {
        return new Credentials(Kind.NAMESPACE, req(ns, "ns"), null, req(user, "user"), null, req(pass, "pass"),
                Map.of());
    }

    /** A database user. */
    public static Credentials database(String ns, String db, String user, String pass) {
        return new Credentials(Kind.DATABASE, req(ns, "ns"), req(db, "db"), req(user, "user"), null,
                req(pass, "pass"), Map.of());
    }

    /**
     * A record access method ({@code DEFINE ACCESS … TYPE RECORD}).
     *
     * @param vars the variables its SIGNIN/SIGNUP clause reads, e.g. {@code email} and {@code pass}
     */
    public static Credentials recordAccess(String ns, String db, String access, Map<String, ?> vars) {
        return new Credentials(Kind.RECORD, req(ns, "ns"), req(db, "db"), null, req(access, "access"), null,
                copy(vars));
    }

    /** A bearer access key ({@code DEFINE ACCESS … TYPE BEARER}); {@code ns}/{@code db} may be null. */
    public static Credentials bearer(String ns, String db, String access, String key) {
        return new Credentials(Kind.BEARER, ns, db, null, req(access, "access"), req(key, "key"), Map.of());
    }

    /** A token for {@code authenticate}. */
    public static Credentials token(String token) {
        return new Credentials(Kind.TOKEN, null, null, null, null, req(token, "token"), Map.of());
    }

    /** Raw signin parameters, sent as they are. */
    public static Credentials raw(Map<String, ?> params) {
        Map<String, Object> m = copy(params);
        return new Credentials(Kind.RAW, str(m, "ns", "NS"), str(m, "db", "DB"), str(m, "user"),
                str(m, "ac", "AC", "access"), null, m);
    }

    public Kind kind() {
        return kind;
    }

    public String namespace() {
        return namespace;
    }

    public String database() {
        return database;
    }

    /** The user name of a system user, or {@code null}. */
    public String user() {
        return user;
    }

    /** The access method name, or {@code null}. */
    public String access() {
        return access;
    }

    /** Whether these are a system user's name and password (usable as HTTP Basic authentication). */
    public boolean isSystemUser() {
        return kind == Kind.ROOT || kind == Kind.NAMESPACE || kind == Kind.DATABASE
                || kind == Kind.RAW && user != null && vars.get("pass") instanceof String && access == null;
    }

    /** The password of a system user, for the HTTP transport. */
    String password() {
        return kind == Kind.RAW ? (String) vars.get("pass") : secret;
    }

    /** The token of {@link Kind#TOKEN} credentials. */
    String token() {
        return kind == Kind.TOKEN ? secret : null;
    }

    /** The parameter object of {@code signin}/{@code signup}. */
    Map<String, Object> toParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case ROOT -> {
                m.put("user", user);
                m.put("pass", secret);
            }
            case NAMESPACE -> {
                m.put("ns", namespace);
                m.put("user", user);
                m.put("pass", secret);
            }
            case DATABASE -> {
                m.put("ns", namespace);
                m.put("db", database);
                m.put("user", user);
                m.put("pass", secret);
            }
            case RECORD -> {
                m.put("NS", namespace);
                m.put("DB", database);
                m.put("AC", access);
                m.putAll(vars);
            }
            case BEARER -> {
                if (namespace != null) {
                    m.put("NS", namespace);
                }
                if (database != null) {
                    m.put("DB", database);
                }
                m.put("AC", access);
                m.put("key", secret);
            }
            case RAW -> m.putAll(vars);
            case TOKEN -> throw new IllegalStateException("a token is used with authenticate, not signin");
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && kind == c.kind && Objects.equals(namespace, c.namespace)
                && Objects.equals(database, c.database) && Objects.equals(user, c.user)
                && Objects.equals(access, c.access) && Objects.equals(secret, c.secret) && vars.equals(c.vars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, namespace, database, user, access);
    }

    /** Shows the kind, ns, db, user, access method and variable names; never secrets or variable values. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Credentials[").append(kind);
        if (namespace != null) {
            sb.append(", ns=").append(namespace);
        }
        if (database != null) {
            sb.append(", db=").append(database);
        }
        if (user != null) {
            sb.append(", user=").append(user);
        }
        if (access != null) {
            sb.append(", access=").append(access);
        }
        if (secret != null) {
            sb.append(", secret=****");
        }
        if (!vars.isEmpty()) {
            sb.append(", vars=").append(vars.keySet()).append(" (values hidden)");
        }
        return sb.append(']').toString();
    }

    private static String req(String s, String name) {
        return Objects.requireNonNull(s, name);
    }

    private static Map<String, Object> copy(Map<String, ?> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static String str(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof String s) {
                return s;
            }
        }
        return null;
    }
}

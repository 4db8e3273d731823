package dev.surrealj.rpc;

import dev.surrealj.value.None;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the client knows of one server-side session (the connection's default session, or a 3.x
 * attached one): namespace, database, how it authenticated and its variables. Updated after every
 * successful {@code use}, {@code signin}, {@code signup}, {@code authenticate}, {@code invalidate},
 * {@code reset}, {@code let} and {@code unset}; replayed after a reconnect, and sent as headers by the
 * HTTP transport. State changed by SurrealQL statements ({@code USE}, {@code LET} inside {@code query})
 * is not seen.
 */
final class SessionState {
    /** How the session authenticated. */
    enum Auth {
        /** Not authenticated. */
        NONE,
        /** With the credentials supplier of the configuration: asked again on every reconnect. */
        CONFIG,
        /** With {@code signin}: signs in again with the same credentials. */
        SIGNIN,
        /** With a token ({@code authenticate}, {@code signup}): authenticates again with it. */
        TOKEN
    }

    /** An immutable copy. */
    record Snapshot(String namespace, String database, Auth auth, Credentials credentials, String token,
                    Map<String, Object> vars) {
        @Override
        public String toString() {
            return "Session[ns=" + namespace + ", db=" + database + ", auth=" + auth + "]";
        }
    }

    private String namespace;
    private String database;
    private Auth auth = Auth.NONE;
    private Credentials credentials;
    private String token;
    private final LinkedHashMap<String, Object> vars = new LinkedHashMap<>();

    synchronized Snapshot snapshot() {
        return new Snapshot(namespace, database, auth, credentials, token,
                Collections.unmodifiableMap(new LinkedHashMap<>(vars)));
    }

    synchronized Map<String, Object> varsSnapshot() {
        return vars.isEmpty() ? Map.of() : new LinkedHashMap<>(vars);
    }

    synchronized void initial(String ns, String db, boolean fromConfig) {
        namespace = ns;
        database = db;
        if (fromConfig) {
            auth = Auth.CONFIG;
        }
    }

    /** What {@code use} answers (3.x shape), without changing anything. */
    synchronized Map<String, Object> useResult(Object ns, Object db) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", apply(namespace, ns));
        m.put("database", apply(database, db));
        return m;
    }

    /** NONE (or a missing parameter) keeps, NULL unsets, text sets. */
    private static String apply(String current, Object v) {
        if (v == None.NONE) {
            return current;
        }
        return v == null ? null : String.valueOf(v);
    }

    /** Records the effect of a successful call. */
    synchronized void onSuccess(RpcRequest request, Object result) {
        switch (request.method()) {
            case "use" -> {
                namespace = apply(namespace, request.params().size() > 0 ? request.param(0) : None.NONE);
                database = apply(database, request.params().size() > 1 ? request.param(1) : None.NONE);
            }
            case "signin" -> {
                if (request.param(0) instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> params = (Map<String, ?>) m;
                    credentials = Credentials.raw(params);
                    auth = Auth.SIGNIN;
                    token = Tokens.of(result).access();
                }
            }
            case "signup" -> {
                credentials = null;
                token = Tokens.of(result).access();
                auth = token == null ? Auth.NONE : Auth.TOKEN;
            }
            case "authenticate" -> {
                credentials = null;
                token = request.param(0) instanceof String s ? s : null;
                auth = token == null ? Auth.NONE : Auth.TOKEN;
            }
            case "refresh" -> {
                String access = Tokens.of(result).access();
                if (access != null) {
                    token = access;
                }
            }
            case "invalidate" -> clearAuth();
            case "reset" -> {
                clearAuth();
                namespace = null;
                database = null;
                vars.clear();
            }
            case "let" -> {
                if (request.param(0) instanceof String name) {
                    vars.put(varName(name), request.param(1));
                }
            }
            case "unset" -> {
                if (request.param(0) instanceof String name) {
                    vars.remove(varName(name));
                }
            }
            default -> {
            }
        }
    }

    /** After a (re)connect signed in with the configuration's credentials. */
    synchronized void signedInFromConfig(Credentials c, String newToken) {
        if (auth == Auth.CONFIG) {
            credentials = c;
            token = newToken;
        }
    }

    /** After a re-signin replayed stored credentials. */
    synchronized void refreshedToken(String newToken) {
        if (newToken != null) {
            token = newToken;
        }
    }

    private void clearAuth() {
        auth = Auth.NONE;
        credentials = null;
        token = null;
    }

    static String varName(String name) {
        return name.startsWith("$") ? name.substring(1) : name;
    }

    static boolean tracks(String method) {
        return switch (method) {
            case "use", "signin", "signup", "authenticate", "refresh", "invalidate", "reset", "let", "unset" -> true;
            default -> false;
        };
    }
}

package dev.surrealj.rpc;

import java.util.Map;

/**
 * What {@code signin}, {@code signup} and {@code refresh} return: an access token (JWT) and, when
 * the access method issues one (3.x {@code WITH REFRESH}), a refresh token. {@link #toString()} hides both.
 *
 * <pre>{@code
 * Tokens t = client.signin(Credentials.root("root", "secret")).await();
 * other.authenticate(t.access()).await();
 * }</pre>
 *
 * @param access the access token, or {@code null} when the server returned none
 * @param refresh the refresh token, or {@code null}
 */
public record Tokens(String access, String refresh) {

    static Tokens of(Object result) {
        if (result instanceof String s) {
            return new Tokens(s, null);
        }
        if (result instanceof Map<?, ?> m) {
            Object a = m.containsKey("access") ? m.get("access") : m.get("token");
            return new Tokens(a instanceof String s ? s : null, m.get("refresh") instanceof String r ? r : null);
        }
        return new Tokens(null, null);
    }

    /** The parameter of {@code refresh}/{@code revoke}: {@code {access, refresh}}. */
    Map<String, Object> toParams() {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        if (access != null) {
            m.put("access", access);
        }
        if (refresh != null) {
            m.put("refresh", refresh);
        }
        return m;
    }

    @Override
    public String toString() {
        return "Tokens[access=" + (access == null ? "none" : "****") + ", refresh="
                + (refresh == null ? "none" : "****") + "]";
    }
}

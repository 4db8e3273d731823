package dev.surrealj.rpc;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one exception of the RPC client: a server error, a failed statement, a lost connection, a
 * timeout or a protocol violation. Unchecked, so it travels through {@link java.util.concurrent.CompletableFuture}
 * stages unchanged; {@link RpcFuture#await()} rethrows it as is.
 *
 * <p>Server errors keep SurrealDB's {@link #code() code}, {@link #kind() kind} (3.x) and
 * {@link #details() details}; {@link #category()} sorts every error into a few groups a caller can
 * act on, and {@link #isRetryable()} tells whether running the same work again may succeed
 * (transaction conflicts).
 *
 * <pre>{@code
 * try {
 *     client.query("UPDATE counter:1 SET n += 1").await();
 * } catch (SurrealException e) {
 *     if (e.isRetryable()) { ... run the transaction again ... }
 *     else if (e.category() == SurrealException.Category.AUTHENTICATION) { ... sign in again ... }
 *     else throw e;
 * }
 * }</pre>
 *
 * <p>Messages never contain passwords or tokens.
 */
public class SurrealException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is. */
    public enum Category {
        /** The connection could not be opened, was lost, or the client is closed. */
        CONNECTION,
        /** No answer within the request timeout (client side), or the server's own timeout (-32004). */
        TIMEOUT,
        /** Invalid credentials or token, or the session is not allowed to authenticate (-32002). */
        AUTHENTICATION,
        /** A transaction conflicted with another one; retrying it may succeed (-32009, "can be retried"). */
        TRANSACTION_CONFLICT,
        /** SurrealQL that does not parse ("Parse error: ..."). */
        PARSE,
        /** A statement of a {@code query} failed (status ERR). */
        QUERY,
        /** The server sent something this client does not understand (bad CBOR, unexpected message). */
        PROTOCOL,
        /**
         * The answer to this request arrived but cannot be decoded: a value beyond the codec's
         * {@link dev.surrealj.cbor.CborLimits} or malformed. Only this request fails; the connection stays open.
         */
        UNREADABLE_ANSWER,
        /** The operation is not supported by this transport or server version. */
        UNSUPPORTED,
        /** An argument cannot be sent: a value the CBOR codec cannot encode, a bad parameter. */
        INVALID_ARGUMENT,
        /** The waiting thread was interrupted or the request was cancelled. */
        INTERRUPTED,
        /** Any other error reported by the server. */
        SERVER
    }

    /** 3.x: invalid authentication. */
    public static final int CODE_INVALID_AUTH = -32002;
    /** 3.x: the server timed the query out. */
    public static final int CODE_TIMED_OUT = -32004;
    /** 3.x: transaction conflict. */
    public static final int CODE_TRANSACTION_CONFLICT = -32009;

    private final Category category;
    private final int code;
    private final String kind;
    private final transient Object details;

    /**
     * @param category the category
     * @param message the message (never a secret)
     * @param code SurrealDB's error code, 0 when none
     * @param kind SurrealDB's error kind (3.x), or {@code null}
     * @param details SurrealDB's error details (3.x), or {@code null}
     * @param cause the cause, or {@code null}
     */
    public SurrealException(Category category, String message, int code, String kind, Object details,
                            Throwable cause) {
        super(message, cause);
        this.category = category == null ? Category.SERVER : category;
        this.code = code;
        this.kind = kind;
        this.details = details;
    }

    /** An error of the client itself, without a server code. */
    public SurrealException(Category category, String message, Throwable cause) {
        this(category, message, 0, null, null, cause);
    }

    /** An error of the client itself, without a server code. */
    public SurrealException(Category category, String message) {
        this(category, message, 0, null, null, null);
    }

    /** The category of the error. */
    public Category category() {
        return category;
    }

    /** SurrealDB's JSON-RPC error code ({@code -32000} …), or 0 when the error did not come from the server. */
    public int code() {
        return code;
    }

    /** SurrealDB 3.x error kind ({@code NotAllowed}, {@code AlreadyExists}, {@code Validation} …), or {@code null}. */
    public String kind() {
        return kind;
    }

    /**
     * SurrealDB 3.x error details as decoded (usually a {@code Map} such as
     * {@code {kind: "Record", details: {id: "pub:1"}}}), or {@code null}.
     */
    public Object details() {
        return details;
    }

    /** Whether running the same work again may succeed: true for transaction conflicts. */
    public boolean isRetryable() {
        return category == Category.TRANSACTION_CONFLICT;
    }

    /** Whether the connection was lost or could not be made. */
    public boolean isConnectionError() {
        return category == Category.CONNECTION;
    }

    /** Whether this is a client or server timeout. */
    public boolean isTimeout() {
        return category == Category.TIMEOUT;
    }

    /** Whether authentication failed. */
    public boolean isAuthenticationError() {
        return category == Category.AUTHENTICATION;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SurrealException[").append(category);
        if (code != 0) {
            sb.append(", code ").append(code);
        }
        if (kind != null) {
            sb.append(", ").append(kind);
        }
        return sb.append("]: ").append(getMessage()).toString();
    }

    // ------------------------------------------------------------------ factories (package-private)

    /** An error object of an RPC response: {@code {code, message, kind?, details?, cause?}}. */
    static SurrealException fromServerError(Object error) {
        if (!(error instanceof Map<?, ?> map)) {
            return new SurrealException(Category.SERVER, "server error: " + error);
        }
        int code = map.get("code") instanceof Number n ? n.intValue() : 0;
        String message = map.get("message") instanceof String s ? s : String.valueOf(map.get("message"));
        String kind = map.get("kind") instanceof String s ? s : null;
        Object details = map.get("details");
        Object cause = map.get("cause");
        Throwable causeEx = cause instanceof Map<?, ?> ? fromServerError(cause) : null;
        return new SurrealException(classify(code, kind, details, message, Category.SERVER), message, code, kind,
                details, causeEx);
    }

    /** A failed statement of a query result. */
    static SurrealException fromStatement(String message, String kind, Object details) {
        String m = message == null ? "statement failed" : message;
        return new SurrealException(classify(0, kind, details, m, Category.QUERY), m, 0, kind, details, null);
    }

    static Category classify(int code, String kind, Object details, String message, Category fallback) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == CODE_TRANSACTION_CONFLICT || lower.contains("can be retried")) {
            return Category.TRANSACTION_CONFLICT;
        }
        if (code == CODE_INVALID_AUTH || isAuthDetails(kind, details) || isAuthMessage(lower)) {
            return Category.AUTHENTICATION;
        }
        if (message != null && (message.startsWith("Parse error") || message.contains("database: Parse error"))) {
            return Category.PARSE;
        }
        if (code == CODE_TIMED_OUT) {
            return Category.TIMEOUT;
        }
        if (code == -32601 || "MethodNotFound".equals(kind)) {
            return Category.UNSUPPORTED;
        }
        return fallback;
    }

    private static boolean isAuthDetails(String kind, Object details) {
        if (!"NotAllowed".equals(kind) || !(details instanceof Map<?, ?> d)) {
            return false;
        }
        return "Auth".equals(d.get("kind"));
    }

    private static boolean isAuthMessage(String m) {
        return m.contains("problem with authentication")
                || m.contains("invalid credentials") || m.contains("incorrect credentials")
                || m.contains("invalid authentication") || m.contains("authentication failed")
                || m.contains("token has expired") || m.contains("invalid token")
                || m.contains("no record was returned") && m.contains("signin")
                || m.contains("signin query failed");
    }

    static SurrealException connection(String message, Throwable cause) {
        return new SurrealException(Category.CONNECTION, message, cause);
    }

    static SurrealException protocol(String message, Throwable cause) {
        return new SurrealException(Category.PROTOCOL, message, cause);
    }

    static SurrealException unreadableAnswer(String message, Throwable cause) {
        return new SurrealException(Category.UNREADABLE_ANSWER, message, cause);
    }

    static SurrealException unsupported(String message) {
        return new SurrealException(Category.UNSUPPORTED, message);
    }

    /**
     * Turns any failure of a future into a {@code SurrealException} for the waiting thread: unwraps
     * {@link CompletionException}/{@link ExecutionException}, and wraps a {@code SurrealException} into a
     * copy whose stack trace shows the caller (the original stays as the cause).
     */
    static SurrealException forCaller(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof SurrealException s) {
            return new SurrealException(s.category, s.getMessage(), s.code, s.kind, s.details, s);
        }
        if (c instanceof CancellationException) {
            return new SurrealException(Category.INTERRUPTED, "request cancelled", c);
        }
        return new SurrealException(Category.PROTOCOL, "unexpected failure: " + c, c);
    }

    /** The failure itself, without {@link CompletionException}/{@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** {@link #unwrap(Throwable)} converted to a {@code SurrealException} (same instance when it is one). */
    static SurrealException of(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof SurrealException s) {
            return s;
        }
        if (c instanceof CancellationException) {
            return new SurrealException(Category.INTERRUPTED, "request cancelled", c);
        }
        return new SurrealException(Category.PROTOCOL, "unexpected failure: " + c, c);
    }
}

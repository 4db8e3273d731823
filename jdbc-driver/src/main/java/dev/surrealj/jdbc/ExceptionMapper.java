package dev.surrealj.jdbc;

import dev.surrealj.rpc.QueryResult;
import dev.surrealj.rpc.SurrealException;
import java.sql.SQLException;
import java.util.Map;

/**
 * Turns the RPC client's {@link SurrealException}s and failed statement results ({@link QueryResult}
 * with status {@code ERR}) into {@link SQLException}s with an SQLState, through {@link SqlStates}.
 *
 * <table>
 *   <caption>SurrealException category → SQLState</caption>
 *   <tr><th>category</th><th>SQLState</th></tr>
 *   <tr><td>CONNECTION</td><td>08006 (08003 when the client is closed)</td></tr>
 *   <tr><td>TIMEOUT</td><td>HYT00 ({@link java.sql.SQLTimeoutException})</td></tr>
 *   <tr><td>AUTHENTICATION</td><td>28000 ({@link java.sql.SQLInvalidAuthorizationSpecException})</td></tr>
 *   <tr><td>TRANSACTION_CONFLICT</td><td>40001 ({@link java.sql.SQLTransactionRollbackException})</td></tr>
 *   <tr><td>PARSE</td><td>42601</td></tr>
 *   <tr><td>UNSUPPORTED</td><td>0A000</td></tr>
 *   <tr><td>INVALID_ARGUMENT</td><td>22023</td></tr>
 *   <tr><td>INTERRUPTED</td><td>57014 (cancelled)</td></tr>
 *   <tr><td>PROTOCOL</td><td>08P01</td></tr>
 *   <tr><td>UNREADABLE_ANSWER</td><td>22000 ({@link java.sql.SQLDataException}; the connection stays usable)</td></tr>
 *   <tr><td>QUERY, SERVER</td><td>from the message, kind and code ({@link SqlStates#sqlStateFor})</td></tr>
 * </table>
 *
 * <p>Messages are SurrealDB's (which never contain the password) or the client's; the vendor code is
 * SurrealDB's JSON-RPC code.
 */
final class ExceptionMapper {
    private ExceptionMapper() {
    }

    /** Maps any failure of an RPC call. */
    static SQLException map(Throwable t) {
        return map(t, null);
    }

    /**
     * Maps any failure of an RPC call.
     *
     * @param t       the failure ({@link SurrealException}, or anything else)
     * @param context a prefix for the message ({@code "Statement 2 of 3"}), or {@code null}
     */
    static SQLException map(Throwable t, String context) {
        if (t instanceof SQLException s) {
            return s;
        }
        if (!(t instanceof SurrealException e)) {
            return SqlStates.create(SqlStates.GENERAL_ERROR, prefix(context, String.valueOf(t.getMessage())), 0, t);
        }
        String message = prefix(context, e.getMessage() == null ? e.category().toString() : e.getMessage());
        return switch (e.category()) {
            case CONNECTION -> SqlStates.create(isClosedMessage(e) ? SqlStates.CONNECTION_DOES_NOT_EXIST
                    : SqlStates.CONNECTION_FAILURE, message, e.code(), e);
            case TIMEOUT -> SqlStates.create(SqlStates.TIMEOUT, message, e.code(), e);
            case AUTHENTICATION -> SqlStates.create(SqlStates.INVALID_AUTHORIZATION, message, e.code(), e);
            case TRANSACTION_CONFLICT -> SqlStates.create(SqlStates.SERIALIZATION_FAILURE, message, e.code(), e);
            case PARSE -> SqlStates.create(SqlStates.SYNTAX_ERROR, message, e.code(), e);
            case UNSUPPORTED -> SqlStates.create(SqlStates.FEATURE_NOT_SUPPORTED, message, e.code(), e);
            case INVALID_ARGUMENT -> SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, message, e.code(), e);
            case INTERRUPTED -> SqlStates.create(SqlStates.QUERY_CANCELED, message, e.code(), e);
            case PROTOCOL -> SqlStates.create(SqlStates.PROTOCOL_VIOLATION, message, e.code(), e);
            case UNREADABLE_ANSWER -> SqlStates.create(SqlStates.DATA_EXCEPTION, message, e.code(), e);
            default -> SqlStates.toSqlException(message, e.kind(), detailKind(e.details()),
                    e.code() == 0 ? null : e.code(), e);
        };
    }

    /**
     * Maps a failed statement of a {@code query} answer.
     *
     * @param r     the result (status ERR)
     * @param index 1-based index of the statement in the request
     * @param total number of statement results in the request
     */
    static SQLException statement(QueryResult r, int index, int total) {
        String context = total > 1 ? "Statement " + index + " of " + total + " failed" : null;
        SurrealException e = r.error();
        String msg = prefix(context, r.errorMessage());
        return SqlStates.toSqlException(msg, r.errorKind(), detailKind(r.errorDetails()), null, e);
    }

    /** The {@code kind} of 3.x error details ({@code {kind: "Auth", ...}}), or {@code null}. */
    static String detailKind(Object details) {
        if (details instanceof Map<?, ?> m && m.get("kind") instanceof String k) {
            return k;
        }
        if (details instanceof String s) {
            return s;
        }
        return null;
    }

    private static boolean isClosedMessage(SurrealException e) {
        String m = e.getMessage();
        return m != null && (m.contains("client is closed") || m.contains("client closed") || m.contains(" is closed"));
    }

    private static String prefix(String context, String message) {
        return context == null ? message : context + ": " + message;
    }
}

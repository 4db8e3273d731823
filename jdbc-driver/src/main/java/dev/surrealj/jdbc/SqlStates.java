package dev.surrealj.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * SQLStates used by the driver, and the mapping of SurrealDB errors (message, 3.x kind and detail
 * kind, JSON-RPC code) to an SQLState and the matching {@link SQLException} subclass.
 *
 * <p>States follow SQL:2011 where it has one, else the X/Open (ODBC) {@code 42Sxx}/{@code HYxxx}
 * family, else PostgreSQL's (what pgjdbc users and tools such as Spring's translator know). The
 * vendor code of every exception is SurrealDB's JSON-RPC code (0 when there is none).
 *
 * <table>
 *   <caption>How SurrealDB errors map (first matching rule wins)</caption>
 *   <tr><th>SurrealDB</th><th>SQLState</th><th>exception</th></tr>
 *   <tr><td>code -32009, "... can be retried", detail TransactionConflict</td><td>40001</td>
 *       <td>SQLTransactionRollbackException</td></tr>
 *   <tr><td>code -32004, detail TimedOut, "... exceeded the timeout"</td><td>HYT00</td>
 *       <td>SQLTimeoutException</td></tr>
 *   <tr><td>"not executed due to a failed/cancelled transaction", code -32003</td><td>40000</td>
 *       <td>SQLTransactionRollbackException</td></tr>
 *   <tr><td>code -32005, detail Cancelled</td><td>57014</td><td>SQLException</td></tr>
 *   <tr><td>authentication failures (code -32002, detail Auth, "problem with authentication",
 *       expired token or session, anonymous access)</td><td>28000</td>
 *       <td>SQLInvalidAuthorizationSpecException</td></tr>
 *   <tr><td>"Not enough permissions", "You don't have permission", capabilities (kind NotAllowed)</td>
 *       <td>42501</td><td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>"Parse error: ...", detail Parse</td><td>42601</td><td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>"Database index `i` already contains ...", "Database record `t:1` already exists"</td>
 *       <td>23505</td><td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>"The table / index / field '…' already exists"; other AlreadyExists</td>
 *       <td>42S01 / 42S11 / 42S21; 42710</td><td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>"The table / index / field '…' does not exist", "no such field exists for table"</td>
 *       <td>42S02 / 42S12 / 42S22</td><td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>namespace or database missing or not found</td><td>3D000</td><td>SQLException</td></tr>
 *   <tr><td>"The function 'fn::…' does not exist"; other NotFound</td><td>42883; 42704</td>
 *       <td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>"Couldn't coerce value for field … but found `NULL`/`NONE`"</td><td>23502</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>ASSERT failed ("but field must conform to")</td><td>23514</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>"Cannot delete … referenced by … ON DELETE REJECT"</td><td>23503</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>readonly field, relation/table type checks</td><td>23000</td>
 *       <td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>coercion and conversion ("Couldn't coerce", "Expected `int` but found", "Cannot convert")</td>
 *       <td>22018</td><td>SQLDataException</td></tr>
 *   <tr><td>overflow; LIMIT/START not a positive integer; bad regex; bad arguments</td>
 *       <td>22003; 2201W/2201X; 2201B; 22023</td><td>SQLDataException</td></tr>
 *   <tr><td>finished / read-only transaction</td><td>25000 / 25006</td><td>SQLException</td></tr>
 *   <tr><td>THROW (kind Thrown, code -32006, "An error occurred: …")</td><td>45000</td>
 *       <td>SQLException</td></tr>
 *   <tr><td>unsupported (method not found -32601, kind Configuration, "not supported", "Unimplemented")</td>
 *       <td>0A000</td><td>SQLFeatureNotSupportedException</td></tr>
 *   <tr><td>memory threshold; computation depth</td><td>53200; 54001</td><td>SQLException</td></tr>
 *   <tr><td>kind Connection; code -32700/-32600 (bad request)</td><td>08006; 08P01</td>
 *       <td>SQLTransientConnectionException; SQLNonTransientConnectionException</td></tr>
 *   <tr><td>anything else</td><td>HY000</td><td>SQLException</td></tr>
 * </table>
 *
 * <pre>{@code
 * SQLException e = SqlStates.toSqlException("The table 'person' does not exist", "NotFound", -32000, null);
 * e.getSQLState();   // "42S02"
 * e.getErrorCode();  // -32000
 * e instanceof SQLSyntaxErrorException;  // true
 * }</pre>
 */
final class SqlStates {
    // ------------------------------------------------------------------ connection (class 08)
    /** The connection could not be established; also a malformed URL or invalid properties. */
    static final String CONNECTION_UNABLE_TO_CONNECT = "08001";
    /** The connection is closed (or was never opened). */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** The server rejected the connection. */
    static final String CONNECTION_REJECTED = "08004";
    /** The connection failed or was lost during an operation. */
    static final String CONNECTION_FAILURE = "08006";
    /** The peer sent (or rejected) something that breaks the protocol. */
    static final String PROTOCOL_VIOLATION = "08P01";

    // ------------------------------------------------------------------ features, data (0A, 22)
    /** The feature is not supported. */
    static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** A data exception without a more specific state. */
    static final String DATA_EXCEPTION = "22000";
    /** A number overflowed. */
    static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    /** A date/time literal could not be read. */
    static final String INVALID_DATETIME_FORMAT = "22007";
    /** A value could not be coerced or converted to the expected type. */
    static final String INVALID_CHARACTER_VALUE_FOR_CAST = "22018";
    /** An argument or parameter value is invalid. */
    static final String INVALID_PARAMETER_VALUE = "22023";
    /** A regular expression is invalid. */
    static final String INVALID_REGULAR_EXPRESSION = "2201B";
    /** LIMIT did not evaluate to a positive integer. */
    static final String INVALID_ROW_COUNT_IN_LIMIT = "2201W";
    /** START did not evaluate to a positive integer. */
    static final String INVALID_ROW_COUNT_IN_OFFSET = "2201X";

    // ------------------------------------------------------------------ integrity (23)
    /** An integrity rule was broken (readonly field, relation type check …). */
    static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";
    /** A required field got NULL or NONE. */
    static final String NOT_NULL_VIOLATION = "23502";
    /** A record is still referenced ({@code ON DELETE REJECT}). */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    /** A unique index already holds the value, or the record id already exists. */
    static final String UNIQUE_VIOLATION = "23505";
    /** A field's {@code ASSERT} failed. */
    static final String CHECK_VIOLATION = "23514";

    // ------------------------------------------------------------------ transactions, auth (25, 28, 3D, 40)
    /** The transaction is finished or not in a usable state. */
    static final String INVALID_TRANSACTION_STATE = "25000";
    /** A write in a read-only transaction. */
    static final String READ_ONLY_SQL_TRANSACTION = "25006";
    /** Authentication failed. */
    static final String INVALID_AUTHORIZATION = "28000";
    /** The namespace or database is missing or does not exist. */
    static final String INVALID_CATALOG_NAME = "3D000";
    /** The transaction was rolled back (a statement of it failed, or it was cancelled). */
    static final String TRANSACTION_ROLLBACK = "40000";
    /** A transaction conflict: running the transaction again may succeed. */
    static final String SERIALIZATION_FAILURE = "40001";

    // ------------------------------------------------------------------ syntax, access, objects (42)
    /** Permission denied. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** SurrealQL (or SQL) that does not parse; also unterminated strings and comments. */
    static final String SYNTAX_ERROR = "42601";
    /** An object (record, param, access method …) does not exist. */
    static final String UNDEFINED_OBJECT = "42704";
    /** An object (namespace, function, user …) already exists. */
    static final String DUPLICATE_OBJECT = "42710";
    /** A function does not exist. */
    static final String UNDEFINED_FUNCTION = "42883";
    /** The table already exists. */
    static final String TABLE_ALREADY_EXISTS = "42S01";
    /** The table does not exist. */
    static final String TABLE_NOT_FOUND = "42S02";
    /** The index already exists. */
    static final String INDEX_ALREADY_EXISTS = "42S11";
    /** The index does not exist. */
    static final String INDEX_NOT_FOUND = "42S12";
    /** The field already exists. */
    static final String COLUMN_ALREADY_EXISTS = "42S21";
    /** The field does not exist. */
    static final String COLUMN_NOT_FOUND = "42S22";

    // ------------------------------------------------------------------ other
    /** An error raised with {@code THROW}. */
    static final String USER_EXCEPTION = "45000";
    /** The server's memory threshold was reached. */
    static final String OUT_OF_MEMORY = "53200";
    /** Computation too deep (recursion, nested subqueries). */
    static final String STATEMENT_TOO_COMPLEX = "54001";
    /** The query was cancelled. */
    static final String QUERY_CANCELED = "57014";
    /** Any other error. */
    static final String GENERAL_ERROR = "HY000";
    /** A timeout (client or server side). */
    static final String TIMEOUT = "HYT00";

    private SqlStates() {
    }

    /** What is known about a SurrealDB error; {@code lower} is the message in lower case. */
    private record Facts(String message, String lower, String kind, String detail, Integer code) {
        boolean has(String... parts) {
            for (String p : parts) {
                if (!lower.contains(p)) {
                    return false;
                }
            }
            return true;
        }

        boolean hasAny(String... parts) {
            for (String p : parts) {
                if (lower.contains(p)) {
                    return true;
                }
            }
            return false;
        }

        boolean kind(String k) {
            return k.equals(kind);
        }

        boolean detail(String d) {
            return d.equals(detail);
        }

        boolean code(int c) {
            return code != null && code == c;
        }
    }

    private record Rule(String sqlState, Predicate<Facts> when) {
    }

    /** The mapping, first match wins; see the class documentation. */
    private static final List<Rule> RULES = List.of(
            // retryable conflicts and timeouts first: they may be wrapped in other messages
            new Rule(SERIALIZATION_FAILURE, f -> f.code(-32009) || f.detail("TransactionConflict")
                    || f.has("can be retried")),
            new Rule(TIMEOUT, f -> f.code(-32004) || f.detail("TimedOut") || f.has("exceeded the timeout")),
            new Rule(TRANSACTION_ROLLBACK, f -> f.hasAny("not executed due to a failed transaction",
                    "not executed due to a cancelled transaction") || f.code(-32003) || f.detail("NotExecuted")),
            new Rule(QUERY_CANCELED, f -> f.code(-32005) || f.detail("Cancelled")),
            // authentication, then permissions
            new Rule(INVALID_AUTHORIZATION, f -> f.hasAny("anonymous access not allowed",
                    "problem with authentication", "unexpected error while performing authentication",
                    "token has expired", "session has expired", "password did not verify",
                    "username or password was not provided", "no signin target", "problem with signing up",
                    "signin query failed", "signup query failed", "does not allow signin",
                    "does not allow signup", "access grant has been revoked", "access grant has an invalid",
                    "bearer access method requires a key", "bearer access grant has an invalid format")),
            new Rule(INSUFFICIENT_PRIVILEGE, f -> f.hasAny("not enough permissions", "don't have permission",
                    "do not have permission", "is not allowed to be executed", "scripting functions are not allowed",
                    "access to network target", "method not allowed", "file access denied")),
            new Rule(INVALID_AUTHORIZATION, f -> f.code(-32002) || (f.kind("NotAllowed") && f.detail("Auth"))),
            new Rule(INSUFFICIENT_PRIVILEGE, f -> f.kind("NotAllowed")),
            // syntax
            new Rule(SYNTAX_ERROR, f -> f.has("parse error") || f.detail("Parse")),
            // duplicates
            new Rule(UNIQUE_VIOLATION, f -> f.has("database index `", "already contains")
                    || f.has("database record `", "already exists") || f.has("key being inserted already exists")
                    || (f.kind("AlreadyExists") && f.detail("Record"))),
            new Rule(TABLE_ALREADY_EXISTS, f -> f.has("the table '", "already exists")
                    || (f.kind("AlreadyExists") && f.detail("Table"))),
            new Rule(INDEX_ALREADY_EXISTS, f -> f.has("the index '", "already exists")),
            new Rule(COLUMN_ALREADY_EXISTS, f -> f.has("the field '", "already exists")),
            new Rule(INVALID_TRANSACTION_STATE, f -> f.kind("AlreadyExists") && f.detail("Transaction")),
            new Rule(DUPLICATE_OBJECT, f -> f.has("already exists") || f.kind("AlreadyExists")),
            // missing things
            new Rule(TABLE_NOT_FOUND, f -> f.has("the table '", "does not exist")
                    || (f.kind("NotFound") && f.detail("Table"))),
            new Rule(INDEX_NOT_FOUND, f -> f.has("the index '", "does not exist")),
            new Rule(COLUMN_NOT_FOUND, f -> f.has("the field '", "does not exist")
                    || f.has("no such field exists for table")),
            new Rule(INVALID_CATALOG_NAME, f -> f.has("the namespace '", "does not exist")
                    || f.has("the database '", "does not exist") || f.hasAny("specify a namespace to use",
                    "specify a database to use") || f.detail("NamespaceEmpty") || f.detail("DatabaseEmpty")
                    || (f.kind("NotFound") && (f.detail("Namespace") || f.detail("Database")))),
            new Rule(UNDEFINED_FUNCTION, f -> f.has("the function '", "does not exist")),
            new Rule(FEATURE_NOT_SUPPORTED, f -> f.has("method not found") || f.code(-32601)
                    || (f.kind("NotFound") && f.detail("Method"))),
            new Rule(INVALID_TRANSACTION_STATE, f -> f.kind("NotFound") && f.detail("Transaction")),
            new Rule(UNDEFINED_OBJECT, f -> f.has("does not exist") || f.kind("NotFound")),
            // schema rules
            new Rule(NOT_NULL_VIOLATION, f -> f.has("couldn't coerce value for field")
                    && f.hasAny("but found `null`", "but found `none`", "but found null", "but found none")),
            new Rule(CHECK_VIOLATION, f -> f.has("but field must conform to")),
            new Rule(FOREIGN_KEY_VIOLATION, f -> f.has("as it is referenced by")),
            new Rule(INTEGRITY_CONSTRAINT_VIOLATION, f -> f.hasAny("but field is readonly", "found record: `",
                    "but a specific record has been specified", "does not match the existing field value")),
            // data
            new Rule(NUMERIC_VALUE_OUT_OF_RANGE, f -> f.hasAny("arithmetic overflow", "results in a negative value",
                    "is out of range for type")),
            new Rule(INVALID_ROW_COUNT_IN_LIMIT, f -> f.has("the limit clause must evaluate")),
            new Rule(INVALID_ROW_COUNT_IN_OFFSET, f -> f.has("the start clause must evaluate")),
            new Rule(INVALID_REGULAR_EXPRESSION, f -> f.has("invalid regular expression")),
            new Rule(INVALID_CHARACTER_VALUE_FOR_CAST, f -> f.hasAny("couldn't coerce", "could not coerce",
                    "cannot convert", "couldn't convert", "could not convert") || f.has("expected ", "but found")),
            new Rule(INVALID_PARAMETER_VALUE, f -> f.hasAny("incorrect arguments for", "incorrect vector dimension",
                    "is not a valid id", "not a valid table name", "in a content clause", "in a merge clause",
                    "json patch", "invalid params") || f.detail("InvalidParams") || f.detail("InvalidParameter")),
            new Rule(DATA_EXCEPTION, f -> f.hasAny("cannot perform addition", "cannot perform subtraction",
                    "cannot perform multiplication", "cannot perform division", "cannot perform remainder",
                    "cannot raise the value", "cannot negate the value") || f.kind("Serialization")
                    || f.code(-32007) || f.code(-32008)),
            // transaction states
            new Rule(INVALID_TRANSACTION_STATE, f -> f.has("couldn't update a finished transaction")),
            new Rule(READ_ONLY_SQL_TRANSACTION, f -> f.hasAny("couldn't write to a read only transaction",
                    "read-and-deletion-only")),
            // THROW
            new Rule(USER_EXCEPTION, f -> f.kind("Thrown") || f.code(-32006)
                    || f.message().startsWith("An error occurred: ")),
            // unsupported
            new Rule(FEATURE_NOT_SUPPORTED, f -> f.kind("Configuration") || f.hasAny("unimplemented functionality",
                    "does not support", "not supported", "unable to perform the realtime query", "are not enabled",
                    "is not enabled")),
            // limits
            new Rule(OUT_OF_MEMORY, f -> f.has("memory threshold")),
            new Rule(STATEMENT_TOO_COMPLEX, f -> f.hasAny("excessive computation depth", "recursion limit")),
            // connection and protocol
            new Rule(CONNECTION_FAILURE, f -> f.kind("Connection")),
            new Rule(PROTOCOL_VIOLATION, f -> f.code(-32700) || f.code(-32600)));

    /**
     * The SQLState for a SurrealDB error.
     *
     * @param message    SurrealDB's message, or {@code null}
     * @param kind       3.x error kind ({@code NotAllowed}, {@code AlreadyExists} …), or {@code null}
     * @param detailKind 3.x kind of the details ({@code Auth}, {@code Table}, {@code TimedOut} …), or {@code null}
     * @param code       JSON-RPC code, or {@code null}
     */
    static String sqlStateFor(String message, String kind, String detailKind, Integer code) {
        String m = message == null ? "" : message;
        Facts f = new Facts(m, m.toLowerCase(Locale.ROOT), kind, detailKind, code);
        for (Rule r : RULES) {
            if (r.when().test(f)) {
                return r.sqlState();
            }
        }
        return GENERAL_ERROR;
    }

    /**
     * Converts a SurrealDB error into the matching {@link SQLException} subclass.
     *
     * @param message SurrealDB's message (kept as the exception message), or {@code null}
     * @param kind    3.x error kind, or {@code null}
     * @param code    JSON-RPC code (becomes the vendor code), or {@code null}
     * @param cause   the cause, or {@code null}
     */
    static SQLException toSqlException(String message, String kind, Integer code, Throwable cause) {
        return toSqlException(message, kind, null, code, cause);
    }

    /**
     * Converts a SurrealDB error into the matching {@link SQLException} subclass, using the 3.x
     * detail kind too (e.g. {@code NotAllowed} + {@code Auth} is an authentication failure).
     *
     * <pre>{@code
     * catch (SurrealException e) {
     *     throw SqlStates.toSqlException(e.getMessage(), e.kind(), detailKindOf(e.details()), e.code(), e);
     * }
     * }</pre>
     */
    static SQLException toSqlException(String message, String kind, String detailKind, Integer code,
                                       Throwable cause) {
        String state = sqlStateFor(message, kind, detailKind, code);
        String text = message == null || message.isEmpty() ? "SurrealDB error" + (kind == null ? "" : " (" + kind + ")")
                : message;
        return create(state, text, code == null ? 0 : code, cause);
    }

    /**
     * A new exception of the subclass that fits the SQLState's class: 08 → connection exceptions
     * (transient for 08006), 0A → {@link SQLFeatureNotSupportedException}, 22 → {@link SQLDataException},
     * 23 → {@link SQLIntegrityConstraintViolationException}, 28 → {@link SQLInvalidAuthorizationSpecException},
     * 40 → {@link SQLTransactionRollbackException}, 42 → {@link SQLSyntaxErrorException},
     * HYT00 → {@link SQLTimeoutException}, else {@link SQLException}.
     */
    static SQLException create(String sqlState, String message, int vendorCode, Throwable cause) {
        String cls = sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
        if (TIMEOUT.equals(sqlState)) {
            return new SQLTimeoutException(message, sqlState, vendorCode, cause);
        }
        return switch (cls) {
            case "08" -> CONNECTION_FAILURE.equals(sqlState)
                    ? new SQLTransientConnectionException(message, sqlState, vendorCode, cause)
                    : new SQLNonTransientConnectionException(message, sqlState, vendorCode, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, sqlState, vendorCode, cause);
            case "22" -> new SQLDataException(message, sqlState, vendorCode, cause);
            case "23" -> new SQLIntegrityConstraintViolationException(message, sqlState, vendorCode, cause);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, sqlState, vendorCode, cause);
            case "40" -> new SQLTransactionRollbackException(message, sqlState, vendorCode, cause);
            case "42" -> new SQLSyntaxErrorException(message, sqlState, vendorCode, cause);
            default -> new SQLException(message, sqlState, vendorCode, cause);
        };
    }

    /** 08001: the connection could not be opened. */
    static SQLException connectionFailed(String message, Throwable cause) {
        return create(CONNECTION_UNABLE_TO_CONNECT, message, 0, cause);
    }

    /** 08006: the connection was lost during an operation. */
    static SQLException connectionLost(String message, Throwable cause) {
        return create(CONNECTION_FAILURE, message, 0, cause);
    }

    /** 08003: the connection (or statement) is closed. */
    static SQLException connectionClosed(String what) {
        return create(CONNECTION_DOES_NOT_EXIST, what + " is closed", 0, null);
    }

    /** HYT00: a timeout. */
    static SQLException timeout(String message, Throwable cause) {
        return create(TIMEOUT, message, 0, cause);
    }

    /** 0A000: an unsupported feature. */
    static SQLFeatureNotSupportedException unsupported(String message) {
        return new SQLFeatureNotSupportedException(message, FEATURE_NOT_SUPPORTED);
    }

    /** 42601: a syntax error found by the driver (e.g. an unterminated string). */
    static SQLSyntaxErrorException syntaxError(String message) {
        return new SQLSyntaxErrorException(message, SYNTAX_ERROR);
    }

    /** Whether running the same transaction again may succeed (SQLState 40001). */
    static boolean isRetryable(SQLException e) {
        return e != null && SERIALIZATION_FAILURE.equals(e.getSQLState());
    }
}

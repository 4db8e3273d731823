package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlStatesTest {

    private static Arguments row(String message, String kind, String detail, Integer code, String state,
                                 Class<? extends SQLException> type) {
        return Arguments.of(message, kind, detail, code, state, type);
    }

    /** Real SurrealDB 2.x/3.x messages (from its source and from measurements of 3.x servers). */
    static Stream<Arguments> mapping() {
        return Stream.of(
                // transaction conflicts
                row("Failed to commit transaction due to a read or write conflict (x). This transaction can be retried",
                        null, null, null, "40001", SQLTransactionRollbackException.class),
                row("There was a problem with the key-value store: Transaction conflict: Resource busy. "
                        + "This transaction can be retried", "Internal", null, -32000, "40001",
                        SQLTransactionRollbackException.class),
                row("x", "Query", "TransactionConflict", -32009, "40001", SQLTransactionRollbackException.class),
                row("conflict", null, null, -32009, "40001", SQLTransactionRollbackException.class),
                // timeouts, cancellation, failed transactions
                row("The query was not executed because it exceeded the timeout: 100ms", null, null, null, "HYT00",
                        SQLTimeoutException.class),
                row("The query was not executed because it exceeded the timeout", "Query", "TimedOut", -32004,
                        "HYT00", SQLTimeoutException.class),
                row("timed out", null, null, -32004, "HYT00", SQLTimeoutException.class),
                row("The query was not executed due to a failed transaction. Something", null, null, null, "40000",
                        SQLTransactionRollbackException.class),
                row("The query was not executed due to a cancelled transaction", null, null, null, "40000",
                        SQLTransactionRollbackException.class),
                row("not executed", "Query", "NotExecuted", -32003, "40000", SQLTransactionRollbackException.class),
                row("cancelled", "Query", "Cancelled", -32005, "57014", SQLException.class),
                // authentication
                row("There was a problem with authentication", "NotAllowed", "Auth", -32002, "28000",
                        SQLInvalidAuthorizationSpecException.class),
                row("There was a problem with authentication", null, null, -32000, "28000",
                        SQLInvalidAuthorizationSpecException.class),
                row("Some auth thing", null, null, -32002, "28000", SQLInvalidAuthorizationSpecException.class),
                row("Something", "NotAllowed", "Auth", null, "28000", SQLInvalidAuthorizationSpecException.class),
                row("The token has expired", null, null, null, "28000", SQLInvalidAuthorizationSpecException.class),
                row("The session has expired", null, null, null, "28000", SQLInvalidAuthorizationSpecException.class),
                row("The record access signin query failed", null, null, null, "28000",
                        SQLInvalidAuthorizationSpecException.class),
                row("This record access method does not allow signup", null, null, null, "28000",
                        SQLInvalidAuthorizationSpecException.class),
                row("Anonymous access not allowed: Not enough permissions to perform this action", null, null, null,
                        "28000", SQLInvalidAuthorizationSpecException.class),
                // permissions
                row("IAM error: Not enough permissions to perform this action", null, null, null, "42501",
                        SQLSyntaxErrorException.class),
                row("There was a problem with the database: IAM error: Not enough permissions to perform this action",
                        null, null, -32000, "42501", SQLSyntaxErrorException.class),
                row("IAM error: Not enough permissions to perform this action", "NotAllowed", "Auth", null, "42501",
                        SQLSyntaxErrorException.class),
                row("You don't have permission to change to the shop namespace", null, null, null, "42501",
                        SQLSyntaxErrorException.class),
                row("You don't have permission to run the fn::x function", null, null, null, "42501",
                        SQLSyntaxErrorException.class),
                row("Scripting functions are not allowed", "NotAllowed", "Scripting", null, "42501",
                        SQLSyntaxErrorException.class),
                row("Function 'http::get' is not allowed to be executed", null, null, null, "42501",
                        SQLSyntaxErrorException.class),
                row("Method not allowed", "NotAllowed", "Method", -32602, "42501", SQLSyntaxErrorException.class),
                row("whatever", "NotAllowed", null, null, "42501", SQLSyntaxErrorException.class),
                // syntax
                row("Parse error: Unexpected token `FORM`, expected FROM\n --> [1:10]", "Validation", "Parse", -32000,
                        "42601", SQLSyntaxErrorException.class),
                row("Parse error: Unexpected token", null, null, null, "42601", SQLSyntaxErrorException.class),
                row("Invalid", "Validation", "Parse", null, "42601", SQLSyntaxErrorException.class),
                // duplicates
                row("Database index `uq_name` already contains 'a', with record `t:a`", null, null, null, "23505",
                        SQLIntegrityConstraintViolationException.class),
                row("Database record `t:a` already exists", "AlreadyExists", "Record", null, "23505",
                        SQLIntegrityConstraintViolationException.class),
                row("Database record `tabToDo:⟨Abc def⟩` already exists", null, null, null, "23505",
                        SQLIntegrityConstraintViolationException.class),
                row("x", "AlreadyExists", "Record", null, "23505", SQLIntegrityConstraintViolationException.class),
                row("The key being inserted already exists", null, null, null, "23505",
                        SQLIntegrityConstraintViolationException.class),
                row("The table 't' already exists", "AlreadyExists", "Table", null, "42S01",
                        SQLSyntaxErrorException.class),
                row("The index 'uq_name' already exists", null, null, null, "42S11", SQLSyntaxErrorException.class),
                row("The field 'n' already exists", null, null, null, "42S21", SQLSyntaxErrorException.class),
                row("The namespace 'x' already exists", "AlreadyExists", "Namespace", null, "42710",
                        SQLSyntaxErrorException.class),
                row("The function 'fn::x' already exists", null, null, null, "42710", SQLSyntaxErrorException.class),
                row("x", "AlreadyExists", "Session", null, "42710", SQLSyntaxErrorException.class),
                // missing things
                row("The table 'no_such_table' does not exist", "NotFound", "Table", null, "42S02",
                        SQLSyntaxErrorException.class),
                row("The table 'person' does not exist", null, null, null, "42S02", SQLSyntaxErrorException.class),
                row("x", "NotFound", "Table", null, "42S02", SQLSyntaxErrorException.class),
                row("The index 'no_idx' does not exist", null, null, null, "42S12", SQLSyntaxErrorException.class),
                row("The field 'f' does not exist", null, null, null, "42S22", SQLSyntaxErrorException.class),
                row("Found field 'undefined_field', but no such field exists for table 't'", null, null, null, "42S22",
                        SQLSyntaxErrorException.class),
                row("The namespace 'x' does not exist", "NotFound", "Namespace", null, "3D000", SQLException.class),
                row("The database 'x' does not exist", null, null, null, "3D000", SQLException.class),
                row("Specify a namespace to use", "Validation", "NamespaceEmpty", null, "3D000", SQLException.class),
                row("Specify a database to use", null, null, null, "3D000", SQLException.class),
                row("The function 'fn::nope' does not exist", null, null, null, "42883", SQLSyntaxErrorException.class),
                row("Method not found", "NotFound", "Method", -32601, "0A000", SQLFeatureNotSupportedException.class),
                row("x", null, null, -32601, "0A000", SQLFeatureNotSupportedException.class),
                row("Transaction not found", "NotFound", "Transaction", null, "25000", SQLException.class),
                row("The record 'person:1' does not exist", "NotFound", "Record", null, "42704",
                        SQLSyntaxErrorException.class),
                row("The param '$x' does not exist", null, null, null, "42704", SQLSyntaxErrorException.class),
                // schema rules
                row("Couldn't coerce value for field `qty` of `tab:`qq-1``: Expected `int` but found `NULL`", null,
                        null, null, "23502", SQLIntegrityConstraintViolationException.class),
                row("Couldn't coerce value for field `name` of `t:1`: Expected `string` but found `NONE`", null, null,
                        null, "23502", SQLIntegrityConstraintViolationException.class),
                row("Found 'toolongvalue' for field `name`, with record `t:c`, but field must conform to: "
                        + "string::len($value) <= 5", null, null, null, "23514",
                        SQLIntegrityConstraintViolationException.class),
                row("Cannot delete `person:1` as it is referenced by `post:1` with an ON DELETE REJECT clause", null,
                        null, null, "23503", SQLIntegrityConstraintViolationException.class),
                row("Found changed value for field `created`, with record `t:1`, but field is readonly", null, null,
                        null, "23000", SQLIntegrityConstraintViolationException.class),
                row("Found record: `t:1` which is not a relation, but expected a RELATION", null, null, null, "23000",
                        SQLIntegrityConstraintViolationException.class),
                // data
                row("Couldn't coerce value for field `n` of `t:e`: Expected `int` but found `'notint'`", null, null,
                        null, "22018", SQLDataException.class),
                row("Expected `int` but found `'x'`", null, null, null, "22018", SQLDataException.class),
                row("Cannot convert from 'a' to 'int'", null, null, null, "22018", SQLDataException.class),
                row("Tried to set `$x`, but couldn't coerce value: Expected `int` but found `'a'`", null, null, null,
                        "22018", SQLDataException.class),
                row("Failed to compute: \"1 + 9223372036854775807\", as the operation results in an arithmetic overflow.",
                        null, null, null, "22003", SQLDataException.class),
                row("Found -1 but the LIMIT clause must evaluate to a positive integer", null, null, null, "2201W",
                        SQLDataException.class),
                row("Found 'a' but the START clause must evaluate to a positive integer", null, null, null, "2201X",
                        SQLDataException.class),
                row("Invalid regular expression: \"(\"", null, null, null, "2201B", SQLDataException.class),
                row("Incorrect arguments for function string::len(). Expected 1 argument.", null, null, null, "22023",
                        SQLDataException.class),
                row("Cannot use 1 in a CONTENT clause", null, null, null, "22023", SQLDataException.class),
                row("Cannot perform division with '1' and 'a'", null, null, null, "22000", SQLDataException.class),
                row("bad cbor", "Serialization", "Deserialization", -32008, "22000", SQLDataException.class),
                row("bad cbor", null, null, -32007, "22000", SQLDataException.class),
                // transaction states
                row("Couldn't update a finished transaction", null, null, null, "25000", SQLException.class),
                row("Couldn't write to a read only transaction", null, null, null, "25006", SQLException.class),
                // THROW
                row("An error occurred: custom failure", "Thrown", null, -32006, "45000", SQLException.class),
                row("An error occurred: custom failure", null, null, null, "45000", SQLException.class),
                row("custom", "Thrown", null, null, "45000", SQLException.class),
                // unsupported
                row("Live queries are not supported", "Configuration", "LiveQueryNotSupported", null, "0A000",
                        SQLFeatureNotSupportedException.class),
                row("Unimplemented functionality: x", null, null, null, "0A000", SQLFeatureNotSupportedException.class),
                row("The underlying datastore does not support versioned queries", null, null, null, "0A000",
                        SQLFeatureNotSupportedException.class),
                row("Unable to perform the realtime query", null, null, null, "0A000",
                        SQLFeatureNotSupportedException.class),
                // limits
                row("The query was not executed due to the memory threshold being reached", null, null, null, "53200",
                        SQLException.class),
                row("Reached excessive computation depth due to functions, subqueries, or computed values", null, null,
                        null, "54001", SQLException.class),
                row("Exceeded the idiom recursion limit of 256.", null, null, null, "54001", SQLException.class),
                // seen on the embedded engines (3.0.2 statement errors, 2.6 RPC errors)
                row("Function 'fn::nope' not found: The function 'fn::nope' does not exist", "Internal", null, null,
                        "42883", SQLSyntaxErrorException.class),
                row("Database index `ui` already contains 'abc', with record `t:1`", "Internal", null, null, "23505",
                        SQLIntegrityConstraintViolationException.class),
                row("There was a problem with the database: Parse error: Unexpected token `?`, expected an identifier",
                        null, null, -32000, "42601", SQLSyntaxErrorException.class),
                row("Problem with embedded script function. Embedded functions are not enabled.", "Internal", null,
                        null, "0A000", SQLFeatureNotSupportedException.class),
                // connection, protocol, fallback
                row("Connection uninitialised", "Connection", "Uninitialised", -32001, "08006",
                        SQLTransientConnectionException.class),
                row("Invalid request", null, null, -32600, "08P01", SQLNonTransientConnectionException.class),
                row("Parse error", null, null, -32700, "42601", SQLSyntaxErrorException.class),
                row("bad json", null, null, -32700, "08P01", SQLNonTransientConnectionException.class),
                row("There was a problem with the underlying datastore: x", "Internal", null, -32000, "HY000",
                        SQLException.class),
                row("something SurrealDB 9 might say", null, null, null, "HY000", SQLException.class),
                row(null, null, null, null, "HY000", SQLException.class));
    }

    @ParameterizedTest
    @MethodSource("mapping")
    void mapsSurrealErrors(String message, String kind, String detail, Integer code, String state,
                           Class<? extends SQLException> type) {
        assertEquals(state, SqlStates.sqlStateFor(message, kind, detail, code));
        SQLException e = SqlStates.toSqlException(message, kind, detail, code, null);
        assertEquals(state, e.getSQLState());
        assertEquals(type, e.getClass(), () -> "for " + message);
        assertEquals(code == null ? 0 : code, e.getErrorCode());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void fourArgumentFormAndCause() {
        IOException cause = new IOException("x");
        SQLException e = SqlStates.toSqlException("The table 'person' does not exist", "NotFound", -32000, cause);
        assertEquals("42S02", e.getSQLState());
        assertEquals(-32000, e.getErrorCode());
        assertSame(cause, e.getCause());
        assertInstanceOf(SQLSyntaxErrorException.class, e);
    }

    @Test
    void emptyMessagesGetAText() {
        assertEquals("SurrealDB error", SqlStates.toSqlException(null, null, null, null).getMessage());
        assertEquals("SurrealDB error (Internal)", SqlStates.toSqlException("", "Internal", null, null).getMessage());
    }

    @Test
    void subclassByStateClass() {
        assertInstanceOf(SQLNonTransientConnectionException.class, SqlStates.create("08001", "m", 0, null));
        assertInstanceOf(SQLNonTransientConnectionException.class, SqlStates.create("08003", "m", 0, null));
        assertInstanceOf(SQLNonTransientConnectionException.class, SqlStates.create("08004", "m", 0, null));
        assertInstanceOf(SQLTransientConnectionException.class, SqlStates.create("08006", "m", 0, null));
        assertInstanceOf(SQLFeatureNotSupportedException.class, SqlStates.create("0A000", "m", 0, null));
        assertInstanceOf(SQLDataException.class, SqlStates.create("22007", "m", 0, null));
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, SqlStates.create("23000", "m", 0, null));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, SqlStates.create("28000", "m", 0, null));
        assertInstanceOf(SQLTransactionRollbackException.class, SqlStates.create("40001", "m", 0, null));
        assertInstanceOf(SQLSyntaxErrorException.class, SqlStates.create("42000", "m", 0, null));
        assertInstanceOf(SQLTimeoutException.class, SqlStates.create("HYT00", "m", 0, null));
        assertEquals(SQLException.class, SqlStates.create("HY000", "m", 0, null).getClass());
        assertEquals(SQLException.class, SqlStates.create(null, "m", 0, null).getClass());
        assertEquals(SQLException.class, SqlStates.create("X", "m", 0, null).getClass());
    }

    @Test
    void factories() {
        Throwable cause = new IOException("refused");
        SQLException connect = SqlStates.connectionFailed("cannot connect", cause);
        assertEquals("08001", connect.getSQLState());
        assertSame(cause, connect.getCause());
        assertEquals("08006", SqlStates.connectionLost("lost", null).getSQLState());
        SQLException closed = SqlStates.connectionClosed("Connection");
        assertEquals("08003", closed.getSQLState());
        assertEquals("Connection is closed", closed.getMessage());
        assertInstanceOf(SQLTimeoutException.class, SqlStates.timeout("t", null));
        assertEquals("0A000", SqlStates.unsupported("u").getSQLState());
        assertEquals("42601", SqlStates.syntaxError("s").getSQLState());
    }

    @Test
    void retryable() {
        assertTrue(SqlStates.isRetryable(SqlStates.toSqlException("x", null, -32009, null)));
        assertFalse(SqlStates.isRetryable(SqlStates.toSqlException("x", null, -32000, null)));
        assertFalse(SqlStates.isRetryable(null));
    }

    @Test
    void constantsAreWellFormed() throws IllegalAccessException {
        for (var f : SqlStates.class.getDeclaredFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                String v = (String) f.get(null);
                assertTrue(v.matches("[0-9A-Z]{5}"), f.getName() + "=" + v);
            }
        }
    }
}

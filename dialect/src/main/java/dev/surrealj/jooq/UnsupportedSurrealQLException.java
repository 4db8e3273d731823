package dev.surrealj.jooq;

/**
 * A jOOQ query uses a construct SurrealQL cannot express (an arbitrary JOIN, a UNION, a window function …).
 * Thrown when the query is rendered, before anything is sent to the server.
 *
 * <p>For relational constructs the message names the way out: run the SQL through the Calcite adapter
 * ({@code dev.surrealj.calcite}, {@code jdbc:calcite:} over the SurrealJ driver), which executes joins, unions
 * and window functions itself, or reshape the query with SurrealDB's record links and graph traversal
 * ({@link SurrealDSL#graph()}).
 */
public class UnsupportedSurrealQLException extends UnsupportedOperationException {
    private static final long serialVersionUID = 1L;

    /** The hint appended to the messages of relational constructs. */
    static final String CALCITE_HINT = " SurrealQL cannot express this; run the query through the Calcite adapter "
            + "(dev.surrealj.calcite, a jdbc:calcite: connection over the SurrealJ driver), which executes it itself, "
            + "or use record links and graph traversal (SurrealDSL.graph()).";

    /** An exception with a complete message. */
    public UnsupportedSurrealQLException(String message) {
        super(message);
    }

    /** A relational construct: the message ends with the Calcite adapter hint. */
    static UnsupportedSurrealQLException relational(String what) {
        return new UnsupportedSurrealQLException(what + " is not supported in SurrealQL." + CALCITE_HINT);
    }

    /** A construct with no SurrealQL form. */
    static UnsupportedSurrealQLException of(String what) {
        return new UnsupportedSurrealQLException(what + " cannot be rendered as SurrealQL.");
    }
}

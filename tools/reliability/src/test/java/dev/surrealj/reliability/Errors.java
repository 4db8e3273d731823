package dev.surrealj.reliability;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/** Classifying what clients saw. */
final class Errors {
    private Errors() {
    }

    /** "08006 SQLTransientConnectionException", or the class name for anything that is not an SQLException. */
    static String kind(Throwable t) {
        if (isPoolTimeout(t)) {
            return "HikariCP pool timeout (SQLTransientConnectionException, no SQLState)";
        }
        if (t instanceof SQLException s) {
            return s.getSQLState() + " " + t.getClass().getSimpleName();
        }
        return t.getClass().getName();
    }

    /** Whether it is a connection error: SQLState class 08. */
    static boolean isConnectionError(Throwable t) {
        return t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08");
    }

    /**
     * HikariCP's "Connection is not available, request timed out": every pooled connection is busy
     * (for instance waiting for answers through a dead network). It carries the SQLState of the last
     * failed connection attempt, or none.
     */
    static boolean isPoolTimeout(Throwable t) {
        return t instanceof java.sql.SQLTransientConnectionException
                && String.valueOf(t.getMessage()).contains("Connection is not available, request timed out");
    }

    /**
     * A clean connection-level failure: an {@link SQLException} with SQLState 08xxx (connection) or
     * HYT00 (timeout), with a message; or HikariCP's pool timeout.
     */
    static boolean isCleanConnectionFailure(Throwable t) {
        return isPoolTimeout(t) || t instanceof SQLException s && s.getSQLState() != null && s.getMessage() != null
                && !s.getMessage().isBlank()
                && (s.getSQLState().startsWith("08") || s.getSQLState().equals("HYT00"));
    }

    /** Whether any exception of the cause chain (or suppressed) matches. */
    static boolean anyInChain(Throwable t, Predicate<Throwable> p) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (p.test(c)) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (anyInChain(s, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every message, toString and stack frame text of the chain, for secret scanning. */
    static String fullText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        append(sb, t, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return sb.toString();
    }

    private static void append(StringBuilder sb, Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        sb.append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage()).append('\n');
        if (t instanceof SQLException s) {
            append(sb, s.getNextException(), seen);
        }
        for (Throwable s : t.getSuppressed()) {
            append(sb, s, seen);
        }
        append(sb, t.getCause(), seen);
    }
}

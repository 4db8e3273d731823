package dev.surrealj.jdbc;

import dev.surrealj.jdbc.Placeholders.StatementKind;
import dev.surrealj.rpc.QueryResult;
import dev.surrealj.value.None;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statement results of one {@code query} request, with what each one is for JDBC: a result set or
 * an update count.
 *
 * <p>Statement kinds come from the SurrealQL text ({@link Placeholders#statementKind(String)}), matched
 * to the results by position. SurrealDB sends no result for {@code BEGIN}, {@code COMMIT} and
 * {@code CANCEL}; when the counts differ those are left out of the match, and when they still differ
 * the kinds are unknown and each result is judged by its value (NONE → update count 0, anything else →
 * result set).
 */
final class StatementResults {
    private final List<QueryResult> results;
    private final StatementKind[] kinds;
    private final SelectInfo[] selects;

    StatementResults(List<QueryResult> results, StatementKind[] kinds) {
        this(results, kinds, new SelectInfo[results.size()]);
    }

    private StatementResults(List<QueryResult> results, StatementKind[] kinds, SelectInfo[] selects) {
        this.results = results;
        this.kinds = kinds;
        this.selects = selects;
    }

    /** The results of a script, matched to its statements (kinds and SELECT analyses) by {@link #alignIndexes}. */
    static StatementResults of(List<QueryResult> results, ScriptInfo script) {
        int n = results.size();
        int[] at = alignIndexes(script.kinds(), n);
        StatementKind[] kinds = new StatementKind[n];
        SelectInfo[] selects = new SelectInfo[n];
        if (at != null) {
            for (int i = 0; i < n; i++) {
                kinds[i] = script.kinds().get(at[i]);
                selects[i] = script.select(at[i]);
            }
        }
        return new StatementResults(results, kinds, selects);
    }

    /** Matches the kinds of the script's statements to {@code resultCount} results. */
    static StatementKind[] align(List<StatementKind> statementKinds, int resultCount) {
        StatementKind[] out = new StatementKind[resultCount];
        int[] at = alignIndexes(statementKinds, resultCount);
        if (at != null) {
            for (int i = 0; i < resultCount; i++) {
                out[i] = statementKinds.get(at[i]);
            }
        }
        return out;
    }

    /**
     * For each of {@code resultCount} results, the index of its statement: all statements when the
     * counts agree, else all but BEGIN/COMMIT/CANCEL; {@code null} when they still differ (unknown).
     */
    static int[] alignIndexes(List<StatementKind> statementKinds, int resultCount) {
        int[] out = new int[resultCount];
        if (statementKinds.size() == resultCount) {
            for (int i = 0; i < resultCount; i++) {
                out[i] = i;
            }
            return out;
        }
        int r = 0;
        for (int i = 0; i < statementKinds.size(); i++) {
            if (statementKinds.get(i) != StatementKind.TRANSACTION) {
                if (r == resultCount) {
                    return null;
                }
                out[r++] = i;
            }
        }
        return r == resultCount ? out : null;
    }

    /** The kinds of the statements of a script; empty when it cannot be split. */
    static List<StatementKind> kindsOf(String surql) {
        List<StatementKind> out = new ArrayList<>();
        try {
            for (String s : Placeholders.splitStatements(surql)) {
                out.add(Placeholders.statementKind(s));
            }
        } catch (SQLException e) {
            // unterminated input: the server will say what is wrong
        }
        return out;
    }

    /** Whether a script contains a {@code USE} statement. */
    static boolean containsUse(String surql) {
        try {
            for (String s : Placeholders.splitStatements(surql)) {
                if ("USE".equals(Placeholders.leadingKeyword(s))) {
                    return true;
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return false;
    }

    int size() {
        return results.size();
    }

    QueryResult get(int i) {
        return results.get(i);
    }

    StatementKind kind(int i) {
        return kinds[i];
    }

    /** The analysis of the SELECT that gave result {@code i}, or {@code null}. */
    SelectInfo select(int i) {
        return selects[i];
    }

    boolean isError(int i) {
        return !results.get(i).isOk();
    }

    /** The error of result {@code i} (0-based) as an SQLException naming its 1-based index. */
    SQLException error(int i) {
        return ExceptionMapper.statement(results.get(i), i + 1, results.size());
    }

    /** The index of the first failed result, or -1. */
    int firstError() {
        for (int i = 0; i < results.size(); i++) {
            if (isError(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether JDBC sees result {@code i} as a result set (rather than an update count). */
    boolean isResultSet(int i) {
        StatementKind k = kinds[i];
        if (k == null) {
            Object v = results.get(i).result();
            return !(v == null || v instanceof None);
        }
        return !k.returnsUpdateCount();
    }

    /** Whether result {@code i} comes from a statement that changes records (CREATE, INSERT …). */
    boolean isDml(int i) {
        return kinds[i] == StatementKind.DML;
    }

    /**
     * The update count of result {@code i}: the number of records a DML statement returned (an array's
     * length; 1 for a single object of {@code ONLY}; 0 for NONE), 0 for any other statement.
     */
    long updateCount(int i) {
        if (kinds[i] != StatementKind.DML && kinds[i] != null) {
            return 0;
        }
        return countOf(results.get(i).result());
    }

    static long countOf(Object v) {
        if (v == null || v instanceof None) {
            return 0;
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?>) {
            return 1;
        }
        return 0;
    }

    /** The value of the last successful DML statement result, or {@code null}. */
    Object lastDmlValue() {
        for (int i = results.size() - 1; i >= 0; i--) {
            if (isDml(i) && !isError(i)) {
                return results.get(i).result();
            }
        }
        return null;
    }

    /** The records returned by every successful DML statement, in order (for a batch's generated keys). */
    List<Object> allDmlRecords() {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (isDml(i) && !isError(i)) {
                Object v = results.get(i).result();
                if (v instanceof List<?> l) {
                    out.addAll(l);
                } else if (v instanceof Map<?, ?>) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * The index of the result {@code executeQuery} returns: the first statement whose kind is a query;
     * else the last result.
     */
    int queryIndex() {
        for (int i = 0; i < results.size(); i++) {
            if (isResultSet(i)) {
                return i;
            }
        }
        return results.size() - 1;
    }
}

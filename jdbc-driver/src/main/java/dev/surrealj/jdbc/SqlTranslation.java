package dev.surrealj.jdbc;

import java.util.Objects;

/**
 * The result of {@link SqlTranslator#translate}: SurrealQL text in which JDBC parameter <i>n</i> is the variable
 * named {@link SqlTranslator.Context#parameterName(int) context.parameterName(n)} ({@code $_jdbc_n}), and the
 * number of JDBC parameters of the original SQL.
 *
 * <pre>{@code
 * SqlTranslation t = SqlTranslation.of("SELECT name FROM person WHERE age > $_jdbc_1 LIMIT $_jdbc_2", 2);
 * t.surrealQL();        // what Connection.nativeSQL shows and the driver sends
 * t.parameterCount();   // 2: PreparedStatement.setXxx accepts indexes 1 and 2
 * }</pre>
 */
public final class SqlTranslation {
    /**
     * The hint comment that makes the driver send a statement untouched although translation is on:
     * {@code /*+ surrealql *}{@code /} as the first thing in the text (leading white space allowed, case-insensitive,
     * white space inside the comment optional).
     */
    public static final String SURREALQL_HINT = "/*+ surrealql */";

    private final String surrealQL;
    private final int parameterCount;

    private SqlTranslation(String surrealQL, int parameterCount) {
        this.surrealQL = Objects.requireNonNull(surrealQL, "surrealQL");
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount must be >= 0: " + parameterCount);
        }
        this.parameterCount = parameterCount;
    }

    /**
     * A translation.
     *
     * @param surrealQL      the SurrealQL to run
     * @param parameterCount the number of {@code ?} parameters of the SQL
     */
    public static SqlTranslation of(String surrealQL, int parameterCount) {
        return new SqlTranslation(surrealQL, parameterCount);
    }

    /** The SurrealQL text. */
    public String surrealQL() {
        return surrealQL;
    }

    /** The number of JDBC parameters. */
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlTranslation t && t.surrealQL.equals(surrealQL) && t.parameterCount == parameterCount;
    }

    @Override
    public int hashCode() {
        return surrealQL.hashCode() * 31 + parameterCount;
    }

    @Override
    public String toString() {
        return surrealQL + " (" + parameterCount + " parameter" + (parameterCount == 1 ? ")" : "s)");
    }
}

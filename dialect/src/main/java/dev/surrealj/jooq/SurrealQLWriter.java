package dev.surrealj.jooq;

import org.jooq.QueryPart;

/**
 * Where a {@link SurrealRenderable} writes its SurrealQL. Implemented by the renderer; values written with
 * {@link #bind(Object)} become bound parameters in the order they are written.
 *
 * <pre>{@code
 * final class Sleep extends SurrealQuery {
 *     private final Duration d;
 *     Sleep(Duration d) { this.d = d; }
 *     public void renderSurrealQL(SurrealQLWriter w) {
 *         w.sql("SLEEP ").literal(d);
 *     }
 * }
 * }</pre>
 */
public interface SurrealQLWriter {

    /** The SurrealQL version being written. */
    SurrealVersion version();

    /** Appends SurrealQL text as it is. */
    SurrealQLWriter sql(String text);

    /** Appends one character. */
    SurrealQLWriter sql(char c);

    /** Appends an identifier, in backticks when needed ({@code person}, {@code `first name`}). */
    SurrealQLWriter ident(String name);

    /** Appends a single-quoted string literal ({@code 'it\'s'}). */
    SurrealQLWriter string(String s);

    /**
     * Appends a bound parameter holding {@code value} ({@code ?} for JDBC, or a {@code $variable}); the value
     * is sent apart from the text and never spliced into it.
     */
    SurrealQLWriter bind(Object value);

    /**
     * Appends {@code value} as a SurrealQL literal (for DDL, where parameters are not evaluated when the
     * definition is stored). Strings are quoted and escaped.
     */
    SurrealQLWriter literal(Object value);

    /** Appends a jOOQ query part (field, condition, table, select …) rendered as SurrealQL. */
    SurrealQLWriter visit(QueryPart part);

    /** Appends a function name, adapted to the version ({@code type::thing}/{@code type::record} …). */
    SurrealQLWriter function(String name);

    /**
     * Appends a jOOQ query part with its values written as literals instead of parameters (DDL: a DEFINE is stored
     * and evaluated later, when the query's parameters no longer exist).
     */
    SurrealQLWriter visitInlined(QueryPart part);

    /** Appends a SELECT statement without parentheses (e.g. after {@code AS} in {@code DEFINE TABLE … AS}). */
    SurrealQLWriter select(org.jooq.Select<?> select);
}

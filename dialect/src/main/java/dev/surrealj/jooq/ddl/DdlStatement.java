package dev.surrealj.jooq.ddl;

import dev.surrealj.jooq.SurrealQLWriter;
import dev.surrealj.jooq.SurrealQuery;
import org.jooq.QueryPart;
import org.jooq.Record;

/**
 * Base of the DEFINE / REMOVE builders. Builders are mutable (each call returns the builder); render or execute
 * them once built. Values in definitions are written as literals (a definition is stored and evaluated later).
 *
 * @param <S> the builder type
 */
public abstract class DdlStatement<S extends DdlStatement<S>> extends SurrealQuery<Record> {
    private static final long serialVersionUID = 1L;

    /** {@code OVERWRITE} / {@code IF NOT EXISTS} / nothing. */
    String mode;
    String comment;

    DdlStatement() {
    }

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /** {@code IF NOT EXISTS}: keep an existing definition. */
    public S ifNotExists() {
        mode = "IF NOT EXISTS";
        return self();
    }

    /** {@code OVERWRITE}: replace an existing definition. */
    public S overwrite() {
        mode = "OVERWRITE";
        return self();
    }

    /** {@code COMMENT 'text'}. */
    public S comment(String text) {
        comment = text;
        return self();
    }

    final void head(SurrealQLWriter out, String what) {
        out.sql("DEFINE ").sql(what).sql(' ');
        if (mode != null) {
            out.sql(mode).sql(' ');
        }
    }

    final void tail(SurrealQLWriter out) {
        if (comment != null) {
            out.sql(" COMMENT ").string(comment);
        }
    }

    /** An expression: a jOOQ part (values inlined) or SurrealQL text as it is. */
    static void expression(SurrealQLWriter out, Object e) {
        if (e instanceof QueryPart p) {
            out.visitInlined(p);
        } else {
            out.sql(String.valueOf(e));
        }
    }

    /** A value: a jOOQ part (values inlined) or a literal. */
    static void value(SurrealQLWriter out, Object v) {
        if (v instanceof QueryPart p) {
            out.visitInlined(p);
        } else {
            out.literal(v);
        }
    }

    static void permissions(SurrealQLWriter out, String permissions) {
        if (permissions != null) {
            out.sql(" PERMISSIONS ").sql(permissions);
        }
    }
}

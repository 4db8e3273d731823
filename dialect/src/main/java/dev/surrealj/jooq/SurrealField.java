package dev.surrealj.jooq;

import org.jooq.Context;
import org.jooq.DataType;
import org.jooq.impl.CustomField;

/**
 * Base class of SurrealQL-only fields: a jOOQ {@code CustomField} that renders itself as SurrealQL, both under the
 * SurrealJ renderer and inside jOOQ's own rendering ({@code toString()}, plain SQL templates).
 *
 * <pre>{@code
 * final class Now extends SurrealField<Instant> {
 *     Now() { super("now", SurrealDataTypes.DATETIME); }
 *     public void renderSurrealQL(SurrealQLWriter out) { out.sql("time::now()"); }
 * }
 * }</pre>
 *
 * @param <T> the field's Java type
 */
public abstract class SurrealField<T> extends CustomField<T> implements SurrealRenderable {
    private static final long serialVersionUID = 1L;

    /** A field named {@code name} (its default column label) of the given type. */
    protected SurrealField(String name, DataType<T> type) {
        super(name, type);
    }

    @Override
    public final void accept(Context<?> ctx) {
        Bridge.accept(this, ctx);
    }
}

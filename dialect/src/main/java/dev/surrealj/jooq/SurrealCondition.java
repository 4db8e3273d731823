package dev.surrealj.jooq;

import org.jooq.Context;
import org.jooq.impl.CustomCondition;

/**
 * Base class of SurrealQL-only conditions (a jOOQ {@code CustomCondition} rendering itself as SurrealQL): KNN,
 * full-text matches, {@code CONTAINSANY} and friends.
 */
public abstract class SurrealCondition extends CustomCondition implements SurrealRenderable {
    private static final long serialVersionUID = 1L;

    /** A condition. */
    protected SurrealCondition() {
    }

    @Override
    public final void accept(Context<?> ctx) {
        Bridge.accept(this, ctx);
    }
}

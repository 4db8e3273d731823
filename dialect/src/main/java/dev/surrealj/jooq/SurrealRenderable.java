package dev.surrealj.jooq;

/**
 * A query part that knows its SurrealQL form. The SurrealJ renderer calls {@link #renderSurrealQL(SurrealQLWriter)}
 * for every part implementing this interface; all the SurrealDB extensions of {@link SurrealDSL} do, and your
 * own {@code CustomField}s, {@code CustomCondition}s or {@link SurrealQuery}s can too.
 */
public interface SurrealRenderable {

    /** Writes this part as SurrealQL. */
    void renderSurrealQL(SurrealQLWriter out);
}

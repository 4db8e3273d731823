package dev.surrealj.jooq;

import org.jooq.Field;

/** Full-text search: {@code field @@ $q} or {@code field @N@ $q} (N a reference for search::score / highlight). */
final class MatchesCondition extends SurrealCondition {
    private static final long serialVersionUID = 1L;
    final Field<?> field;
    final int ref;
    final Field<?> query;

    MatchesCondition(Field<?> field, int ref, Field<?> query) {
        this.field = field;
        this.ref = ref;
        this.query = query;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.visit(field).sql(" @");
        if (ref >= 0) {
            out.sql(Integer.toString(ref));
        }
        out.sql("@ ").visit(query);
    }
}

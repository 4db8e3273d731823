package dev.surrealj.jooq;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/** A value used as a statement target: a record id ({@code FROM person:tobie}), an array of ids, a range … */
final class TargetTable extends TableImpl<Record> implements SurrealRenderable {
    private static final long serialVersionUID = 1L;
    final Field<?> target;
    final String tableName;

    TargetTable(String tableName, Field<?> target) {
        super(DSL.name(tableName));
        this.tableName = tableName;
        this.target = target;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.visit(target);
    }
}

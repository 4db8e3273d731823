package dev.surrealj.jooq;

import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.TableImpl;

/** {@code ONLY t}: the statement returns one record (an object) instead of an array. */
final class OnlyTable extends TableImpl<Record> implements SurrealRenderable {
    private static final long serialVersionUID = 1L;
    final Table<?> table;

    OnlyTable(Table<?> table) {
        super(DSL.name(table.getName()));
        this.table = table;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.sql("ONLY ").visit(table);
    }
}

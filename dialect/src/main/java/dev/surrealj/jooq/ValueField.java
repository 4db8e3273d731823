package dev.surrealj.jooq;

import org.jooq.Field;

/** {@code SELECT VALUE expr}: marks the single field of a SELECT whose rows are the values themselves. */
final class ValueField<T> extends SurrealField<T> {
    private static final long serialVersionUID = 1L;
    final Field<T> field;

    ValueField(Field<T> field) {
        super(field.getName(), field.getDataType());
        this.field = field;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.visit(field);
    }
}

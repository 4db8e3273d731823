package dev.surrealj.jooq;

import org.jooq.DataType;

/** A value always sent as a bound parameter with the driver's own conversions (record ids, maps, geometries …). */
final class BoundField<T> extends SurrealField<T> {
    private static final long serialVersionUID = 1L;
    final Object value;

    BoundField(String name, DataType<T> type, Object value) {
        super(name, type);
        this.value = value;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.bind(value);
    }
}

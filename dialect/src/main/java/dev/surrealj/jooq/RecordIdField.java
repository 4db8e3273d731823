package dev.surrealj.jooq;

import dev.surrealj.value.RecordId;
import org.jooq.Field;

/** A record id built from a table and a key expression: {@code type::record('t', key)} (2.x: {@code type::thing}). */
final class RecordIdField extends SurrealField<RecordId> {
    private static final long serialVersionUID = 1L;
    final String table;
    final Field<?> key;

    RecordIdField(String table, Field<?> key) {
        super("id", SurrealDataTypes.RECORD_ID);
        this.table = table;
        this.key = key;
    }

    @Override
    public void renderSurrealQL(SurrealQLWriter out) {
        out.sql(out.version().isV3() ? "type::record(" : "type::thing(").string(table).sql(", ").visit(key).sql(')');
    }
}

package dev.surrealj.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A SurrealDB table: its typed columns, then {@code _record}, the whole record as a map (the escape
 * hatch for fields the metadata does not list). Scanned by a {@link SurrealTableScan}.
 */
final class SurrealTable extends AbstractTable implements TranslatableTable {
    /**
     * A column: the field, its type, whether it may be NONE/NULL, the table a record link points to (or
     * null), and whether the type was inferred from sampled records rather than defined.
     */
    record Column(String name, SurrealType type, boolean nullable, String link, boolean inferred) {
    }

    final SurrealSchema schema;
    final String name;
    final List<Column> columns;

    SurrealTable(SurrealSchema schema, String name, List<Column> columns) {
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        for (Column c : columns) {
            b.add(c.name(), c.type().relType(factory, c.nullable()));
        }
        b.add(SurrealSchema.RECORD_COLUMN, SurrealType.RECORD_MAP.relType(factory, false));
        return b.build();
    }

    /** The SurrealDB type of column {@code i} (the last one is {@code _record}). */
    SurrealType type(int i) {
        return i < columns.size() ? columns.get(i).type() : SurrealType.RECORD_MAP;
    }

    /** The table column {@code i} links to ({@code record<t>}), or null. */
    String link(int i) {
        return i < columns.size() ? columns.get(i).link() : null;
    }

    /** The SurrealQL expression reading column {@code i}. */
    String expression(int i) {
        return i < columns.size() ? SurrealQl.field(columns.get(i).name()) : "$this";
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new SurrealTableScan(context.getCluster(), relOptTable, this);
    }

    @Override
    public String toString() {
        return "SurrealTable(" + name + ")";
    }
}

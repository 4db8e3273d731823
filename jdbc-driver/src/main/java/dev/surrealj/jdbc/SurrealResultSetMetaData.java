package dev.surrealj.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * Column facts of a {@link SurrealResultSet}, worked out once when created.
 *
 * <ul>
 *   <li>Type: a declared column's ({@link Columns.Def}); else the field's type in
 *       {@link ResultSetContext#schemaTypes()}; else inferred from the values of the column over all
 *       rows ({@link SurrealTypes#nameOf}, merged with {@link SurrealTypes#merge}: one type name if all
 *       agree, {@code record}/{@code array}/… when only parameters differ, {@code number} for mixed
 *       numbers, else {@code any}/OTHER; a column of only NULL/NONE is {@code null}/NULL, except the
 *       {@code id} of a result with a table name: {@code record<table>}). The JDBC
 *       code, class, precision and display size follow from the type ({@link SurrealTypes}).</li>
 *   <li>Nullability: {@code id} {@code columnNoNulls}; schema types {@code columnNullable} for
 *       {@code option<…>}, {@code any} and unions with none/null, else {@code columnNoNulls};
 *       inferred types {@code columnNullable} when a NULL/NONE (or a missing key) was seen, else
 *       {@code columnNullableUnknown}.</li>
 *   <li>Scale: the largest scale of the column's decimals for DECIMAL/NUMERIC, 9 (nanoseconds) for
 *       datetimes, else 0.</li>
 *   <li>{@code id} of object rows is auto-increment (SurrealDB generates it) and read-only. With a
 *       {@link ResultSetContext#tableName()} the other columns are writable (definitely so when the
 *       schema defines them); without one, every column is read-only. Declared columns are read-only.</li>
 *   <li>Table name: the context's table for every column, else {@code ""}; schema and catalog names
 *       are {@code ""}. Everything is searchable; only numbers are signed.</li>
 * </ul>
 */
final class SurrealResultSetMetaData implements ResultSetMetaData {
    /** Classes whose SurrealDB type name depends on the class alone (see {@link SurrealTypes#nameOf}). */
    private static final java.util.Set<Class<?>> SCALARS = java.util.Set.of(String.class, Long.class, Double.class,
            BigDecimal.class, Boolean.class, java.time.Instant.class, java.time.Duration.class, java.util.UUID.class,
            byte[].class);

    /**
     * Values of one container class (arrays, objects) whose element types are merged into a column's type
     * name; later ones of the same class are not looked into ({@code array<string>} stays as inferred).
     */
    static final int CONTAINER_SAMPLE = 1_000;


    /** What is known about one column. */
    private record Info(String label, String typeName, int sqlType, int nullable, String className, int scale,
                        boolean id, boolean readOnly, boolean definitelyWritable) {
    }

    private final Info[] infos;
    private final String tableName;

    /**
     * Works out the metadata of {@code columns} over {@code rows}.
     *
     * @param rows    the rows (read, not kept)
     * @param context table and schema types
     */
    SurrealResultSetMetaData(Columns columns, List<?> rows, ResultSetContext context) {
        this.tableName = context.tableName() == null ? "" : context.tableName();
        this.infos = new Info[columns.size()];
        Map<String, String> schema = context.schemaTypes();
        Inferred[] inferred = Inferred.of(columns, rows);
        for (int i = 0; i < infos.length; i++) {
            infos[i] = info(columns, i, rows, schema, context.tableName(), inferred);
        }
    }

    /** The type name merged over a column's values, and whether a NULL/NONE (or a missing key) was seen. */
    private static final class Inferred {
        String merged;
        boolean sawNull;
        private Class<?> last; // a scalar class already merged: its values add nothing new
        private Class<?> lastContainer;
        private int containers; // arrays, objects, ... of lastContainer's class whose element types were merged
        private String lastTable;

        void add(Object v) {
            if (Columns.isNull(v)) {
                sawNull = true;
            } else if (v instanceof dev.surrealj.value.RecordId r) {
                if (!r.table().equals(lastTable)) { // record<table> depends on the table alone
                    merge(v);
                    lastTable = r.table();
                }
            } else if (v.getClass() != last && (v.getClass() != lastContainer || containers < CONTAINER_SAMPLE)) {
                merge(v);
                last = SCALARS.contains(v.getClass()) ? v.getClass() : null;
                if (last == null) {
                    containers = v.getClass() == lastContainer ? containers + 1 : 1;
                    lastContainer = v.getClass();
                }
            }
        }

        private void merge(Object v) {
            String name = SurrealTypes.nameOf(v);
            merged = merged == null ? name : SurrealTypes.merge(merged, name);
        }

        /**
         * Every column's values, in one pass over the rows. Object rows are walked entry by entry: a key that
         * is the very instance at the same position of the row before (rows of one shape share their key
         * instances) finds its column without a lookup.
         */
        static Inferred[] of(Columns columns, List<?> rows) {
            int n = columns.size();
            Inferred[] acc = new Inferred[n];
            for (int i = 0; i < n; i++) {
                acc[i] = new Inferred();
            }
            if (columns.shape() != Columns.Shape.OBJECTS) {
                for (Object row : rows) {
                    for (int i = 0; i < n; i++) {
                        acc[i].add(columns.value(row, i));
                    }
                }
                return acc;
            }
            Object[] keys = new Object[0];
            int[] cols = new int[0];
            int[] seenIn = new int[n];
            int r = 0;
            for (Object row : rows) {
                r++;
                if (row instanceof Map<?, ?> m) {
                    if (keys.length < m.size()) {
                        keys = java.util.Arrays.copyOf(keys, m.size());
                        cols = java.util.Arrays.copyOf(cols, m.size());
                    }
                    int p = 0;
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        Object k = e.getKey();
                        if (keys[p] != k) {
                            keys[p] = k;
                            cols[p] = columns.find(String.valueOf(k));
                        }
                        int c = cols[p++];
                        if (c >= 0) {
                            seenIn[c] = r;
                            acc[c].add(e.getValue());
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (seenIn[i] != r) {
                        acc[i].sawNull = true; // no such key: NULL
                    }
                }
            }
            return acc;
        }
    }

    private static Info info(Columns columns, int i, List<?> rows, Map<String, String> schema, String tableName,
                             Inferred[] inferred) {
        boolean hasTable = tableName != null;
        String label = columns.label(i);
        Columns.Def def = columns.def(i);
        if (def != null) {
            return new Info(label, def.typeName(), def.sqlType(), columnNullableUnknown, def.javaClassName(),
                    scaleOf(def.sqlType(), columns, i, rows), false, true, false);
        }
        boolean id = columns.isId(i);
        String declared = schema == null || columns.shape() != Columns.Shape.OBJECTS ? null : schema.get(label);
        String typeName;
        int sqlType;
        int nullable;
        if (declared != null) {
            SurrealTypes.Type t = SurrealTypes.parse(declared);
            typeName = t.name();
            sqlType = t.sqlType();
            nullable = t.nullable() ? columnNullable : columnNoNulls;
        } else {
            Inferred values = inferred[i];
            String merged = values.merged;
            boolean sawNull = values.sawNull;
            if (merged == null && id && tableName != null) {
                merged = "record<" + tableName + ">"; // no rows: the table's record ids
            }
            typeName = merged == null ? "null" : merged;
            sqlType = SurrealTypes.sqlTypeOf(typeName);
            nullable = sawNull ? columnNullable : columnNullableUnknown;
        }
        if (id) {
            nullable = columnNoNulls;
        }
        boolean readOnly = id || !hasTable;
        return new Info(label, typeName, sqlType, nullable, SurrealTypes.javaClassName(typeName, sqlType),
                scaleOf(sqlType, columns, i, rows), id, readOnly, !readOnly && declared != null);
    }

    private static int scaleOf(int sqlType, Columns columns, int i, List<?> rows) {
        if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE || sqlType == Types.TIMESTAMP) {
            return 9;
        }
        if (sqlType != Types.DECIMAL && sqlType != Types.NUMERIC) {
            return 0;
        }
        int scale = 0;
        for (Object row : rows) {
            if (columns.value(row, i) instanceof BigDecimal d) {
                scale = Math.max(scale, d.scale());
            }
        }
        return Math.min(scale, SurrealTypes.DECIMAL_PRECISION);
    }

    private Info at(int column) throws SQLException {
        if (column < 1 || column > infos.length) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "Column index " + column
                    + " is out of range: the result has " + infos.length + " column(s)", 0, null);
        }
        return infos[column - 1];
    }

    @Override
    public int getColumnCount() {
        return infos.length;
    }

    /** {@code true} for the {@code id} of object rows (SurrealDB generates record ids). */
    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return at(column).id();
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return SurrealTypes.isCaseSensitive(at(column).sqlType());
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        at(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        at(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return at(column).nullable();
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return SurrealTypes.isNumeric(at(column).sqlType());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Info i = at(column);
        return SurrealTypes.displaySize(i.typeName(), i.sqlType());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return at(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return at(column).label();
    }

    /** Always {@code ""}. */
    @Override
    public String getSchemaName(int column) throws SQLException {
        at(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Info i = at(column);
        return SurrealTypes.precision(i.typeName(), i.sqlType());
    }

    @Override
    public int getScale(int column) throws SQLException {
        return at(column).scale();
    }

    /** The source table given by the statement ({@link ResultSetContext#tableName()}), else {@code ""}. */
    @Override
    public String getTableName(int column) throws SQLException {
        at(column);
        return tableName;
    }

    /** Always {@code ""}. */
    @Override
    public String getCatalogName(int column) throws SQLException {
        at(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return at(column).sqlType();
    }

    /** The SurrealDB type name: {@code int}, {@code string}, {@code record<person>}, {@code array<string>} … */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return at(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return at(column).readOnly();
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return !at(column).readOnly();
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return at(column).definitelyWritable();
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return at(column).className();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlStates.create(SqlStates.GENERAL_ERROR, "Not a wrapper for " + iface, 0, null);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface != null && iface.isInstance(this);
    }
}

package dev.surrealj.jdbc;

import dev.surrealj.value.None;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The column layout of a result set: the labels, where a row keeps each value, and label lookup.
 *
 * <ul>
 *   <li>{@link Shape#OBJECTS}: rows are maps (a SELECT). The columns are {@code id} first (when any row
 *       has one), then the union of all rows' keys in first-seen order; a row without a key reads
 *       NULL there. A NULL/NONE row (in a list of objects) reads NULL everywhere. With the
 *       projection order of the SELECT, its names come first in that order
 *       ({@link #ofObjects(List, Map, List)}).</li>
 *   <li>{@link Shape#SCALAR}: each row is one value (a {@code RETURN 1}, a {@code SELECT VALUE x}, a list
 *       of non-objects); the one column is {@link #VALUE}.</li>
 *   <li>{@link Shape#LISTS}: rows are lists of values in column order (synthetic results); missing
 *       trailing values read NULL.</li>
 * </ul>
 * Labels are case-sensitive; {@link #find(String)} tries the exact label first, then the first label
 * equal ignoring case.
 */
final class Columns {
    /** The label of the single column of scalar results. */
    static final String VALUE = "value";
    /** The label of the record id column. */
    static final String ID = "id";

    /** How rows hold their values. */
    enum Shape {
        /** Rows are {@code Map}s keyed by label. */
        OBJECTS,
        /** Each row is the value of the single column. */
        SCALAR,
        /** Rows are {@code List}s in column order. */
        LISTS
    }

    /**
     * A declared column of a synthetic result (generated keys, database metadata).
     *
     * @param name     the label
     * @param sqlType  the {@link java.sql.Types} code; for the standard codes (INTEGER, VARCHAR, BOOLEAN …)
     *                 {@code getObject} converts the values to the JDBC class of the type (Integer, String …),
     *                 see {@link #javaClass()}
     * @param typeName the type name reported by the metadata
     */
    record Def(String name, int sqlType, String typeName) {
        /** Checks the name. */
        Def {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(typeName, "typeName");
        }

        /** A column named after the SurrealDB type of the SQL type ({@code VARCHAR} → {@code string} …). */
        Def(String name, int sqlType) {
            this(name, sqlType, SurrealTypes.nameForSqlType(sqlType));
        }

        /**
         * The class {@code getObject} converts values to: the JDBC class of a standard type (INTEGER →
         * Integer, VARCHAR → String, DATE → java.sql.Date …); {@code null} (values as they are) for NUMERIC
         * (SurrealDB's {@code number}: Long, Double or BigDecimal) and non-standard types.
         */
        Class<?> javaClass() {
            return sqlType == java.sql.Types.NUMERIC ? null : SurrealTypes.standardClass(sqlType);
        }

        /** The class name {@code getColumnClassName} reports. */
        String javaClassName() {
            Class<?> c = javaClass();
            return c != null ? c.getName() : SurrealTypes.javaClassName(typeName, sqlType);
        }
    }

    private final Shape shape;
    private final List<String> labels;
    private final List<Def> defs;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> folded = new HashMap<>();

    private Columns(Shape shape, List<String> labels, List<Def> defs) {
        this.shape = shape;
        this.labels = Collections.unmodifiableList(labels);
        this.defs = defs;
        for (int i = 0; i < labels.size(); i++) {
            exact.putIfAbsent(labels.get(i), i);
            folded.putIfAbsent(labels.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    /**
     * The layout of object rows: {@code id} first if present, then every key in first-seen order. When
     * there are no rows, the layout is {@code id} plus the top-level fields of {@code schemaTypes}
     * (none without a schema).
     */
    static Columns ofObjects(List<?> rows, Map<String, String> schemaTypes) {
        Set<String> keys = keysOf(rows);
        boolean hasId = keys.remove(ID);
        if (rows.isEmpty() && schemaTypes != null) {
            hasId = true;
            for (String field : schemaTypes.keySet()) {
                if (!field.equals(ID) && isTopLevel(field)) {
                    keys.add(field);
                }
            }
        }
        List<String> labels = new ArrayList<>(keys.size() + 1);
        if (hasId) {
            labels.add(ID);
        }
        labels.addAll(keys);
        return new Columns(Shape.OBJECTS, labels, null);
    }

    /**
     * The layout of object rows with a known projection order ({@link SelectInfo#columnOrder()}):
     * <ul>
     *   <li>each name of {@code columnOrder} at its position, when some row has that key (every name
     *       when there are no rows);</li>
     *   <li>at {@link SelectInfo#REST}: the keys no name claims, {@code id} first, then the others in
     *       first-seen order; with no rows, {@code id} plus the top-level fields of {@code schemaTypes}
     *       not named elsewhere (nothing without a schema);</li>
     *   <li>without a {@code REST} entry, unclaimed keys (not expected from the server) come after the
     *       names, except {@code id}, which comes first.</li>
     * </ul>
     * A {@code null} {@code columnOrder} is {@link #ofObjects(List, Map)}.
     */
    static Columns ofObjects(List<?> rows, Map<String, String> schemaTypes, List<String> columnOrder) {
        if (columnOrder == null) {
            return ofObjects(rows, schemaTypes);
        }
        Set<String> named = new HashSet<>();
        boolean hasRest = false;
        for (String c : columnOrder) {
            if (c.equals(SelectInfo.REST)) {
                hasRest = true;
            } else {
                named.add(c);
            }
        }
        Set<String> seen = keysOf(rows);
        boolean empty = rows.isEmpty();
        List<String> rest = new ArrayList<>();
        if (empty) {
            if (hasRest && schemaTypes != null) {
                if (!named.contains(ID)) {
                    rest.add(ID);
                }
                for (String field : schemaTypes.keySet()) {
                    if (!field.equals(ID) && isTopLevel(field) && !named.contains(field)) {
                        rest.add(field);
                    }
                }
            }
        } else {
            if (seen.contains(ID) && !named.contains(ID)) {
                rest.add(ID);
            }
            for (String k : seen) {
                if (!k.equals(ID) && !named.contains(k)) {
                    rest.add(k);
                }
            }
        }
        List<String> labels = new ArrayList<>(named.size() + rest.size());
        Set<String> placed = new HashSet<>();
        for (String c : columnOrder) {
            if (c.equals(SelectInfo.REST)) {
                for (String r : rest) {
                    if (placed.add(r)) {
                        labels.add(r);
                    }
                }
            } else if ((empty || seen.contains(c)) && placed.add(c)) {
                labels.add(c);
            }
        }
        if (!hasRest) {
            for (String r : rest) {
                if (placed.add(r)) {
                    if (r.equals(ID)) {
                        labels.add(0, r);
                    } else {
                        labels.add(r);
                    }
                }
            }
        }
        return new Columns(Shape.OBJECTS, labels, null);
    }

    /**
     * The keys of the object rows in first-seen order. A row whose keys are the very key instances of the
     * row before (the decoder canonicalizes keys, so rows of one shape share them) adds nothing and is
     * passed over after an identity check.
     */
    private static Set<String> keysOf(List<?> rows) {
        Set<String> keys = new LinkedHashSet<>();
        Object[] previous = new Object[0];
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> m)) {
                continue;
            }
            if (m.size() == previous.length) {
                int i = 0;
                for (Object k : m.keySet()) {
                    if (k != previous[i]) {
                        break;
                    }
                    i++;
                }
                if (i == previous.length) {
                    continue;
                }
            }
            previous = m.keySet().toArray();
            for (Object k : previous) {
                keys.add(String.valueOf(k));
            }
        }
        return keys;
    }

    static boolean isTopLevel(String field) {
        return !field.isEmpty() && field.indexOf('.') < 0 && field.indexOf('[') < 0 && field.indexOf('*') < 0;
    }

    /** The single {@link #VALUE} column of scalar rows. */
    static Columns scalar() {
        return new Columns(Shape.SCALAR, List.of(VALUE), null);
    }

    /** Named columns over list rows, types inferred from the values. */
    static Columns named(List<String> names) {
        return new Columns(Shape.LISTS, new ArrayList<>(names), null);
    }

    /** Declared columns over list rows. */
    static Columns declared(List<Def> defs) {
        List<String> labels = new ArrayList<>(defs.size());
        for (Def d : defs) {
            labels.add(d.name());
        }
        return new Columns(Shape.LISTS, labels, List.copyOf(defs));
    }

    /** How rows hold values. */
    Shape shape() {
        return shape;
    }

    /** The number of columns. */
    int size() {
        return labels.size();
    }

    /** The label of column {@code index} (0-based). */
    String label(int index) {
        return labels.get(index);
    }

    /** All labels in order. */
    List<String> labels() {
        return labels;
    }

    /** The declaration of column {@code index} (0-based), or {@code null} when its type is inferred. */
    Def def(int index) {
        return defs == null ? null : defs.get(index);
    }

    /** Whether column {@code index} (0-based) is the record id of object rows. */
    boolean isId(int index) {
        return shape == Shape.OBJECTS && labels.get(index).equals(ID);
    }

    /** The 0-based index of {@code label}: exact match first, then ignoring case; -1 if absent. */
    int find(String label) {
        if (label == null) {
            return -1;
        }
        Integer i = exact.get(label);
        if (i == null) {
            i = folded.get(label.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    /**
     * The raw value of column {@code index} (0-based) in {@code row}: {@code null} for a missing key or
     * position; NONE is returned as it is.
     */
    Object value(Object row, int index) {
        switch (shape) {
            case SCALAR:
                return row;
            case OBJECTS:
                return row instanceof Map<?, ?> m ? m.get(labels.get(index)) : null;
            default:
                if (row instanceof List<?> l) {
                    return index < l.size() ? l.get(index) : null;
                }
                if (row instanceof Object[] a) {
                    return index < a.length ? a[index] : null;
                }
                return null;
        }
    }

    /** Whether {@code v} reads as SQL NULL (NULL or NONE). */
    static boolean isNull(Object v) {
        return v == null || v == None.NONE;
    }

    @Override
    public String toString() {
        return shape + labels.toString();
    }
}

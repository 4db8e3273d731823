package dev.surrealj.jdbc;

import dev.surrealj.value.None;
import java.sql.Array;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link java.sql.Array} over a SurrealDB array or set, in memory: from a result set
 * ({@link SurrealResultSet#getArray(int)}) or from {@code Connection.createArrayOf}.
 *
 * <ul>
 *   <li>{@link #getArray()} gives a Java array of the elements (NONE read as {@code null}); when all
 *       non-null elements have the same class it is an array of that class ({@code String[]},
 *       {@code Long[]} …), else {@code Object[]}.</li>
 *   <li>{@link #getBaseTypeName()} is the SurrealDB element type ({@code string}, {@code record<person>};
 *       {@code any} when elements differ or the array is empty), or the name given to
 *       {@code createArrayOf}; {@link #getBaseType()} its {@link Types} code.</li>
 *   <li>{@link #getResultSet()} has the columns {@code INDEX} (INTEGER, 1-based) and {@code VALUE}.</li>
 *   <li>Indexes are 1-based; a range outside the array is SQLState 2202E. After {@link #free()} every
 *       method but {@code free} fails (HY000).</li>
 *   <li>Type maps are ignored: SurrealDB has no user-defined SQL types.</li>
 * </ul>
 *
 * <pre>{@code
 * Array tags = rs.getArray("tags");   // array<string>
 * String[] values = (String[]) tags.getArray();
 * tags.getBaseType();                 // Types.VARCHAR
 * }</pre>
 */
final class SurrealArray implements Array {
    /** SQLState for an index range outside the array (SQL:2011 "array element error"). */
    static final String ARRAY_ELEMENT_ERROR = "2202E";

    private List<Object> elements;
    private final String baseTypeName;
    private final int baseType;
    private final boolean declared;

    private SurrealArray(List<Object> elements, String baseTypeName, int baseType, boolean declared) {
        this.elements = elements;
        this.baseTypeName = baseTypeName;
        this.baseType = baseType;
        this.declared = declared;
    }

    /**
     * An array over values read from SurrealDB.
     *
     * @param values          the elements (not copied; NONE reads as null)
     * @param elementTypeName the SurrealDB element type from the schema ({@code string} for
     *                        {@code array<string>}), or {@code null} to infer it from the elements
     */
    static SurrealArray of(List<?> values, String elementTypeName) {
        List<Object> list = Collections.unmodifiableList(values);
        String name;
        int code;
        if (elementTypeName != null) {
            SurrealTypes.Type t = SurrealTypes.parse(elementTypeName);
            name = t.name();
            code = t.sqlType();
        } else {
            String merged = null;
            for (Object o : list) {
                if (!Columns.isNull(o)) {
                    String n = SurrealTypes.nameOf(o);
                    merged = merged == null ? n : SurrealTypes.merge(merged, n);
                }
            }
            name = merged == null ? "any" : merged;
            code = SurrealTypes.sqlTypeOf(name);
        }
        return new SurrealArray(list, name, code, false);
    }

    /**
     * {@code Connection.createArrayOf}: an array of {@code elements} whose base type is {@code typeName},
     * either a JDBC type name ({@code VARCHAR}, {@code integer}) or a SurrealDB type ({@code string},
     * {@code record<person>}). When it is bound as a parameter, the elements are converted to that
     * type as {@code setObject(i, element, baseType)} would.
     *
     * @throws SQLException 22023 when {@code elements} is null
     */
    static SurrealArray of(String typeName, Object[] elements) throws SQLException {
        if (elements == null) {
            throw SqlStates.create(SqlStates.INVALID_PARAMETER_VALUE, "createArrayOf: elements is null", 0, null);
        }
        String name = typeName == null || typeName.isBlank() ? "any" : typeName.strip();
        int code;
        try {
            code = JDBCType.valueOf(name.toUpperCase(Locale.ROOT)).getVendorTypeNumber();
        } catch (IllegalArgumentException e) {
            code = SurrealTypes.parse(name).sqlType();
        }
        List<Object> copy = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(elements)));
        return new SurrealArray(copy, name, code, true);
    }

    private List<Object> items() throws SQLException {
        if (elements == null) {
            throw SqlStates.create(SqlStates.GENERAL_ERROR, "The Array has been freed", 0, null);
        }
        return elements;
    }

    /**
     * The elements as SurrealDB values for binding: converted with {@link Conversions#toSurreal(Object, int)}
     * to the base type when the array came from {@code createArrayOf} with a standard JDBC type, else
     * with {@link Conversions#toSurreal(Object)}.
     */
    List<Object> toSurreal() throws SQLException {
        List<Object> items = items();
        List<Object> out = new ArrayList<>(items.size());
        boolean coerce = declared && SurrealTypes.standardClass(baseType) != null;
        for (Object o : items) {
            out.add(coerce ? Conversions.toSurreal(o, baseType) : Conversions.toSurreal(o));
        }
        return out;
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        items();
        return baseTypeName;
    }

    @Override
    public int getBaseType() throws SQLException {
        items();
        return baseType;
    }

    @Override
    public Object getArray() throws SQLException {
        return toJavaArray(items());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return toJavaArray(slice(index, count));
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(items(), 1);
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(slice(index, count), (int) index);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    @Override
    public void free() {
        elements = null;
    }

    private List<Object> slice(long index, int count) throws SQLException {
        List<Object> items = items();
        if (index < 1 || count < 0 || index - 1 + count > items.size()) {
            throw SqlStates.create(ARRAY_ELEMENT_ERROR, "Elements " + index + ".." + (index - 1 + count)
                    + " are outside the array of " + items.size() + " (indexes start at 1)", 0, null);
        }
        return items.subList((int) index - 1, (int) index - 1 + count);
    }

    private ResultSet resultSet(List<Object> items, int firstIndex) {
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rows.add(Arrays.asList(firstIndex + i, items.get(i) == None.NONE ? null : items.get(i)));
        }
        return SurrealResultSet.ofRows(null, List.of(new Columns.Def("INDEX", Types.INTEGER, "int"),
                new Columns.Def("VALUE", baseType, baseTypeName)), rows);
    }

    private static Object toJavaArray(List<Object> items) {
        Class<?> common = null;
        for (Object o : items) {
            if (Columns.isNull(o)) {
                continue;
            }
            if (common == null) {
                common = o.getClass();
            } else if (common != o.getClass()) {
                common = Object.class;
                break;
            }
        }
        if (common == null || common.isArray() || common.isAnonymousClass() || !java.lang.reflect.Modifier
                .isPublic(common.getModifiers())) {
            common = Object.class;
        }
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(common, items.size());
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            out[i] = o == None.NONE ? null : o;
        }
        return out;
    }

    @Override
    public String toString() {
        return elements == null ? "SurrealArray[freed]" : JsonText.render(elements);
    }
}

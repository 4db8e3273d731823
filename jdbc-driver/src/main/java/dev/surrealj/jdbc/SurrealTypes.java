package dev.surrealj.jdbc;

import dev.surrealj.value.Future;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.GeometryCollection;
import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryMultiLine;
import dev.surrealj.value.GeometryMultiPoint;
import dev.surrealj.value.GeometryMultiPolygon;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.GeometryPolygon;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.JDBCType;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SurrealDB type names and their JDBC view: the {@link Types java.sql.Types} code, the Java class
 * {@code getObject} returns, and precision, scale and display size for result set metadata. Types
 * come either from a {@code SCHEMAFULL} field definition ({@link #parse(String)}) or from the
 * values themselves ({@link #nameOf(Object)}, {@link #merge(String, String)}).
 *
 * <table>
 *   <caption>SurrealDB type → JDBC</caption>
 *   <tr><th>SurrealDB</th><th>java.sql.Types</th><th>getObject class</th></tr>
 *   <tr><td>{@code int}</td><td>BIGINT</td><td>Long</td></tr>
 *   <tr><td>{@code float}</td><td>DOUBLE</td><td>Double</td></tr>
 *   <tr><td>{@code decimal}</td><td>DECIMAL</td><td>BigDecimal</td></tr>
 *   <tr><td>{@code number} (also int, float and decimal values mixed in one column)</td><td>NUMERIC</td>
 *       <td>Number</td></tr>
 *   <tr><td>{@code string}, {@code regex}, string literals</td><td>VARCHAR</td><td>String</td></tr>
 *   <tr><td>{@code bool}, {@code true}/{@code false}</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>{@code datetime}</td><td>TIMESTAMP_WITH_TIMEZONE</td><td>Instant</td></tr>
 *   <tr><td>{@code bytes}</td><td>VARBINARY</td><td>byte[]</td></tr>
 *   <tr><td>{@code array}, {@code array<T>}, {@code array<T, n>}, {@code set<T>}, {@code references}</td>
 *       <td>ARRAY</td><td>List (SurrealSet for sets)</td></tr>
 *   <tr><td>{@code duration}, {@code uuid}, {@code record}, {@code record<t>}, {@code geometry<…>},
 *       {@code object}, {@code range}, {@code file}, {@code any} and everything else</td><td>OTHER</td>
 *       <td>Duration, UUID, RecordId, Geometry, Map, Range, SurrealFile, Object</td></tr>
 *   <tr><td>{@code null}, {@code none} (a column holding only NULL/NONE)</td><td>NULL</td><td>Object</td></tr>
 * </table>
 *
 * <p>Objects are {@code OTHER} rather than {@code STRUCT} (which would promise a {@link java.sql.Struct})
 * or {@code JAVA_OBJECT}: tools treat OTHER as "read with getObject", as they do for PostgreSQL's
 * {@code json}. {@code option<T>} and unions with {@code none} or {@code null} make a column nullable;
 * other unions keep the common JDBC type of their members, else OTHER.
 *
 * <pre>{@code
 * SurrealTypes.parse("option<int>");           // Type[name=int, sqlType=BIGINT, nullable=true]
 * SurrealTypes.parse("record<person>");        // Type[name=record<person>, sqlType=OTHER, nullable=false]
 * SurrealTypes.nameOf(List.of("a", "b"));      // "array<string>"
 * SurrealTypes.merge("int", "float");          // "number"
 * }</pre>
 */
final class SurrealTypes {
    /** Precision and display size of unbounded types (strings, bytes, objects …), as pgjdbc reports for text. */
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Significant digits of a SurrealDB decimal (a 96-bit mantissa). */
    static final int DECIMAL_PRECISION = 28;

    private SurrealTypes() {
    }

    /**
     * A column type.
     *
     * @param name     the SurrealDB type name without {@code option<…>} ({@code int}, {@code record<person>} …)
     * @param sqlType  the {@link Types} code
     * @param nullable whether the type admits NONE or NULL ({@code option<…>}, {@code any}, unions with none/null)
     */
    record Type(String name, int sqlType, boolean nullable) {
        /** The name before any {@code <…>}: {@code record<person>} → {@code record}. */
        String base() {
            return baseName(name);
        }

        /** The Java class {@code getObject} returns for this type (see {@link #javaClassName(String, int)}). */
        String className() {
            return javaClassName(name, sqlType);
        }
    }

    // ------------------------------------------------------------------ schema type strings

    /**
     * Reads a SurrealDB type as written in a field definition: {@code int}, {@code option<string>},
     * {@code record<person | user>}, {@code array<string, 10>}, {@code int | string}, {@code "a" | "b"} …
     * Names are case-insensitive; {@code null} or blank text is {@code any}.
     */
    static Type parse(String schemaType) {
        if (schemaType == null || schemaType.isBlank()) {
            return new Type("any", Types.OTHER, true);
        }
        String text = schemaType.strip();
        boolean nullable = false;
        List<String> kept = new ArrayList<>();
        for (String alt : splitTopLevel(text, '|')) {
            String a = alt.strip();
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("option<") && a.endsWith(">")) {
                Type inner = parse(a.substring(7, a.length() - 1));
                nullable = true;
                if (inner.sqlType() != Types.NULL) {
                    kept.add(inner.name());
                }
            } else if (lower.equals("none") || lower.equals("null")) {
                nullable = true;
            } else if (!a.isEmpty()) {
                kept.add(a);
            }
        }
        if (kept.isEmpty()) {
            return new Type(nullable ? "null" : "any", nullable ? Types.NULL : Types.OTHER, true);
        }
        if (kept.size() == 1) {
            String name = normalise(kept.get(0));
            return new Type(name, sqlTypeOf(name), nullable || baseName(name).equals("any"));
        }
        int common = sqlTypeOf(kept.get(0));
        for (String k : kept) {
            if (sqlTypeOf(k) != common) {
                common = Types.OTHER;
            }
        }
        return new Type(String.join(" | ", kept), common, nullable);
    }

    /** A schema name with a lower-case base ({@code Record<person>} → {@code record<person>}); literals kept. */
    private static String normalise(String name) {
        if (isLiteral(name)) {
            return name;
        }
        int lt = name.indexOf('<');
        return lt < 0 ? name.toLowerCase(Locale.ROOT)
                : name.substring(0, lt).strip().toLowerCase(Locale.ROOT) + name.substring(lt);
    }

    /**
     * The {@link Types} code for a SurrealDB type name ({@code option<…>} and unions are not
     * handled here: use {@link #parse(String)}). Unknown names are {@link Types#OTHER}.
     */
    static int sqlTypeOf(String typeName) {
        String name = typeName.strip();
        if (isLiteral(name)) {
            char c = name.charAt(0);
            if (c == '"' || c == '\'') {
                return Types.VARCHAR;
            }
            if (c == '[') {
                return Types.ARRAY;
            }
            if (c == '{') {
                return Types.OTHER;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Types.BOOLEAN;
            }
            return lower.contains(".") || lower.contains("e") || lower.endsWith("f") ? Types.DOUBLE : Types.BIGINT;
        }
        return switch (baseName(name)) {
            case "int" -> Types.BIGINT;
            case "float" -> Types.DOUBLE;
            case "decimal" -> Types.DECIMAL;
            case "number" -> Types.NUMERIC;
            case "string", "regex" -> Types.VARCHAR;
            case "bool" -> Types.BOOLEAN;
            case "datetime" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "bytes" -> Types.VARBINARY;
            case "array", "set", "references" -> Types.ARRAY;
            case "null", "none" -> Types.NULL;
            default -> Types.OTHER;
        };
    }

    /** Whether {@code t} is a literal type: a string, number, boolean, array/tuple or object literal. */
    private static boolean isLiteral(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        String lower = t.toLowerCase(Locale.ROOT);
        return c == '"' || c == '\'' || c == '[' || c == '{' || c == '-' || Character.isDigit(c)
                || lower.equals("true") || lower.equals("false");
    }

    /** The name before any {@code <…>}, lower case: {@code record<person>} → {@code record}. */
    static String baseName(String typeName) {
        int lt = typeName.indexOf('<');
        return (lt < 0 ? typeName : typeName.substring(0, lt)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The element type of an array or set type: {@code array<string>} → {@code string},
     * {@code array<int, 10>} → {@code int}, {@code option<set<record<a>>>} → {@code record<a>};
     * {@code null} when not given ({@code array}) or not a collection type.
     */
    static String elementTypeName(String typeName) {
        if (typeName == null) {
            return null;
        }
        String t = typeName.strip();
        String base = baseName(t);
        if (base.equals("option") && t.endsWith(">")) {
            return elementTypeName(t.substring(t.indexOf('<') + 1, t.length() - 1));
        }
        if (!(base.equals("array") || base.equals("set") || base.equals("references")) || !t.endsWith(">")) {
            return null;
        }
        List<String> args = splitTopLevel(t.substring(t.indexOf('<') + 1, t.length() - 1), ',');
        String element = args.get(0).strip();
        if (base.equals("references")) {
            return element.isEmpty() ? "record" : "record<" + element + ">";
        }
        return element.isEmpty() ? null : element;
    }

    /** Splits on {@code sep} outside {@code <>}, {@code ()}, {@code []}, {@code {}} and quotes. */
    private static List<String> splitTopLevel(String text, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '<' || c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == '>' || c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == sep && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    // ------------------------------------------------------------------ inference from values

    /**
     * The SurrealDB type name of a decoded value: {@code none}, {@code null}, {@code bool}, {@code int},
     * {@code float}, {@code decimal}, {@code string}, {@code datetime}, {@code duration}, {@code uuid},
     * {@code bytes}, {@code object}, {@code array<T>} / {@code set<T>} (T when all elements agree,
     * looked at one level deep), {@code record<table>}, {@code geometry<point>} …, {@code range},
     * {@code table}, {@code file}, {@code future}; {@code any} for other Java classes. Java values a
     * synthetic result may hold are named as what the driver would send ({@code Integer} → int,
     * {@code OffsetDateTime} → datetime).
     */
    static String nameOf(Object v) {
        return nameOf(v, true);
    }

    private static String nameOf(Object v, boolean elements) {
        if (v == None.NONE) {
            return "none";
        }
        if (v == null) {
            return "null";
        }
        if (v instanceof String || v instanceof Character) {
            return "string";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof BigDecimal) {
            return "decimal";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Date) {
            return "datetime";
        }
        if (v instanceof Duration) {
            return "duration";
        }
        if (v instanceof UUID) {
            return "uuid";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof RecordId r) {
            return "record<" + r.table() + ">";
        }
        if (v instanceof Geometry g) {
            return "geometry<" + geometryKind(g) + ">";
        }
        if (v instanceof SurrealSet s) {
            return elements ? collectionName("set", s) : "set";
        }
        if (v instanceof Collection<?> c) {
            return elements ? collectionName("array", c) : "array";
        }
        if (v instanceof Map) {
            return "object";
        }
        if (v instanceof Range) {
            return "range";
        }
        if (v instanceof Table) {
            return "table";
        }
        if (v instanceof SurrealFile) {
            return "file";
        }
        if (v instanceof Future) {
            return "future";
        }
        return "any";
    }

    private static String collectionName(String kind, Collection<?> items) {
        String element = null;
        for (Object o : items) {
            if (o == null || o == None.NONE) {
                continue;
            }
            String n = nameOf(o, false);
            element = element == null ? n : merge(element, n);
        }
        return element == null || element.equals("any") ? kind : kind + "<" + element + ">";
    }

    /** The geometry kind as SurrealQL names it: point, line, polygon, multipoint, multiline, multipolygon, collection. */
    static String geometryKind(Geometry g) {
        if (g instanceof GeometryPoint) {
            return "point";
        }
        if (g instanceof GeometryLine) {
            return "line";
        }
        if (g instanceof GeometryPolygon) {
            return "polygon";
        }
        if (g instanceof GeometryMultiPoint) {
            return "multipoint";
        }
        if (g instanceof GeometryMultiLine) {
            return "multiline";
        }
        if (g instanceof GeometryMultiPolygon) {
            return "multipolygon";
        }
        if (g instanceof GeometryCollection) {
            return "collection";
        }
        return "feature";
    }

    /**
     * The type of a column holding values of types {@code a} and {@code b}: the same name if they
     * agree, the common base when only the parameters differ ({@code record<a>}, {@code record<b>} →
     * {@code record}), {@code number} for a mix of int, float, decimal and number, the other one when
     * one is {@code null}/{@code none}, else {@code any}.
     */
    static String merge(String a, String b) {
        if (a == null || a.equals("null") || a.equals("none")) {
            return b;
        }
        if (b == null || b.equals("null") || b.equals("none") || a.equals(b)) {
            return a;
        }
        String ba = baseName(a);
        String bb = baseName(b);
        if (ba.equals(bb)) {
            return ba;
        }
        if (isNumeric(ba) && isNumeric(bb)) {
            return "number";
        }
        return "any";
    }

    private static boolean isNumeric(String base) {
        return base.equals("int") || base.equals("float") || base.equals("decimal") || base.equals("number");
    }

    // ------------------------------------------------------------------ JDBC facts per type

    /**
     * The fully-qualified class {@code getObject} returns for a column of this SurrealDB type, or
     * for a declared (synthetic) column of this {@link Types} code when the name is not a SurrealDB type.
     */
    static String javaClassName(String typeName, int sqlType) {
        if (typeName != null && typeName.startsWith("{")) {
            return Map.class.getName();
        }
        if (typeName != null && typeName.startsWith("[")) {
            return List.class.getName();
        }
        String base = typeName == null ? "" : baseName(typeName);
        String byName = switch (base) {
            case "int" -> Long.class.getName();
            case "float" -> Double.class.getName();
            case "decimal" -> BigDecimal.class.getName();
            case "number" -> Number.class.getName();
            case "string", "regex" -> String.class.getName();
            case "bool" -> Boolean.class.getName();
            case "datetime" -> Instant.class.getName();
            case "duration" -> Duration.class.getName();
            case "uuid" -> UUID.class.getName();
            case "bytes" -> byte[].class.getName();
            case "object" -> Map.class.getName();
            case "array", "references" -> List.class.getName();
            case "set" -> SurrealSet.class.getName();
            case "record" -> RecordId.class.getName();
            case "geometry" -> geometryClass(typeName).getName();
            case "range" -> Range.class.getName();
            case "table" -> Table.class.getName();
            case "file" -> SurrealFile.class.getName();
            case "future" -> Future.class.getName();
            case "any", "null", "none" -> Object.class.getName();
            default -> null;
        };
        return byName != null ? byName : standardClassName(sqlType);
    }

    private static Class<?> geometryClass(String typeName) {
        String kind = typeName.length() > 9 && typeName.endsWith(">")
                ? typeName.substring(typeName.indexOf('<') + 1, typeName.length() - 1).strip().toLowerCase(Locale.ROOT)
                : "";
        return switch (kind) {
            case "point" -> GeometryPoint.class;
            case "line" -> GeometryLine.class;
            case "polygon" -> GeometryPolygon.class;
            case "multipoint" -> GeometryMultiPoint.class;
            case "multiline" -> GeometryMultiLine.class;
            case "multipolygon" -> GeometryMultiPolygon.class;
            case "collection" -> GeometryCollection.class;
            default -> Geometry.class;
        };
    }

    /** The JDBC-standard {@code getObject} class for a {@link Types} code (JDBC 4.3 table B-3). */
    static String standardClassName(int sqlType) {
        Class<?> c = standardClass(sqlType);
        return c == null ? Object.class.getName() : c.getName();
    }

    /** The JDBC-standard {@code getObject} class for a {@link Types} code, or {@code null} for OTHER and the like. */
    static Class<?> standardClass(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> Boolean.class;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class;
            case Types.BIGINT -> Long.class;
            case Types.REAL -> Float.class;
            case Types.FLOAT, Types.DOUBLE -> Double.class;
            case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR ->
                    String.class;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> byte[].class;
            case Types.DATE -> java.sql.Date.class;
            case Types.TIME -> java.sql.Time.class;
            case Types.TIMESTAMP -> java.sql.Timestamp.class;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Instant.class;
            case Types.ARRAY -> List.class;
            default -> null;
        };
    }

    /**
     * A type name for a {@link Types} code: the SurrealDB type a value of it becomes ({@code BIGINT}
     * → {@code int}, {@code VARCHAR} → {@code string} …), else the JDBC name ({@code OTHER} → {@code any}).
     */
    static String nameForSqlType(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "int";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "float";
            case Types.DECIMAL -> "decimal";
            case Types.NUMERIC -> "number";
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> "string";
            case Types.BIT, Types.BOOLEAN -> "bool";
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "datetime";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
            case Types.ARRAY -> "array";
            case Types.NULL -> "null";
            case Types.OTHER, Types.JAVA_OBJECT -> "any";
            default -> jdbcName(sqlType);
        };
    }

    /** The {@link JDBCType} name of a code, or {@code "OTHER"} for codes it does not know. */
    static String jdbcName(int sqlType) {
        try {
            return JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return "OTHER";
        }
    }

    /** Whether the code is a number type ({@code isSigned}). */
    static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.DECIMAL, Types.NUMERIC -> true;
            default -> false;
        };
    }

    /** Precision (JDBC {@code getPrecision}): digits for numbers, characters for text and datetimes. */
    static int precision(String typeName, int sqlType) {
        String base = typeName == null ? "" : baseName(typeName);
        if (base.equals("uuid")) {
            return 36;
        }
        if (base.equals("duration")) {
            return 40;
        }
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> 1;
            case Types.TINYINT -> 3;
            case Types.SMALLINT -> 5;
            case Types.INTEGER -> 10;
            case Types.BIGINT -> 19;
            case Types.REAL -> 7;
            case Types.FLOAT, Types.DOUBLE -> 17;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL_PRECISION;
            case Types.DATE -> 10;
            case Types.TIME -> 18;
            case Types.TIMESTAMP -> 29;
            case Types.TIMESTAMP_WITH_TIMEZONE -> 30;
            case Types.NULL -> 0;
            default -> UNBOUNDED;
        };
    }

    /**
     * Display size (JDBC {@code getColumnDisplaySize}): the widest text {@code getString} gives, e.g. 20
     * for {@code int} ({@code -9223372036854775808}), 30 for {@code datetime}
     * ({@code 2024-01-31T10:00:00.123456789Z}), {@link #UNBOUNDED} for strings, bytes and structures.
     */
    static int displaySize(String typeName, int sqlType) {
        String base = typeName == null ? "" : baseName(typeName);
        if (base.equals("uuid")) {
            return 36;
        }
        if (base.equals("duration")) {
            return 40;
        }
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> 5;
            case Types.TINYINT -> 4;
            case Types.SMALLINT -> 6;
            case Types.INTEGER -> 11;
            case Types.BIGINT -> 20;
            case Types.REAL -> 15;
            case Types.FLOAT, Types.DOUBLE -> 25;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL_PRECISION + 2;
            case Types.DATE -> 10;
            case Types.TIME -> 18;
            case Types.TIMESTAMP -> 29;
            case Types.TIMESTAMP_WITH_TIMEZONE -> 30;
            case Types.NULL -> 4;
            default -> UNBOUNDED;
        };
    }

    /** Whether text comparison is case-sensitive for the type ({@code isCaseSensitive}): strings and records. */
    static boolean isCaseSensitive(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB, Types.OTHER, Types.ARRAY, Types.JAVA_OBJECT -> true;
            default -> false;
        };
    }
}

package dev.surrealj.calcite;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How a SurrealDB field type appears in Calcite: the SQL type, whether SurrealDB compares and orders
 * its values as SQL does (only then are comparisons and sorts on it pushed down), and how a value the
 * driver returns becomes Calcite's internal representation.
 */
enum SurrealType {
    INT(SqlTypeName.BIGINT, true),
    FLOAT(SqlTypeName.DOUBLE, true),
    DECIMAL(SqlTypeName.DECIMAL, true),
    STRING(SqlTypeName.VARCHAR, true),
    BOOL(SqlTypeName.BOOLEAN, true),
    DATETIME(SqlTypeName.TIMESTAMP, true),
    /** record ids, uuids and durations: text in SQL, but SurrealDB orders and compares them by value. */
    TEXT_LIKE(SqlTypeName.VARCHAR, false),
    /** objects, arrays, unions, any: passed through as Java objects. */
    OTHER(SqlTypeName.ANY, false),
    /** the whole record ({@code _record}). */
    RECORD_MAP(SqlTypeName.MAP, false);

    final SqlTypeName sqlType;
    /** SurrealDB's comparison and order of these values agree with SQL's. */
    final boolean comparable;

    SurrealType(SqlTypeName sqlType, boolean comparable) {
        this.sqlType = sqlType;
        this.comparable = comparable;
    }

    /** Maps a SurrealDB type name as the driver's metadata gives it ({@code option<int>}, {@code none | int}, ...). */
    static SurrealType of(String typeName) {
        String t = bare(typeName);
        if (t.equals("int")) {
            return INT;
        }
        if (t.equals("float") || t.equals("number")) {
            return FLOAT;
        }
        if (t.equals("decimal")) {
            return DECIMAL;
        }
        if (t.equals("string")) {
            return STRING;
        }
        if (t.equals("bool")) {
            return BOOL;
        }
        if (t.equals("datetime")) {
            return DATETIME;
        }
        if (t.equals("record") || (t.startsWith("record<") && !t.contains("|")) || t.equals("uuid") || t.equals("duration")) {
            return TEXT_LIKE;
        }
        return OTHER;
    }

    /** The type name without {@code option<…>} / {@code none |}, lower case. */
    private static String bare(String typeName) {
        String t = typeName == null ? "any" : typeName.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("option<") && t.endsWith(">")) {
            t = t.substring(7, t.length() - 1).trim();
        }
        if (t.startsWith("none |")) {
            t = t.substring(6).trim();
        } else if (t.endsWith("| none")) {
            t = t.substring(0, t.length() - 6).trim();
        }
        return t;
    }

    /** The table a {@code record<t>} type links to, or null. */
    static String linkTarget(String typeName) {
        String t = bare(typeName);
        if (t.startsWith("record<") && t.endsWith(">") && !t.contains("|") && !t.contains(",")) {
            String target = typeName.trim();
            int open = target.indexOf("record<");
            int close = target.indexOf('>', open);
            return target.substring(open + 7, close).trim();
        }
        return null;
    }

    /** The SurrealDB type of a SQL type computed by Calcite (aggregates, expressions). */
    static SurrealType ofSql(SqlTypeName name) {
        switch (name) {
            case TINYINT: case SMALLINT: case INTEGER: case BIGINT: return INT;
            case FLOAT: case REAL: case DOUBLE: return FLOAT;
            case DECIMAL: return DECIMAL;
            case CHAR: case VARCHAR: return STRING;
            case BOOLEAN: return BOOL;
            case TIMESTAMP: return DATETIME;
            case MAP: return RECORD_MAP;
            default: return OTHER;
        }
    }

    RelDataType relType(RelDataTypeFactory factory, boolean nullable) {
        RelDataType type;
        if (this == DECIMAL) {
            type = factory.createSqlType(SqlTypeName.DECIMAL, 38, 10);
        } else if (this == RECORD_MAP) {
            type = factory.createMapType(factory.createSqlType(SqlTypeName.VARCHAR),
                    factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true));
        } else if (this == DATETIME) {
            type = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
        } else {
            type = factory.createSqlType(sqlType);
        }
        return factory.createTypeWithNullability(type, nullable);
    }

    /** Converts what {@code ResultSet.getObject} gave into Calcite's representation of {@code sql}. */
    static Object convert(Object value, SqlTypeName sql) {
        if (value == null) {
            return null;
        }
        switch (sql) {
            case TINYINT: case SMALLINT: case INTEGER:
                return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString());
            case BIGINT:
                return value instanceof Number n ? n.longValue() : Long.valueOf(value.toString());
            case FLOAT: case REAL: case DOUBLE:
                return value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString());
            case DECIMAL:
                return value instanceof BigDecimal b ? b
                        : value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString());
            case CHAR: case VARCHAR:
                return value.toString();
            case BOOLEAN:
                return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            case TIMESTAMP:
                if (value instanceof Instant i) {
                    return i.toEpochMilli();
                }
                if (value instanceof OffsetDateTime o) {
                    return o.toInstant().toEpochMilli();
                }
                if (value instanceof Date d) {
                    return d.getTime();
                }
                return value instanceof Number n ? n.longValue() : Instant.parse(value.toString()).toEpochMilli();
            case MAP:
                return value instanceof Map<?, ?> ? value : Map.of("value", value);
            default:
                return value;
        }
    }
}

package dev.surrealj.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed vocabulary {@link SurrealDatabaseMetaData} reports: SurrealDB's types for
 * {@code getTypeInfo}, the SurrealQL keywords that are not SQL:2003 keywords, and the built-in function
 * lists (names differ between 2.x and 3.x: {@code string::is::email} became {@code string::is_email},
 * {@code type::thing} {@code type::record} …).
 */
final class TypeInfo {
    private TypeInfo() {
    }

    /**
     * One row of {@code getTypeInfo}.
     *
     * @param name          SurrealDB's type name ({@code TYPE_NAME}, usable in {@code DEFINE FIELD … TYPE})
     * @param sqlType       the {@link Types} code the driver reports for it
     * @param precision     {@code PRECISION} (digits, characters), or {@code null} when it does not apply
     * @param prefix        {@code LITERAL_PREFIX}, or {@code null}
     * @param suffix        {@code LITERAL_SUFFIX}, or {@code null}
     * @param createParams  {@code CREATE_PARAMS}: what goes in {@code <…>} ({@code array<string, 10>}), else null
     * @param caseSensitive whether comparisons are case-sensitive
     * @param searchable    {@code SEARCHABLE}: {@link DatabaseMetaData#typeSearchable} …
     * @param maxScale      {@code MAXIMUM_SCALE}
     * @param radix         {@code NUM_PREC_RADIX}, or {@code null}
     * @param since         the first SurrealDB major version that has the type
     */
    record Type(String name, int sqlType, Integer precision, String prefix, String suffix, String createParams,
                boolean caseSensitive, int searchable, int maxScale, Integer radix, int since) {

        /** The {@code getTypeInfo} row, in the JDBC column order. */
        List<Object> row() {
            return Arrays.asList(name, sqlType, precision, prefix, suffix, createParams,
                    (short) DatabaseMetaData.typeNullable, caseSensitive, (short) searchable, false, false, false,
                    name, (short) 0, (short) maxScale, null, null, radix);
        }
    }

    private static final int UNBOUNDED = SurrealTypes.UNBOUNDED;
    private static final int PRED = DatabaseMetaData.typePredBasic;
    private static final int ALL = DatabaseMetaData.typeSearchable;

    /**
     * SurrealDB's types, ordered by {@code DATA_TYPE} and then by how closely they map to it (as
     * {@code getTypeInfo} must be). Every type is nullable through {@code option<T>}.
     */
    static final List<Type> TYPES = List.of(
            new Type("int", Types.BIGINT, 19, null, null, null, false, PRED, 0, 10, 2),
            new Type("bytes", Types.VARBINARY, UNBOUNDED, null, null, null, false, PRED, 0, null, 2),
            new Type("number", Types.NUMERIC, SurrealTypes.DECIMAL_PRECISION, null, null, null, false, PRED,
                    SurrealTypes.DECIMAL_PRECISION, 10, 2),
            new Type("decimal", Types.DECIMAL, SurrealTypes.DECIMAL_PRECISION, null, "dec", null, false, PRED,
                    SurrealTypes.DECIMAL_PRECISION, 10, 2),
            new Type("float", Types.DOUBLE, 17, null, "f", null, false, PRED, 0, 10, 2),
            new Type("string", Types.VARCHAR, UNBOUNDED, "'", "'", null, true, ALL, 0, null, 2),
            new Type("regex", Types.VARCHAR, UNBOUNDED, null, null, null, true, PRED, 0, null, 3),
            new Type("bool", Types.BOOLEAN, 1, null, null, null, false, PRED, 0, null, 2),
            new Type("object", Types.OTHER, null, null, null, null, true, PRED, 0, null, 2),
            new Type("record", Types.OTHER, null, "r'", "'", "table", true, PRED, 0, null, 2),
            new Type("uuid", Types.OTHER, 36, "u'", "'", null, false, PRED, 0, null, 2),
            new Type("duration", Types.OTHER, 40, null, null, null, false, PRED, 0, null, 2),
            new Type("geometry", Types.OTHER, null, null, null, "kind", false, PRED, 0, null, 2),
            new Type("range", Types.OTHER, null, null, null, null, false, PRED, 0, null, 2),
            new Type("file", Types.OTHER, null, null, null, "bucket", false, PRED, 0, null, 3),
            new Type("any", Types.OTHER, null, null, null, null, true, PRED, 0, null, 2),
            new Type("array", Types.ARRAY, null, null, null, "type, size", true, PRED, 0, null, 2),
            new Type("set", Types.ARRAY, null, null, null, "type, size", true, PRED, 0, null, 2),
            new Type("datetime", Types.TIMESTAMP_WITH_TIMEZONE, 30, "d'", "'", null, false, PRED, 9, null, 2));

    /** The {@code getTypeInfo} rows for a server of major version {@code major}. */
    static List<List<Object>> rows(int major) {
        List<List<Object>> out = new ArrayList<>();
        for (Type t : TYPES) {
            if (major == 0 || t.since() <= major) {
                out.add(t.row());
            }
        }
        return out;
    }

    /** SurrealQL keywords that are not SQL:2003 reserved words ({@code getSQLKeywords}). */
    static final String KEYWORDS = String.join(",", List.of(
            "ACCESS", "ALWAYS", "ANALYZE", "ANALYZER", "API", "ASSERT", "ASYNC", "BM25", "BUCKET", "CANCEL",
            "CHANGEFEED", "CHANGES", "COMMENT", "COMPUTED", "CONTAINS", "CONTAINSALL", "CONTAINSANY",
            "CONTAINSNONE", "CONTAINSNOT", "CONTENT", "DATABASE", "DB", "DEFINE", "DIFF", "DIMENSION", "DIST",
            "EVENT", "EXPLAIN", "FIELD", "FIELDS", "FILTERS", "FLEXIBLE", "FULLTEXT", "HIGHLIGHTS", "HNSW", "IF",
            "IGNORE", "INDEX", "INFO", "INSIDE", "INTERSECTS", "KILL", "LET", "LIMIT", "LIVE", "MTREE", "NAMESPACE",
            "NOINDEX", "NOTINSIDE", "NS", "OMIT", "OPTION", "OUTSIDE", "OVERWRITE", "PARALLEL", "PARAM",
            "PASSHASH", "PASSWORD", "PATCH", "PERMISSIONS", "READONLY", "REBUILD", "REFERENCE", "RELATE",
            "RELATION", "REMOVE", "REPLACE", "ROOT", "SCHEMAFULL", "SCHEMALESS", "SEQUENCE", "SHOW", "SINCE",
            "SLEEP", "SPLIT", "STRUCTURE", "TEMPFILES", "THROW", "TIMEOUT", "TOKENIZERS", "TYPE", "UNSET",
            "UPSERT", "USE", "VERSION"));

    /** {@code getNumericFunctions}. */
    static String numericFunctions() {
        return String.join(",", List.of("math::abs", "math::acos", "math::asin", "math::atan", "math::bottom",
                "math::ceil", "math::clamp", "math::cos", "math::cot", "math::deg2rad", "math::fixed", "math::floor",
                "math::interquartile", "math::lerp", "math::ln", "math::log", "math::log10", "math::log2",
                "math::max", "math::mean", "math::median", "math::midhinge", "math::min", "math::mode",
                "math::nearestrank", "math::percentile", "math::pow", "math::product", "math::rad2deg",
                "math::round", "math::sign", "math::sin", "math::spread", "math::sqrt", "math::stddev", "math::sum",
                "math::tan", "math::top", "math::trimean", "math::variance", "rand::float", "rand::int"));
    }

    /** {@code getStringFunctions}: 3.x names are snake case ({@code string::starts_with}), 2.x camel case. */
    static String stringFunctions(int major) {
        boolean v3 = major >= 3;
        return String.join(",", List.of("string::concat", "string::contains",
                v3 ? "string::ends_with" : "string::endsWith", "string::join", "string::len", "string::lowercase",
                "string::matches", "string::repeat", "string::replace", "string::reverse", "string::slice",
                "string::slug", "string::split", v3 ? "string::starts_with" : "string::startsWith", "string::trim",
                "string::uppercase", "string::words", "string::distance::levenshtein", "string::similarity::fuzzy",
                v3 ? "string::is_email" : "string::is::email", v3 ? "string::is_numeric" : "string::is::numeric"));
    }

    /** {@code getTimeDateFunctions}. */
    static String timeDateFunctions(int major) {
        boolean v3 = major >= 3;
        return String.join(",", List.of("time::now", "time::day", "time::floor", "time::format", "time::group",
                "time::hour", "time::max", "time::micros", "time::millis", "time::min", "time::minute",
                "time::month", "time::nano", "time::round", "time::second", "time::timezone", "time::unix",
                "time::wday", "time::week", "time::yday", "time::year", v3 ? "time::from_unix" : "time::from::unix",
                v3 ? "time::from_millis" : "time::from::millis", "duration::days", "duration::hours",
                "duration::mins", "duration::secs"));
    }

    /** {@code getSystemFunctions}. */
    static String systemFunctions(int major) {
        boolean v3 = major >= 3;
        return String.join(",", List.of("session::ns", "session::db", "session::id", "session::ip",
                "session::origin", "session::token", "session::ac", v3 ? "type::record" : "type::thing",
                "type::string", "type::int", "type::float", "type::bool", "type::datetime",
                v3 ? "type::is_none" : "type::is::none", v3 ? "type::is_null" : "type::is::null", "rand::uuid",
                "rand::ulid", v3 ? "record::id" : "meta::id", v3 ? "record::tb" : "meta::tb", "count",
                "array::len", "object::keys", "crypto::argon2::generate", "crypto::sha256", "sleep"));
    }
}

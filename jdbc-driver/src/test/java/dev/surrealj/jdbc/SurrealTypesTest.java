package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.Future;
import dev.surrealj.value.GeometryCollection;
import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryMultiPoint;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurrealTypesTest {

    @ParameterizedTest(name = "{0} -> {1} {2} nullable={3}")
    @CsvSource(delimiter = ';', value = {
        "int; int; BIGINT; false",
        "float; float; DOUBLE; false",
        "decimal; decimal; DECIMAL; false",
        "number; number; NUMERIC; false",
        "string; string; VARCHAR; false",
        "bool; bool; BOOLEAN; false",
        "datetime; datetime; TIMESTAMP_WITH_TIMEZONE; false",
        "duration; duration; OTHER; false",
        "uuid; uuid; OTHER; false",
        "bytes; bytes; VARBINARY; false",
        "record; record; OTHER; false",
        "record<person>; record<person>; OTHER; false",
        "record<person | user>; record<person | user>; OTHER; false",
        "array; array; ARRAY; false",
        "array<string>; array<string>; ARRAY; false",
        "array<int, 10>; array<int, 10>; ARRAY; false",
        "set<string>; set<string>; ARRAY; false",
        "object; object; OTHER; false",
        "geometry<point>; geometry<point>; OTHER; false",
        "geometry<point|polygon>; geometry<point|polygon>; OTHER; false",
        "any; any; OTHER; true",
        "null; null; NULL; true",
        "none; null; NULL; true",
        "option<int>; int; BIGINT; true",
        "option<record<person>>; record<person>; OTHER; true",
        "option<array<option<string>>>; array<option<string>>; ARRAY; true",
        "int | none; int; BIGINT; true",
        "null | string; string; VARCHAR; true",
        "int | string; int | string; OTHER; false",
        "int | float; int | float; OTHER; false",
        "'a' | 'b'; 'a' | 'b'; VARCHAR; false",
        "\"red\" | \"green\"; \"red\" | \"green\"; VARCHAR; false",
        "1 | 2 | 3; 1 | 2 | 3; BIGINT; false",
        "1.5; 1.5; DOUBLE; false",
        "true; true; BOOLEAN; false",
        "{ a: int, b: string }; { a: int, b: string }; OTHER; false",
        "[int, string]; [int, string]; ARRAY; false",
        "regex; regex; VARCHAR; false",
        "range; range; OTHER; false",
        "references<post>; references<post>; ARRAY; false",
        "INT; int; BIGINT; false",
        "Option<String>; string; VARCHAR; true",
        "  string  ; string; VARCHAR; false",
        "function; function; OTHER; false",
    })
    void parsesSchemaTypes(String text, String name, String jdbc, boolean nullable) {
        SurrealTypes.Type t = SurrealTypes.parse(text);
        assertEquals(name, t.name());
        assertEquals(jdbcCode(jdbc), t.sqlType(), () -> "sql type of " + text);
        assertEquals(nullable, t.nullable());
    }

    private static int jdbcCode(String name) {
        return java.sql.JDBCType.valueOf(name).getVendorTypeNumber();
    }

    @Test
    void blankOrNullSchemaTypeIsAny() {
        assertEquals(new SurrealTypes.Type("any", Types.OTHER, true), SurrealTypes.parse(null));
        assertEquals(new SurrealTypes.Type("any", Types.OTHER, true), SurrealTypes.parse(" "));
    }

    @Test
    void namesValues() {
        assertEquals("none", SurrealTypes.nameOf(None.NONE));
        assertEquals("null", SurrealTypes.nameOf(null));
        assertEquals("bool", SurrealTypes.nameOf(true));
        assertEquals("int", SurrealTypes.nameOf(1L));
        assertEquals("int", SurrealTypes.nameOf(1));
        assertEquals("int", SurrealTypes.nameOf((short) 1));
        assertEquals("int", SurrealTypes.nameOf(BigInteger.TEN));
        assertEquals("float", SurrealTypes.nameOf(1.5));
        assertEquals("float", SurrealTypes.nameOf(1.5f));
        assertEquals("decimal", SurrealTypes.nameOf(new BigDecimal("1.5")));
        assertEquals("string", SurrealTypes.nameOf("x"));
        assertEquals("string", SurrealTypes.nameOf('x'));
        assertEquals("datetime", SurrealTypes.nameOf(Instant.EPOCH));
        assertEquals("datetime", SurrealTypes.nameOf(OffsetDateTime.now()));
        assertEquals("datetime", SurrealTypes.nameOf(new java.util.Date()));
        assertEquals("duration", SurrealTypes.nameOf(Duration.ofSeconds(1)));
        assertEquals("uuid", SurrealTypes.nameOf(UUID.randomUUID()));
        assertEquals("bytes", SurrealTypes.nameOf(new byte[] {1}));
        assertEquals("object", SurrealTypes.nameOf(Map.of("a", 1L)));
        assertEquals("record<person>", SurrealTypes.nameOf(new RecordId("person", "tobie")));
        assertEquals("geometry<point>", SurrealTypes.nameOf(new GeometryPoint(1, 2)));
        assertEquals("geometry<line>", SurrealTypes.nameOf(
                new GeometryLine(List.of(new GeometryPoint(0, 0), new GeometryPoint(1, 1)))));
        assertEquals("geometry<multipoint>", SurrealTypes.nameOf(new GeometryMultiPoint(List.of(new GeometryPoint(0, 0)))));
        assertEquals("geometry<collection>", SurrealTypes.nameOf(new GeometryCollection(List.of(new GeometryPoint(0, 0)))));
        assertEquals("range", SurrealTypes.nameOf(Range.closed(1L, 2L)));
        assertEquals("table", SurrealTypes.nameOf(new Table("person")));
        assertEquals("file", SurrealTypes.nameOf(new SurrealFile("b", "/k")));
        assertEquals("future", SurrealTypes.nameOf(new Future("{ 1 }")));
        assertEquals("any", SurrealTypes.nameOf(new Object()));
    }

    @Test
    void namesCollectionsByTheirElements() {
        assertEquals("array<string>", SurrealTypes.nameOf(List.of("a", "b")));
        assertEquals("array<int>", SurrealTypes.nameOf(Arrays.asList(1L, null, None.NONE, 2L)));
        assertEquals("array<number>", SurrealTypes.nameOf(List.of(1L, 2.5)));
        assertEquals("array", SurrealTypes.nameOf(List.of(1L, "a")));
        assertEquals("array", SurrealTypes.nameOf(List.of()));
        assertEquals("array<array>", SurrealTypes.nameOf(List.of(List.of(1L), List.of("a"))));
        assertEquals("array<record>", SurrealTypes.nameOf(List.of(new RecordId("a", 1L), new RecordId("b", 1L))));
        assertEquals("array<record<a>>", SurrealTypes.nameOf(List.of(new RecordId("a", 1L), new RecordId("a", 2L))));
        assertEquals("set<string>", SurrealTypes.nameOf(SurrealSet.of("a", "b")));
    }

    @Test
    void mergesColumnTypes() {
        assertEquals("int", SurrealTypes.merge("int", "int"));
        assertEquals("int", SurrealTypes.merge(null, "int"));
        assertEquals("int", SurrealTypes.merge("null", "int"));
        assertEquals("int", SurrealTypes.merge("int", "none"));
        assertEquals("number", SurrealTypes.merge("int", "float"));
        assertEquals("number", SurrealTypes.merge("decimal", "float"));
        assertEquals("number", SurrealTypes.merge("number", "int"));
        assertEquals("record", SurrealTypes.merge("record<a>", "record<b>"));
        assertEquals("array", SurrealTypes.merge("array<int>", "array<string>"));
        assertEquals("array", SurrealTypes.merge("array<int>", "array"));
        assertEquals("any", SurrealTypes.merge("int", "string"));
        assertEquals("any", SurrealTypes.merge("any", "string"));
    }

    @Test
    void elementTypes() {
        assertEquals("string", SurrealTypes.elementTypeName("array<string>"));
        assertEquals("int", SurrealTypes.elementTypeName("array<int, 10>"));
        assertEquals("record<a>", SurrealTypes.elementTypeName("option<set<record<a>>>"));
        assertEquals("option<string>", SurrealTypes.elementTypeName("array<option<string>>"));
        assertEquals("record<post>", SurrealTypes.elementTypeName("references<post>"));
        assertEquals("string | int", SurrealTypes.elementTypeName("array<string | int>"));
        assertNull(SurrealTypes.elementTypeName("array"));
        assertNull(SurrealTypes.elementTypeName("string"));
        assertNull(SurrealTypes.elementTypeName(null));
    }

    @Test
    void javaClasses() {
        assertEquals("java.lang.Long", SurrealTypes.javaClassName("int", Types.BIGINT));
        assertEquals("java.lang.Double", SurrealTypes.javaClassName("float", Types.DOUBLE));
        assertEquals("java.math.BigDecimal", SurrealTypes.javaClassName("decimal", Types.DECIMAL));
        assertEquals("java.lang.Number", SurrealTypes.javaClassName("number", Types.NUMERIC));
        assertEquals("java.lang.String", SurrealTypes.javaClassName("string", Types.VARCHAR));
        assertEquals("java.lang.Boolean", SurrealTypes.javaClassName("bool", Types.BOOLEAN));
        assertEquals("java.time.Instant", SurrealTypes.javaClassName("datetime", Types.TIMESTAMP_WITH_TIMEZONE));
        assertEquals("java.time.Duration", SurrealTypes.javaClassName("duration", Types.OTHER));
        assertEquals("java.util.UUID", SurrealTypes.javaClassName("uuid", Types.OTHER));
        assertEquals("[B", SurrealTypes.javaClassName("bytes", Types.VARBINARY));
        assertEquals("java.util.Map", SurrealTypes.javaClassName("object", Types.OTHER));
        assertEquals("java.util.Map", SurrealTypes.javaClassName("{ a: int }", Types.OTHER));
        assertEquals("java.util.List", SurrealTypes.javaClassName("array<string>", Types.ARRAY));
        assertEquals(SurrealSet.class.getName(), SurrealTypes.javaClassName("set<int>", Types.ARRAY));
        assertEquals(RecordId.class.getName(), SurrealTypes.javaClassName("record<person>", Types.OTHER));
        assertEquals(GeometryPoint.class.getName(), SurrealTypes.javaClassName("geometry<point>", Types.OTHER));
        assertEquals("dev.surrealj.value.Geometry", SurrealTypes.javaClassName("geometry<point|line>", Types.OTHER));
        assertEquals("java.lang.Object", SurrealTypes.javaClassName("any", Types.OTHER));
        assertEquals("java.lang.Object", SurrealTypes.javaClassName("int | string", Types.OTHER));
        assertEquals("java.lang.String", SurrealTypes.javaClassName("'a' | 'b'", Types.VARCHAR));
        assertEquals("java.lang.Integer", SurrealTypes.javaClassName("INTEGER", Types.INTEGER));
    }

    @Test
    void sizesAndFlags() {
        assertEquals(19, SurrealTypes.precision("int", Types.BIGINT));
        assertEquals(20, SurrealTypes.displaySize("int", Types.BIGINT));
        assertEquals(30, SurrealTypes.displaySize("datetime", Types.TIMESTAMP_WITH_TIMEZONE));
        assertEquals(36, SurrealTypes.displaySize("uuid", Types.OTHER));
        assertEquals(SurrealTypes.UNBOUNDED, SurrealTypes.displaySize("string", Types.VARCHAR));
        assertEquals(SurrealTypes.UNBOUNDED, SurrealTypes.precision("object", Types.OTHER));
        assertEquals(5, SurrealTypes.displaySize("bool", Types.BOOLEAN));
        assertEquals(28, SurrealTypes.precision("decimal", Types.DECIMAL));
        assertTrue(SurrealTypes.isNumeric(Types.DOUBLE));
        assertFalse(SurrealTypes.isNumeric(Types.VARCHAR));
        assertTrue(SurrealTypes.isCaseSensitive(Types.VARCHAR));
        assertFalse(SurrealTypes.isCaseSensitive(Types.BIGINT));
        assertEquals("int", SurrealTypes.nameForSqlType(Types.INTEGER));
        assertEquals("string", SurrealTypes.nameForSqlType(Types.VARCHAR));
        assertEquals("any", SurrealTypes.nameForSqlType(Types.OTHER));
        assertEquals("STRUCT", SurrealTypes.nameForSqlType(Types.STRUCT));
        assertEquals("OTHER", SurrealTypes.jdbcName(12345));
    }
}

package dev.surrealj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void rendersScalarsInsideJson() {
        assertEquals("null", JsonText.render(null));
        assertEquals("null", JsonText.render(None.NONE));
        assertEquals("true", JsonText.render(true));
        assertEquals("42", JsonText.render(42L));
        assertEquals("-7", JsonText.render(-7));
        assertEquals("1.5", JsonText.render(1.5));
        assertEquals("1.0E20", JsonText.render(1e20));
        assertEquals("\"NaN\"", JsonText.render(Double.NaN));
        assertEquals("\"-Infinity\"", JsonText.render(Double.NEGATIVE_INFINITY));
        assertEquals("12.50", JsonText.render(new BigDecimal("12.50")));
        assertEquals("10000000000000000000000", JsonText.render(new BigDecimal("1E+22")));
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\"", JsonText.render("a\"b\\c\n\t\u0001"));
        assertEquals("\"é€😀\"", JsonText.render("é€😀"));
        assertEquals("\"person:tobie\"", JsonText.render(new RecordId("person", "tobie")));
        assertEquals("\"person:`7abc`\"", JsonText.render(new RecordId("person", "7abc")));
        assertEquals("\"person:42\"", JsonText.render(new RecordId("person", 42L)));
        assertEquals("\"2024-01-31T10:00:00Z\"", JsonText.render(Instant.parse("2024-01-31T10:00:00Z")));
        assertEquals("\"2024-01-31T10:00:00.123456789Z\"",
                JsonText.render(Instant.parse("2024-01-31T10:00:00.123456789Z")));
        assertEquals("\"1h30m\"", JsonText.render(Duration.ofMinutes(90)));
        UUID u = UUID.fromString("0190d3c4-8a2b-7c3d-9e4f-001122334455");
        assertEquals("\"0190d3c4-8a2b-7c3d-9e4f-001122334455\"", JsonText.render(u));
        assertEquals("\"AQID\"", JsonText.render(new byte[] {1, 2, 3}));
        assertEquals("\"person\"", JsonText.render(new Table("person")));
        assertEquals("\"1..=9\"", JsonText.render(Range.closed(1L, 9L)));
        assertEquals("\"f\\\"b:/k\\\"\"", JsonText.render(new SurrealFile("b", "/k")));
        assertEquals("\"2024-01-31\"", JsonText.render(LocalDate.of(2024, 1, 31)));
    }

    @Test
    void rendersGeometriesAsGeoJson() {
        assertEquals("{\"type\":\"Point\",\"coordinates\":[1.5,2.0]}", JsonText.render(new GeometryPoint(1.5, 2)));
        assertEquals("{\"type\":\"LineString\",\"coordinates\":[[0.0,0.0],[1.0,1.0]]}",
                JsonText.render(new GeometryLine(List.of(new GeometryPoint(0, 0), new GeometryPoint(1, 1)))));
    }

    @Test
    void rendersStructuresInOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", new RecordId("person", "tobie"));
        m.put("tags", List.of("a", "b"));
        m.put("nested", Map.of("x", Arrays.asList(1L, null, None.NONE)));
        m.put("set", SurrealSet.of(1L, 2L));
        m.put("arr", new Object[] {"q", 2L});
        m.put("empty", Map.of());
        m.put("quote\"key", List.of());
        assertEquals("{\"id\":\"person:tobie\",\"tags\":[\"a\",\"b\"],\"nested\":{\"x\":[1,null,null]},"
                + "\"set\":[1,2],\"arr\":[\"q\",2],\"empty\":{},\"quote\\\"key\":[]}", JsonText.render(m));
    }

    @Test
    void scalarTextIsWhatGetStringReturns() {
        assertNull(JsonText.scalarText(null));
        assertNull(JsonText.scalarText(None.NONE));
        assertEquals("plain", JsonText.scalarText("plain"));
        assertEquals("person:tobie", JsonText.scalarText(new RecordId("person", "tobie")));
        assertEquals("2024-01-31T10:00:00.500Z", JsonText.scalarText(Instant.parse("2024-01-31T10:00:00.500Z")));
        assertEquals("0.000001", JsonText.scalarText(new BigDecimal("0.000001")));
        assertEquals("1d", JsonText.scalarText(Duration.ofDays(1)));
        assertEquals("AQID", JsonText.scalarText(new byte[] {1, 2, 3}));
        assertEquals("person", JsonText.scalarText(new Table("person")));
        assertEquals("[1,\"a\"]", JsonText.scalarText(List.of(1L, "a")));
        assertEquals("{\"a\":1}", JsonText.scalarText(Map.of("a", 1L)));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[1.0,2.0]}", JsonText.scalarText(new GeometryPoint(1, 2)));
        assertEquals("2024-01-31", JsonText.scalarText(java.sql.Date.valueOf("2024-01-31")));
        assertEquals("true", JsonText.scalarText(true));
        assertEquals("1.5", JsonText.scalarText(1.5));
    }

    @Test
    void deepNestingRendersAndCyclesFail() {
        Object deep = "leaf";
        for (int i = 0; i < 500; i++) {
            deep = List.of(deep);
        }
        String json = JsonText.render(deep);
        assertEquals(500 * 2 + 6, json.length());
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(IllegalArgumentException.class, () -> JsonText.render(cycle));
    }
}

package dev.surrealj.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void identifiers() {
    assertEquals("person", SurrealQL.ident("person"));
    assertEquals("_a1", SurrealQL.ident("_a1"));
    assertEquals("`1a`", SurrealQL.ident("1a"));
    assertEquals("`my table`", SurrealQL.ident("my table"));
    assertEquals("`a\\`b\\\\c`", SurrealQL.ident("a`b\\c"));
    assertEquals("`SELECT`", SurrealQL.ident("SELECT"));
    assertEquals("`from`", SurrealQL.ident("from"));
    assertEquals("``", SurrealQL.ident(""));
    assertEquals("person", new Table("person").toString());
    assertEquals("`my table`", new Table("my table").toString());
  }

  @Test
  void literals() {
    assertEquals("NULL", SurrealQL.literal(null));
    assertEquals("NONE", SurrealQL.literal(None.NONE));
    assertEquals("true", SurrealQL.literal(true));
    assertEquals("-12", SurrealQL.literal(-12));
    assertEquals("1.5", SurrealQL.literal(1.5));
    assertEquals("1.0e20", SurrealQL.literal(1e20));
    assertEquals("NaN", SurrealQL.literal(Double.NaN));
    assertEquals("-Infinity", SurrealQL.literal(Double.NEGATIVE_INFINITY));
    assertEquals("1000dec", SurrealQL.literal(new BigDecimal("1E+3")));
    assertEquals("'it\\'s a \\\\ test'", SurrealQL.literal("it's a \\ test"));
    assertEquals("'SECONDS'", SurrealQL.literal(java.util.concurrent.TimeUnit.SECONDS));
    assertEquals("u'0189b1d9-c4e2-712a-9b1c-2d3e4f506172'",
        SurrealQL.literal(UUID.fromString("0189b1d9-c4e2-712a-9b1c-2d3e4f506172")));
    assertEquals("d'2024-01-02T03:04:05.123456789Z'", SurrealQL.literal(Instant.parse("2024-01-02T03:04:05.123456789Z")));
    assertEquals("1h30m", SurrealQL.literal(Duration.ofMinutes(90)));
    assertEquals("encoding::base64::decode('AQI=')", SurrealQL.literal(new byte[] {1, 2}));
    assertEquals("[1, 'a', [NULL]]", SurrealQL.literal(Arrays.asList(1L, "a", Arrays.asList((Object) null))));
    assertEquals("[1, 2]", SurrealQL.literal(new int[] {1, 2}));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1L);
    m.put("b-c", Map.of());
    m.put("select", "x");
    m.put("null", 2L);
    assertEquals("{a: 1, 'b-c': {}, select: 'x', 'null': 2}", SurrealQL.literal(m));
    assertEquals("<set>[1, 2]", SurrealQL.literal(SurrealSet.of(1L, 2L)));
    assertEquals("person:tobie", SurrealQL.literal(new RecordId("person", "tobie")));
    assertEquals("1..=9", SurrealQL.literal(Range.closed(1L, 9L)));
    assertEquals("'a'>..'z'", new Range(Bound.excluded("a"), Bound.excluded("z")).toString());
    assertEquals("(1.0, 2.0)", SurrealQL.literal(new GeometryPoint(1, 2)));
    assertThrows(IllegalArgumentException.class, () -> SurrealQL.literal(new Object()));
  }

  @Test
  void otherValueClasses() {
    assertEquals("NONE", None.NONE.toString());
    assertEquals("<future> { time::now() }", new Future("{ time::now() }").toString());
    assertEquals("f\"avatars:/tobie.png\"", new SurrealFile("avatars", "/tobie.png").toString());
    assertEquals("f\"a:/x\\\"y\"", new SurrealFile("a", "/x\"y").toString());
    assertEquals(new SurrealFile("a", "/k"), new SurrealFile("a", "/k"));
    assertThrows(IllegalArgumentException.class, () -> new Bound(Bound.Kind.INCLUDED, null));
    assertThrows(IllegalArgumentException.class, () -> new Bound(Bound.Kind.UNBOUNDED, 1L));
    assertEquals(Bound.UNBOUNDED, new Bound(Bound.Kind.UNBOUNDED, null));
    assertTrue(Bound.included(1L).isIncluded());
  }

  @Test
  void surrealSet() {
    List<Object> source = new ArrayList<>(List.of("b", "a", "b"));
    SurrealSet s = SurrealSet.copyOf(source);
    source.add("c");
    assertEquals(List.of("b", "a"), new ArrayList<>(s));
    assertEquals(SurrealSet.of("a", "b"), s);
    assertEquals(java.util.Set.of("a", "b"), s);
    assertEquals(java.util.Set.of("a", "b").hashCode(), s.hashCode());
    assertNotEquals(SurrealSet.of("a"), s);
    assertThrows(UnsupportedOperationException.class, () -> s.add("x"));
    assertThrows(UnsupportedOperationException.class, () -> s.iterator().remove());
    assertEquals(0, SurrealSet.of().size());
  }
}

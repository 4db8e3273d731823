package dev.surrealj.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.surrealj.cbor.RandomValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdTest {
  private static final UUID U = UUID.fromString("0189b1d9-c4e2-712a-9b1c-2d3e4f506172");

  private static void renders(String expected, String table, Object key) {
    assertEquals(expected, new RecordId(table, key).toString());
  }

  @Test
  void stringKeys() {
    renders("person:tobie", "person", "tobie");
    renders("person:_x9", "person", "_x9");
    renders("person:`7abc`", "person", "7abc");
    renders("person:`123`", "person", "123");
    renders("person:`tobie jaffey`", "person", "tobie jaffey");
    renders("person:`a-b`", "person", "a-b");
    renders("person:`a\\`b\\\\c`", "person", "a`b\\c");
    renders("person:``", "person", "");
    renders("person:`é`", "person", "é");
    renders("person:`⟩`", "person", "⟩");
    renders("person:`NONE`", "person", "NONE");
    renders("person:`true`", "person", "true");
  }

  @Test
  void otherKeys() {
    renders("person:123", "person", 123L);
    renders("person:-5", "person", -5);
    renders("t:u'0189b1d9-c4e2-712a-9b1c-2d3e4f506172'", "t", U);
    renders("t:['a', 1]", "t", List.of("a", 1L));
    renders("t:[person:tobie, NONE, NULL]", "t", java.util.Arrays.asList(new RecordId("person", "tobie"), None.NONE, null));
    renders("t:{a: 1, 'b c': 'it\\'s'}", "t", map("a", 1L, "b c", "it's"));
    renders("t:{}", "t", Map.of());
    renders("`my table`:1", "my table", 1L);
    renders("`select`:1", "select", 1L);
  }

  @Test
  void rangeKeys() {
    renders("t:1..=9", "t", Range.closed(1L, 9L));
    renders("t:1..9", "t", Range.halfOpen(1L, 9L));
    renders("t:1>..5", "t", new Range(Bound.excluded(1L), Bound.excluded(5L)));
    renders("t:1>..=5", "t", new Range(Bound.excluded(1L), Bound.included(5L)));
    renders("t:..", "t", new Range(Bound.UNBOUNDED, Bound.UNBOUNDED));
    renders("t:..=5", "t", new Range(Bound.UNBOUNDED, Bound.included(5L)));
    renders("t:a..", "t", new Range(Bound.included("a"), Bound.UNBOUNDED));
    renders("t:`1a`..`9 z`", "t", Range.halfOpen("1a", "9 z"));
    renders("t:['a', 1]..=['a', 9]", "t", Range.closed(List.of("a", 1L), List.of("a", 9L)));
  }

  @Test
  void keysAreNormalizedAndImmutable() {
    assertEquals(new RecordId("t", 1L), new RecordId("t", 1));
    assertEquals(new RecordId("t", 1L).hashCode(), new RecordId("t", (short) 1).hashCode());
    assertNotEquals(new RecordId("t", 1L), new RecordId("t", "1"));
    List<Object> key = new ArrayList<>(List.of(1L));
    RecordId id = new RecordId("t", key);
    key.add(2L);
    assertEquals(List.of(1L), id.key());
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) id.key()).clear());
    assertThrows(IllegalArgumentException.class, () -> new RecordId("t", 1.5));
    assertThrows(IllegalArgumentException.class, () -> new RecordId("t", Map.of(1, 2)));
    assertThrows(NullPointerException.class, () -> new RecordId("t", null));
  }

  @Test
  void parse() {
    assertEquals(new RecordId("person", "tobie"), RecordId.parse("person:tobie"));
    assertEquals(new RecordId("person", "7abc"), RecordId.parse("person:`7abc`"));
    assertEquals(new RecordId("person", "tobie jaffey"), RecordId.parse("person:⟨tobie jaffey⟩"));
    assertEquals(new RecordId("person", "a⟩b"), RecordId.parse("person:⟨a\\⟩b⟩"));
    assertEquals(new RecordId("person", "a`b\\c"), RecordId.parse("person:`a\\`b\\\\c`"));
    assertEquals(new RecordId("person", 42L), RecordId.parse("person:42"));
    assertEquals(new RecordId("person", -42L), RecordId.parse("person:-42"));
    assertEquals(new RecordId("person", "42"), RecordId.parse("person:`42`"));
    assertEquals(new RecordId("person", "99999999999999999999"), RecordId.parse("person:99999999999999999999"));
    assertEquals(new RecordId("my table", "x"), RecordId.parse("`my table`:x"));
    assertEquals(new RecordId("my table", "x"), RecordId.parse("⟨my table⟩:x"));
    assertEquals(new RecordId("t", U), RecordId.parse("t:u'" + U + "'"));
    assertEquals(new RecordId("t", U), RecordId.parse("t:u\"" + U + "\""));
    for (String bad : List.of("", "person", "person:", ":x", "person:a b", "person:`abc", "t:[1]", "t:{a:1}",
        "t:u'nope'", "t:-", "a b:c", "t:x:y")) {
      assertThrows(IllegalArgumentException.class, () -> RecordId.parse(bad), bad);
    }
  }

  @Test
  void parseInvertsToString() {
    RandomValues rv = new RandomValues(11);
    for (int i = 0; i < 20_000; i++) {
      String table = rv.string();
      Object key = switch (i % 3) {
        case 0 -> rv.string();
        case 1 -> rv.longValue();
        default -> new UUID(rv.random().nextLong(), rv.random().nextLong());
      };
      RecordId id = new RecordId(table, key);
      assertEquals(id, RecordId.parse(id.toString()), id::toString);
    }
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}

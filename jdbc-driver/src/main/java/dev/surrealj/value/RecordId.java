package dev.surrealj.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A record id {@code table:key} (CBOR tag 8). The key is a {@link Long}, {@link String},
 * {@link UUID}, {@code List} (array key), {@code Map<String, ?>} (object key), or a {@link Range}
 * (a range of ids, for selecting). {@link #toString()} renders SurrealQL.
 *
 * <pre>{@code
 * new RecordId("person", "tobie");          // person:tobie
 * new RecordId("person", "7abc");           // person:`7abc`
 * new RecordId("person", 42L);              // person:42
 * new RecordId("t", List.of("a", 1L));      // t:['a', 1]
 * new RecordId("t", Range.closed(1L, 9L));  // t:1..=9
 * RecordId.parse("person:⟨tobie jaffey⟩");  // person:`tobie jaffey`
 * }</pre>
 *
 * @param table the table name, not escaped
 * @param key the key; {@code Integer}, {@code Short} and {@code Byte} are widened to {@code Long},
 *     lists and maps are copied into unmodifiable ones
 */
public record RecordId(String table, Object key) {
  public RecordId {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(key, "key");
    if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
      key = ((Number) key).longValue();
    } else if (key instanceof List<?> l) {
      key = Collections.unmodifiableList(new ArrayList<>(l));
    } else if (key instanceof Map<?, ?> m) {
      for (Object k : m.keySet()) {
        if (!(k instanceof String)) throw new IllegalArgumentException("object key with a non-string field: " + k);
      }
      key = Collections.unmodifiableMap(new LinkedHashMap<>(m));
    } else if (!(key instanceof Long || key instanceof String || key instanceof UUID || key instanceof Range)) {
      throw new IllegalArgumentException("invalid record id key type " + key.getClass().getName());
    }
  }

  /**
   * Parses {@code table:key} with a simple key: an integer, a bare identifier, a backticked or
   * {@code ⟨…⟩}-quoted string, or {@code u'…'} / {@code u"…"} UUID. The table may be quoted too.
   *
   * @throws IllegalArgumentException for anything else (build array, object and range ids with
   *     the constructor)
   */
  public static RecordId parse(String text) {
    int[] pos = {0};
    String table = part(text, pos, true);
    if (pos[0] >= text.length() || text.charAt(pos[0]) != ':') throw invalid(text, "expected ':'");
    pos[0]++;
    int start = pos[0];
    if (text.startsWith("u'", start) || text.startsWith("u\"", start)) {
      char q = text.charAt(start + 1);
      if (text.length() < start + 3 || text.charAt(text.length() - 1) != q) throw invalid(text, "unterminated uuid");
      try {
        return new RecordId(table, UUID.fromString(text.substring(start + 2, text.length() - 1)));
      } catch (IllegalArgumentException e) {
        throw invalid(text, "bad uuid");
      }
    }
    boolean quoted = start < text.length() && (text.charAt(start) == '`' || text.charAt(start) == '⟨');
    String key = part(text, pos, false);
    if (pos[0] != text.length()) throw invalid(text, "unexpected character at index " + pos[0]);
    if (!quoted && key.matches("[+-]?\\d{1,19}")) {
      try {
        return new RecordId(table, Long.parseLong(key));
      } catch (NumberFormatException e) {
        // beyond i64: SurrealDB keeps it as text too
      }
    }
    return new RecordId(table, key);
  }

  private static String part(String text, int[] pos, boolean table) {
    int i = pos[0];
    if (i >= text.length()) throw invalid(text, "missing " + (table ? "table" : "key"));
    char open = text.charAt(i);
    if (open == '`' || open == '⟨') {
      char close = open == '`' ? '`' : '⟩';
      StringBuilder sb = new StringBuilder();
      for (i++; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == close) {
          pos[0] = i + 1;
          return sb.toString();
        }
        if (c == '\\' && i + 1 < text.length()) c = text.charAt(++i);
        sb.append(c);
      }
      throw invalid(text, "unterminated " + open);
    }
    int start = i;
    if (!table && i + 1 < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')
        && Character.isDigit(text.charAt(i + 1))) {
      i++;
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) break;
      i++;
    }
    if (i == start) throw invalid(text, "expected " + (table ? "a table" : "a key") + " at index " + start);
    pos[0] = i;
    return text.substring(start, i);
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("not a record id '" + text + "': " + why);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(SurrealQL.ident(table)).append(':');
    SurrealQL.appendKey(sb, key);
    return sb.toString();
  }
}

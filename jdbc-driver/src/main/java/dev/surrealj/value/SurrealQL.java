package dev.surrealj.value;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders Java values as SurrealQL source text.
 *
 * <pre>{@code
 * SurrealQL.ident("person");               // person
 * SurrealQL.ident("7 dwarfs");             // `7 dwarfs`
 * SurrealQL.literal(List.of(1L, "it's"));  // [1, 'it\'s']
 * SurrealQL.literal(Map.of("a", 1L));      // {a: 1}
 * }</pre>
 *
 * <p>Mapping: {@code null} NULL, {@link None} NONE, numbers as written ({@link BigDecimal} with the
 * {@code dec} suffix, non-finite floats {@code NaN}/{@code Infinity}), strings, characters and enum
 * names single-quoted, {@link UUID} {@code u'…'}, datetimes {@code d'…'}, {@link Duration} as
 * {@code 1h30m}, bytes {@code encoding::base64::decode('…')}, collections and arrays {@code […]},
 * maps {@code {k: v}}, {@link SurrealSet} {@code <set>[…]}, {@link Table} as an identifier, and the
 * other value classes through their {@code toString()}.
 */
public final class SurrealQL {
  private static final Set<String> VALUE_WORDS = Set.of("NONE", "NULL", "TRUE", "FALSE");
  /** Words quoted as identifiers (quoting is always valid, so the list errs on the safe side). */
  private static final Set<String> KEYWORDS = Set.of(
      "NONE", "NULL", "TRUE", "FALSE", "AND", "OR", "NOT", "IS", "IN", "AS", "BY", "ON", "TO",
      "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "LIMIT", "START", "FETCH", "SPLIT", "OMIT",
      "VALUE", "ONLY", "WITH", "CREATE", "UPDATE", "UPSERT", "DELETE", "INSERT", "RELATE", "INTO",
      "SET", "UNSET", "CONTENT", "MERGE", "PATCH", "RETURN", "LET", "IF", "ELSE", "THEN", "END",
      "FOR", "BEGIN", "COMMIT", "CANCEL", "DEFINE", "REMOVE", "ALTER", "INFO", "USE", "LIVE",
      "KILL", "SHOW", "SLEEP", "THROW", "BREAK", "CONTINUE", "TIMEOUT", "PARALLEL", "EXPLAIN",
      "TABLE", "FIELD", "INDEX", "EVENT", "FUNCTION", "PARAM", "ANALYZER", "ACCESS", "USER",
      "NAMESPACE", "DATABASE", "NS", "DB", "ROOT", "TYPE", "DIFF", "BEFORE", "AFTER", "ALL",
      "ASC", "DESC", "COLLATE", "NUMERIC", "CONTAINS", "INSIDE", "OUTSIDE", "INTERSECTS");

  private SurrealQL() {}

  /**
   * {@code name} as an identifier: bare if it matches {@code [A-Za-z_][A-Za-z0-9_]*} and is not
   * a keyword, else in backticks with {@code `} and {@code \} escaped.
   */
  public static String ident(String name) {
    return isBareIdent(name) ? name : quote(name, '`');
  }

  /** {@code s} as a single-quoted string literal, {@code '} and {@code \} escaped. */
  public static String string(String s) {
    return quote(s, '\'');
  }

  /**
   * {@code value} as a SurrealQL literal (see the class documentation for the mapping).
   *
   * @throws IllegalArgumentException if the type has no SurrealQL form
   */
  public static String literal(Object value) {
    StringBuilder sb = new StringBuilder();
    appendLiteral(sb, value);
    return sb.toString();
  }

  static boolean isBareIdent(String s) {
    return isIdentText(s) && !KEYWORDS.contains(s.toUpperCase(Locale.ROOT));
  }

  /** Object keys may be keywords, but NONE, NULL, true and false stay quoted. */
  private static boolean isBareKey(String s) {
    return isIdentText(s) && !VALUE_WORDS.contains(s.toUpperCase(Locale.ROOT));
  }

  private static boolean isIdentText(String s) {
    int n = s.length();
    if (n == 0 || !(isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (!(isLetter(c) || c == '_' || (c >= '0' && c <= '9'))) return false;
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static String quote(String s, char q) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == q || c == '\\') sb.append('\\');
      sb.append(c);
    }
    return sb.append(q).toString();
  }

  static void appendLiteral(StringBuilder sb, Object v) {
    if (v == null) sb.append("NULL");
    else if (v instanceof String || v instanceof Character || v instanceof CharSequence) {
      sb.append(string(v.toString()));
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger || v instanceof Boolean || v instanceof None) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) appendFloat(sb, ((Number) v).doubleValue());
    else if (v instanceof BigDecimal d) sb.append(d.toPlainString()).append("dec");
    else if (v instanceof UUID) sb.append("u'").append(v).append('\'');
    else if (v instanceof Duration d) sb.append(Durations.format(d));
    else if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime
        || v instanceof Date) {
      sb.append("d'").append(toInstant(v)).append('\'');
    } else if (v instanceof byte[] b) appendBytes(sb, b);
    else if (v instanceof ByteBuffer b) {
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      appendBytes(sb, bytes);
    } else if (v instanceof Table t) sb.append(t);
    else if (v instanceof SurrealSet s) appendList(sb.append("<set>"), s.iterator());
    else if (v instanceof Collection<?> c) appendList(sb, c.iterator());
    else if (v instanceof Map<?, ?> m) appendMap(sb, m);
    else if (v instanceof Enum<?> e) sb.append(string(e.name()));
    else if (v.getClass().isArray()) {
      sb.append('[');
      for (int i = 0, n = Array.getLength(v); i < n; i++) {
        if (i > 0) sb.append(", ");
        appendLiteral(sb, Array.get(v, i));
      }
      sb.append(']');
    } else if (v instanceof RecordId || v instanceof Range || v instanceof Geometry
        || v instanceof SurrealFile || v instanceof Future) {
      sb.append(v);
    } else {
      throw new IllegalArgumentException("no SurrealQL literal for " + v.getClass().getName());
    }
  }

  /** The instant of a datetime-like value: Instant, OffsetDateTime, ZonedDateTime or Date. */
  static Instant toInstant(Object v) {
    if (v instanceof Instant i) return i;
    if (v instanceof OffsetDateTime o) return o.toInstant();
    if (v instanceof ZonedDateTime z) return z.toInstant();
    if (v instanceof java.sql.Timestamp t) return t.toInstant();
    return Instant.ofEpochMilli(((Date) v).getTime());
  }

  private static void appendFloat(StringBuilder sb, double d) {
    if (Double.isNaN(d)) sb.append("NaN");
    else if (Double.isInfinite(d)) sb.append(d > 0 ? "Infinity" : "-Infinity");
    else sb.append(Double.toString(d).replace('E', 'e'));
  }

  private static void appendBytes(StringBuilder sb, byte[] b) {
    sb.append("encoding::base64::decode('").append(Base64.getEncoder().encodeToString(b)).append("')");
  }

  private static void appendList(StringBuilder sb, Iterator<?> it) {
    sb.append('[');
    while (it.hasNext()) {
      appendLiteral(sb, it.next());
      if (it.hasNext()) sb.append(", ");
    }
    sb.append(']');
  }

  private static void appendMap(StringBuilder sb, Map<?, ?> m) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) sb.append(", ");
      first = false;
      String k = String.valueOf(e.getKey());
      sb.append(isBareKey(k) ? k : string(k)).append(": ");
      appendLiteral(sb, e.getValue());
    }
    sb.append('}');
  }

  /** A record id key: int bare, string as identifier, uuid {@code u'…'}, range with key bounds. */
  static void appendKey(StringBuilder sb, Object key) {
    if (key instanceof String s) sb.append(ident(s));
    else if (key instanceof Range r) appendRange(sb, r, true);
    else appendLiteral(sb, key);
  }

  static void appendRange(StringBuilder sb, Range r, boolean keys) {
    if (!r.begin().isUnbounded()) {
      appendBound(sb, r.begin().value(), keys);
      if (r.begin().isExcluded()) sb.append('>');
    }
    sb.append("..");
    if (!r.end().isUnbounded()) {
      if (r.end().isIncluded()) sb.append('=');
      appendBound(sb, r.end().value(), keys);
    }
  }

  private static void appendBound(StringBuilder sb, Object v, boolean key) {
    if (key) appendKey(sb, v);
    else appendLiteral(sb, v);
  }
}

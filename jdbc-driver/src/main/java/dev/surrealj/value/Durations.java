package dev.surrealj.value;

import java.time.Duration;

/**
 * SurrealDB duration text: {@code 1y2w3d4h5m6s7ms8us9ns}. A year is 365 days, a week 7 days;
 * {@code µs} is accepted for {@code us}. Durations are never negative.
 *
 * <pre>{@code
 * Duration d = Durations.parse("1h30m");   // PT1H30M
 * Durations.format(Duration.ofDays(9));    // "1w2d"
 * Durations.format(Duration.ZERO);         // "0ns"
 * }</pre>
 */
public final class Durations {
  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s"};
  private static final long[] UNIT_SECONDS = {365 * 86_400L, 7 * 86_400L, 86_400L, 3_600L, 60L, 1L};

  private Durations() {}

  /**
   * Formats {@code d} the way SurrealDB does: largest unit first, zero units left out.
   *
   * @throws IllegalArgumentException if {@code d} is negative
   */
  public static String format(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("SurrealDB durations cannot be negative: " + d);
    if (d.isZero()) return "0ns";
    StringBuilder sb = new StringBuilder(16);
    long secs = d.getSeconds();
    for (int i = 0; i < UNITS.length; i++) {
      long n = secs / UNIT_SECONDS[i];
      if (n > 0) sb.append(n).append(UNITS[i]);
      secs %= UNIT_SECONDS[i];
    }
    int nanos = d.getNano();
    if (nanos >= 1_000_000) sb.append(nanos / 1_000_000).append("ms");
    if (nanos / 1_000 % 1_000 > 0) sb.append(nanos / 1_000 % 1_000).append("us");
    if (nanos % 1_000 > 0) sb.append(nanos % 1_000).append("ns");
    return sb.toString();
  }

  /**
   * Parses SurrealDB duration text: one or more {@code <digits><unit>} parts, units {@code y w d h
   * m s ms us µs ns}, in any order.
   *
   * @throws IllegalArgumentException if {@code text} is not a duration or does not fit a {@link Duration}
   */
  public static Duration parse(CharSequence text) {
    int len = text.length();
    if (len == 0) throw invalid(text, "empty");
    long seconds = 0;
    long nanos = 0;
    int i = 0;
    try {
      while (i < len) {
        int start = i;
        long n = 0;
        while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          n = Math.addExact(Math.multiplyExact(n, 10), text.charAt(i++) - '0');
        }
        if (i == start) throw invalid(text, "expected a number at index " + start);
        char u = i < len ? text.charAt(i++) : ' ';
        char next = i < len ? text.charAt(i) : ' ';
        switch (u) {
          case 'y', 'w', 'd', 'h', 's' -> seconds = Math.addExact(seconds, Math.multiplyExact(n, unit(u)));
          case 'm' -> {
            if (next == 's') { i++; nanos = Math.addExact(nanos, Math.multiplyExact(n, 1_000_000)); }
            else seconds = Math.addExact(seconds, Math.multiplyExact(n, 60));
          }
          case 'u', 'µ', 'n' -> {
            if (next != 's') throw invalid(text, "unknown unit at index " + (i - 1));
            i++;
            nanos = Math.addExact(nanos, Math.multiplyExact(n, u == 'n' ? 1 : 1_000));
          }
          default -> throw invalid(text, "unknown unit at index " + (i - 1));
        }
      }
      return Duration.ofSeconds(seconds).plusNanos(nanos);
    } catch (ArithmeticException e) {
      throw invalid(text, "too large");
    }
  }

  private static long unit(char u) {
    return switch (u) {
      case 'y' -> UNIT_SECONDS[0];
      case 'w' -> UNIT_SECONDS[1];
      case 'd' -> UNIT_SECONDS[2];
      case 'h' -> UNIT_SECONDS[3];
      default -> 1L;
    };
  }

  private static IllegalArgumentException invalid(CharSequence text, String why) {
    return new IllegalArgumentException("invalid SurrealDB duration '" + text + "': " + why);
  }
}

package dev.surrealj.value;

import java.util.Objects;

/**
 * A SurrealDB range (CBOR tag 49), as a value or as the key of a {@link RecordId}.
 * {@link #toString()} renders SurrealQL: {@code 1..=9}, {@code 1>..5}, {@code ..5}, {@code 1..}.
 *
 * <pre>{@code
 * Range r = Range.closed(1L, 9L);                          // 1..=9
 * Range h = new Range(Bound.excluded(1L), Bound.UNBOUNDED); // 1>..
 * }</pre>
 *
 * @param begin the lower bound
 * @param end the upper bound
 */
public record Range(Bound begin, Bound end) {
  public Range {
    Objects.requireNonNull(begin, "begin");
    Objects.requireNonNull(end, "end");
  }

  /** {@code begin..=end}. */
  public static Range closed(Object begin, Object end) {
    return new Range(Bound.included(begin), Bound.included(end));
  }

  /** {@code begin..end}, SurrealQL's default: begin included, end excluded. */
  public static Range halfOpen(Object begin, Object end) {
    return new Range(Bound.included(begin), Bound.excluded(end));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    SurrealQL.appendRange(sb, this, false);
    return sb.toString();
  }
}

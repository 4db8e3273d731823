package dev.surrealj.value;

/**
 * One end of a {@link Range}: included, excluded, or unbounded.
 *
 * <pre>{@code
 * Range r = new Range(Bound.included(1L), Bound.excluded(10L)); // 1..10
 * Bound.UNBOUNDED.isUnbounded(); // true
 * }</pre>
 *
 * @param kind whether {@code value} belongs to the range, or there is no bound
 * @param value the bound value; {@code null} if and only if {@code kind} is {@link Kind#UNBOUNDED}
 *     (a NULL bound is not representable on the wire)
 */
public record Bound(Kind kind, Object value) {
  /** How a bound limits its range. */
  public enum Kind { INCLUDED, EXCLUDED, UNBOUNDED }

  /** The open end of a range. */
  public static final Bound UNBOUNDED = new Bound(Kind.UNBOUNDED, null);

  public Bound {
    if (kind == null) throw new NullPointerException("kind");
    if ((kind == Kind.UNBOUNDED) != (value == null)) {
      throw new IllegalArgumentException(kind == Kind.UNBOUNDED
          ? "an unbounded bound has no value" : "an " + kind + " bound needs a non-null value");
    }
  }

  public static Bound included(Object value) {
    return new Bound(Kind.INCLUDED, value);
  }

  public static Bound excluded(Object value) {
    return new Bound(Kind.EXCLUDED, value);
  }

  public boolean isIncluded() { return kind == Kind.INCLUDED; }

  public boolean isExcluded() { return kind == Kind.EXCLUDED; }

  public boolean isUnbounded() { return kind == Kind.UNBOUNDED; }

  @Override
  public String toString() {
    return kind == Kind.UNBOUNDED ? "unbounded" : kind.name().toLowerCase() + " " + SurrealQL.literal(value);
  }
}

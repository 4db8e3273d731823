package dev.surrealj.value;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A SurrealDB 3.x set (CBOR tag 56): an immutable set of values that keeps the order it was built
 * in (the server sends sets sorted). Equality follows {@link java.util.Set}: order does not count.
 *
 * <pre>{@code
 * SurrealSet s = SurrealSet.of("a", "b", "a"); // [a, b]
 * s.contains("b");                             // true
 * }</pre>
 */
public final class SurrealSet extends AbstractSet<Object> {
  private static final SurrealSet EMPTY = new SurrealSet(Collections.emptySet());
  private final Set<Object> items;

  private SurrealSet(Set<Object> items) {
    this.items = items;
  }

  public static SurrealSet of(Object... values) {
    return copyOf(Arrays.asList(values));
  }

  /** A set of {@code values} in iteration order, later duplicates dropped. */
  public static SurrealSet copyOf(Collection<?> values) {
    if (values instanceof SurrealSet s) return s;
    if (values.isEmpty()) return EMPTY;
    return new SurrealSet(Collections.unmodifiableSet(new LinkedHashSet<>(values)));
  }

  @Override
  public boolean contains(Object o) {
    return items.contains(o);
  }

  @Override
  public Iterator<Object> iterator() {
    return items.iterator();
  }

  @Override
  public int size() {
    return items.size();
  }
}

package dev.surrealj.value;

import java.util.Objects;

/**
 * A SurrealDB 2.x {@code <future>} value (CBOR tag 15): a block evaluated each time it is read.
 * Only the SurrealQL text of the block is kept.
 *
 * <pre>{@code
 * Future f = new Future("{ time::now() }"); // f.toString() -> <future> { time::now() }
 * }</pre>
 *
 * @param body the SurrealQL text of the block, braces included
 */
public record Future(String body) {
  public Future {
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return "<future> " + body;
  }
}

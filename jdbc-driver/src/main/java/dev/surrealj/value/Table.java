package dev.surrealj.value;

import java.util.Objects;

/**
 * A table name as a value (CBOR tag 7). {@link #toString()} renders it as a SurrealQL identifier.
 *
 * <pre>{@code
 * Table t = new Table("person");   // t.toString() -> person
 * new Table("my table").toString(); // -> `my table`
 * }</pre>
 *
 * @param name the table name, not escaped
 */
public record Table(String name) {
  public Table {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return SurrealQL.ident(name);
  }
}

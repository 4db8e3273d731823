package dev.surrealj.value;

/**
 * SurrealDB's {@code NONE}: the absence of a value (a missing field), distinct from {@code NULL},
 * which maps to Java {@code null}.
 *
 * <pre>{@code
 * if (row.get("email") == None.NONE) { ... } // field not set at all
 * }</pre>
 */
public enum None {
  NONE;

  @Override
  public String toString() {
    return "NONE";
  }
}

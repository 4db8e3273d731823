package dev.surrealj.value;

import java.util.Objects;

/**
 * A SurrealDB 3.x file pointer (CBOR tag 55): a key inside a bucket.
 *
 * <pre>{@code
 * SurrealFile f = new SurrealFile("avatars", "/tobie.png"); // f.toString() -> f"avatars:/tobie.png"
 * }</pre>
 *
 * @param bucket the bucket name
 * @param key the key within the bucket, usually starting with {@code /}
 */
public record SurrealFile(String bucket, String key) {
  public SurrealFile {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "f" + SurrealQL.quote(bucket + ":" + key, '"');
  }
}

package dev.surrealj.cbor;

import java.io.IOException;

/**
 * Thrown when CBOR input is malformed, truncated, exceeds {@link CborLimits}, or holds a value
 * SurrealDB's protocol does not define (unknown tag, integer outside i64, ...).
 *
 * <pre>{@code
 * try { Object v = codec.decode(frame); }
 * catch (CborException e) { channel.close(); }
 * }</pre>
 */
public final class CborException extends IOException {
  private static final long serialVersionUID = 1L;

  public CborException(String message) {
    super(message);
  }

  public CborException(String message, Throwable cause) {
    super(message, cause);
  }
}

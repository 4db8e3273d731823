package dev.surrealj.cbor;

/**
 * Immutable decoding limits of a {@link CborCodec}: they bound what an untrusted peer can make
 * the decoder do.
 *
 * <pre>{@code
 * CborLimits limits = CborLimits.DEFAULT.withMaxFrameSize(128L << 20).withMaxDepth(64);
 * CborCodec codec = new CborCodec(limits);
 * }</pre>
 */
public final class CborLimits {
  /** maxDepth 256, maxStringLength 64 MiB, maxArrayLength 16M items, maxFrameSize 256 MiB. */
  public static final CborLimits DEFAULT = new CborLimits(256, 64 << 20, 16 << 20, 256L << 20);

  private final int maxDepth;
  private final int maxStringLength;
  private final int maxArrayLength;
  private final long maxFrameSize;

  private CborLimits(int maxDepth, int maxStringLength, int maxArrayLength, long maxFrameSize) {
    this.maxDepth = positive(maxDepth, "maxDepth");
    this.maxStringLength = positive(maxStringLength, "maxStringLength");
    this.maxArrayLength = positive(maxArrayLength, "maxArrayLength");
    if (maxFrameSize <= 0) throw new IllegalArgumentException("maxFrameSize must be > 0: " + maxFrameSize);
    this.maxFrameSize = maxFrameSize;
  }

  /** Maximum nesting of arrays, maps and tagged values. */
  public int maxDepth() { return maxDepth; }

  /** Maximum length of a text string (in UTF-8 bytes) or a byte string. */
  public int maxStringLength() { return maxStringLength; }

  /** Maximum number of items of an array, or entries of a map. */
  public int maxArrayLength() { return maxArrayLength; }

  /** Maximum size in bytes of one encoded message. */
  public long maxFrameSize() { return maxFrameSize; }

  public CborLimits withMaxDepth(int maxDepth) {
    return new CborLimits(maxDepth, maxStringLength, maxArrayLength, maxFrameSize);
  }

  public CborLimits withMaxStringLength(int maxStringLength) {
    return new CborLimits(maxDepth, maxStringLength, maxArrayLength, maxFrameSize);
  }

  public CborLimits withMaxArrayLength(int maxArrayLength) {
    return new CborLimits(maxDepth, maxStringLength, maxArrayLength, maxFrameSize);
  }

  public CborLimits withMaxFrameSize(long maxFrameSize) {
    return new CborLimits(maxDepth, maxStringLength, maxArrayLength, maxFrameSize);
  }

  private static int positive(int value, String name) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be > 0: " + value);
    return value;
  }

  @Override
  public String toString() {
    return "CborLimits[maxDepth=" + maxDepth + ", maxStringLength=" + maxStringLength
        + ", maxArrayLength=" + maxArrayLength + ", maxFrameSize=" + maxFrameSize + "]";
  }
}

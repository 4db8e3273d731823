package dev.surrealj.cbor;

/**
 * A linear pre-scan of a frame that rejects chains of CBOR tags before Jackson's parser sees them.
 *
 * <p>Jackson's {@code CBORParser} collects every tag in front of a value before returning the value,
 * in time and memory quadratic in the length of the chain (100,000 one-byte tags allocate gigabytes).
 * SurrealDB never sends a tag directly on a tag, except a range bound (tag 50 or 51) on a tagged
 * value, so a longer chain is refused here, in one pass over the item headers (string payloads are
 * skipped, not read). The scan is a state machine fed with consecutive slices of one frame, so it
 * serves arrays and streams alike. Anything else that is malformed is left to the parser, which
 * reports it with its own message.
 */
final class TagChains {
  private static final int INCLUDED = 50, EXCLUDED = 51;

  private long position; // offset of the next byte within the frame
  private long headerAt;
  private int major;
  private int argBytes; // argument bytes of the current header still to come
  private long arg;
  private long skip; // string payload bytes still to skip
  private int chain; // tags in a row just before the next header
  private long outer = -1; // the first tag of that chain
  private boolean gaveUp; // malformed input: the parser will report it

  /** Checks a whole frame. */
  static void check(byte[] b, int offset, int length) throws CborException {
    new TagChains().feed(b, offset, length);
  }

  /** Scans the next {@code length} bytes of the frame. */
  void feed(byte[] b, int offset, int length) throws CborException {
    int i = offset;
    int end = offset + length;
    while (i < end && !gaveUp) {
      if (skip > 0) {
        int n = (int) Math.min(skip, end - i);
        i += n;
        skip -= n;
      } else if (argBytes > 0) {
        arg = (arg << 8) | (b[i++] & 0xff);
        if (--argBytes == 0) header();
      } else {
        headerAt = position + (i - offset);
        int head = b[i++] & 0xff;
        major = head >>> 5;
        int info = head & 0x1f;
        if (info < 24) {
          arg = info;
          header();
        } else if (info <= 27) {
          arg = 0;
          argBytes = 1 << (info - 24);
        } else if (info == 31 && major >= 2 && major != 6) {
          arg = -1; // indefinite length or a break: what follows are ordinary items
          header();
        } else {
          gaveUp = true; // reserved additional information
        }
      }
    }
    position += length;
  }

  private void header() throws CborException {
    if (major == 6) {
      if (chain == 0) {
        outer = arg;
      } else if (chain > 1 || (outer != INCLUDED && outer != EXCLUDED)) {
        throw new CborException("malformed SurrealDB value: tag " + outer + " wraps another tag (tag "
            + Long.toUnsignedString(arg) + " at byte " + headerAt + ")");
      }
      chain++;
      return;
    }
    chain = 0;
    if ((major == 2 || major == 3) && arg > 0) {
      skip = arg;
    } else if ((major == 2 || major == 3) && arg < -1) {
      gaveUp = true; // a length beyond 2^63: the parser refuses it
    }
  }
}

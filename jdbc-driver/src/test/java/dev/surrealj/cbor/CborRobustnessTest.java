package dev.surrealj.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: the decoder must answer CborException, fast, and never anything else. */
class CborRobustnessTest {
  private static final CborCodec CODEC = new CborCodec();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Decodes, allowing success or CborException; anything else fails the test. */
  private static void decodeSafely(CborCodec codec, byte[] bytes) {
    try {
      codec.decode(bytes);
    } catch (CborException expected) {
      // fine
    } catch (Throwable t) {
      throw new AssertionError("decoding " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64))
          + " threw " + t, t);
    }
  }

  private static CborException assertRejected(byte[] bytes) {
    return assertThrows(CborException.class, () -> CODEC.decode(bytes));
  }

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Test
  void randomBytes() {
    assertTimeoutPreemptively(TIMEOUT, () -> {
      Random r = new Random(1);
      for (int i = 0; i < 200_000; i++) {
        byte[] b = new byte[r.nextInt(48)];
        r.nextBytes(b);
        decodeSafely(CODEC, b);
      }
    });
  }

  @Test
  void everyTruncationOfAValidEncodingIsRejected() {
    assertTimeoutPreemptively(TIMEOUT, () -> {
      RandomValues rv = new RandomValues(2);
      for (int i = 0; i < 2_000; i++) {
        byte[] full = CODEC.encode(rv.value(3));
        for (int len = 0; len < full.length; len++) {
          byte[] prefix = Arrays.copyOf(full, len);
          try {
            CODEC.decode(prefix);
            fail("truncated to " + len + " of " + full.length + " bytes, yet decoded: " + HexFormat.of().formatHex(full));
          } catch (CborException expected) {
            // fine
          } catch (Throwable t) {
            throw new AssertionError("truncated " + HexFormat.of().formatHex(prefix) + " threw " + t, t);
          }
        }
      }
    });
  }

  @Test
  void mutatedValidEncodings() {
    assertTimeoutPreemptively(TIMEOUT, () -> {
      RandomValues rv = new RandomValues(3);
      Random r = rv.random();
      for (int i = 0; i < 50_000; i++) {
        byte[] b = CODEC.encode(rv.value(3));
        if (b.length == 0) continue;
        for (int m = 1 + r.nextInt(3); m > 0; m--) {
          int at = r.nextInt(b.length);
          switch (r.nextInt(3)) {
            case 0 -> b[at] = (byte) r.nextInt(256);
            case 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
            default -> b = Arrays.copyOf(b, at + 1); // cut
          }
        }
        decodeSafely(CODEC, b);
      }
    });
  }

  @Test
  void depthBombs() {
    assertTimeoutPreemptively(TIMEOUT, () -> {
      int n = 100_000;
      for (String layer : List.of("81", "9f", "a1 61 61", "c8 82 61 74", "d8 38 81", "d8 31 82 d8 32")) {
        byte[] unit = hex(layer);
        byte[] bomb = new byte[unit.length * n + 1];
        for (int i = 0; i < n; i++) System.arraycopy(unit, 0, bomb, i * unit.length, unit.length);
        CborException e = assertRejected(bomb);
        assertTrue(e.getMessage().toLowerCase().contains("depth") || e.getMessage().contains("nesting"), e.getMessage());
      }
    });
  }

  @Test
  void depthLimitIsExact() throws Exception {
    CborCodec codec = new CborCodec(CborLimits.DEFAULT.withMaxDepth(3));
    assertEquals(List.of(List.of(List.of())), codec.decode(hex("81 81 80")));
    assertThrows(CborException.class, () -> codec.decode(hex("81 81 81 80")));
    assertThrows(IllegalArgumentException.class, () -> codec.encode(List.of(List.of(List.of(List.of(List.of()))))));
  }

  @Test
  void hugeDeclaredLengthsWithTinyBodies() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (String h : List.of(
          "5a 7fffffff 01 02 03", "5b 00000000ffffffff 01", "5b ffffffffffffffff 00", // bytes
          "7a 7fffffff 61 62", "7b 00000001 00000000 61", "7b ffffffffffffffff 61", // text
          "9a 00ffffff 01", "9a 7fffffff 01", "9b 000000ffffffffff 01", "9b ffffffffffffffff 01", // arrays
          "ba 00ffffff 61 61 01", "ba 7fffffff 61 61 01", "bb ffffffffffffffff 61 61", // maps
          "d8 38 9a 00ffffff 01", "c8 9a 7fffffff")) {
        assertRejected(hex(h));
      }
    });
  }

  @Test
  void stringLengthLimit() throws Exception {
    CborCodec codec = new CborCodec(CborLimits.DEFAULT.withMaxStringLength(10));
    assertEquals("0123456789", codec.decode(CODEC.encode("0123456789")));
    assertThrows(CborException.class, () -> codec.decode(CODEC.encode("0123456789a")));
    assertThrows(CborException.class, () -> codec.decode(CODEC.encode("0123456789".repeat(1000))));
    assertEquals(10, ((byte[]) codec.decode(CODEC.encode(new byte[10]))).length);
    assertThrows(CborException.class, () -> codec.decode(CODEC.encode(new byte[11])));
    assertThrows(CborException.class, () -> codec.decode(CODEC.encode(new byte[100_000])));
    assertThrows(CborException.class, () -> codec.decode(hex("7f 65 3031323334 66 353637383961 ff")), "chunked text");
  }

  @Test
  void arrayAndMapLengthLimit() throws Exception {
    CborCodec codec = new CborCodec(CborLimits.DEFAULT.withMaxArrayLength(3));
    assertEquals(List.of(1L, 2L, 3L), codec.decode(hex("83 01 02 03")));
    assertThrows(CborException.class, () -> codec.decode(hex("84 01 02 03 04")));
    assertThrows(CborException.class, () -> codec.decode(hex("9f 01 02 03 04 ff")));
    assertEquals(3, ((java.util.Map<?, ?>) codec.decode(hex("a3 6161 01 6162 01 6163 01"))).size());
    assertThrows(CborException.class, () -> codec.decode(hex("a4 6161 01 6162 01 6163 01 6164 01")));
    assertThrows(CborException.class, () -> codec.decode(hex("bf 6161 01 6162 01 6163 01 6164 01 ff")));
  }

  @Test
  void frameSizeLimit() throws Exception {
    CborCodec codec = new CborCodec(CborLimits.DEFAULT.withMaxFrameSize(4));
    assertEquals(List.of(1L, 2L, 3L), codec.decode(hex("83 01 02 03")));
    assertThrows(CborException.class, () -> codec.decode(hex("84 01 02 03 04")));
    assertEquals(List.of(1L, 2L, 3L), codec.decode(new ByteArrayInputStream(hex("83 01 02 03"))));
    assertThrows(CborException.class, () -> codec.decode(new ByteArrayInputStream(hex("84 01 02 03 04"))));
    // an endless stream stops at the limit
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0x9f;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(CborException.class, () -> new CborCodec().decode(endless)));
  }

  @Test
  void streamFailuresAreCborExceptions() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws java.io.IOException {
        throw new java.io.IOException("connection reset");
      }
    };
    assertThrows(CborException.class, () -> CODEC.decode(failing));
  }

  @Test
  void limitsValidation() {
    assertThrows(IllegalArgumentException.class, () -> CborLimits.DEFAULT.withMaxDepth(0));
    assertThrows(IllegalArgumentException.class, () -> CborLimits.DEFAULT.withMaxFrameSize(-1));
    CborLimits l = CborLimits.DEFAULT.withMaxArrayLength(5);
    assertEquals(5, l.maxArrayLength());
    assertEquals(256, l.maxDepth());
    assertEquals(64 << 20, l.maxStringLength());
    assertEquals(256L << 20, l.maxFrameSize());
    assertEquals(16 << 20, CborLimits.DEFAULT.maxArrayLength());
  }

  /** Builds {@code n} copies of {@code unit} followed by {@code tail}. */
  private static byte[] repeat(int n, byte[] unit, byte[] tail) {
    byte[] b = new byte[n * unit.length + tail.length];
    for (int i = 0; i < n; i++) System.arraycopy(unit, 0, b, i * unit.length, unit.length);
    System.arraycopy(tail, 0, b, n * unit.length, tail.length);
    return b;
  }

  private static long allocatedBy(Runnable r) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    r.run();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void chainsOfTagsAreRejectedInLinearTimeAndMemory() throws Exception {
    // 400,000 NONE tags on a null: 400 KB that once cost Jackson's tag list gigabytes
    for (int n : new int[] {2, 1_000, 400_000}) {
      byte[] frame = repeat(n, hex("c6"), hex("f6"));
      long bytes = allocatedBy(() -> {
        CborException e = assertThrows(CborException.class, () -> CODEC.decode(frame));
        assertTrue(e.getMessage().contains("tag 6 wraps another tag"), e.getMessage());
      });
      assertTrue(bytes < 4L << 20, n + " tags allocated " + bytes + " bytes");
      CborException s = assertThrows(CborException.class, () -> CODEC.decode(new ByteArrayInputStream(frame)));
      assertTrue(s.getMessage().contains("wraps another tag"), s.getMessage());
    }
    // inside an array, a map value, behind a string that contains tag bytes
    assertRejected(hex("82 01 c6 c6 f6"));
    assertRejected(hex("a1 6161 c8 c8 82 6161 01"));
    String m = assertRejected(hex("82 63 c6c6c6 c6 c6 f6")).getMessage();
    assertTrue(m.contains("tag 6 wraps another tag (tag 6 at byte 6)"), m);
    // tag bytes inside strings and byte strings are not tags
    assertEquals(List.of("\u0006\u0006", 1L), CODEC.decode(hex("82 62 0606 01")));
    assertEquals(3, ((byte[]) CODEC.decode(hex("43 c6c6c6"))).length);
    // the one legal chain: a range bound (50/51) on a tagged value
    Object range = CODEC.decode(hex("d8 31 82 d8 32 c8 82 6161 01 d8 33 c8 82 6161 05"));
    assertEquals("dev.surrealj.value.Range", range.getClass().getName());
    assertRejected(hex("d8 31 82 d8 32 d8 32 c8 82 6161 01 f6"));
  }

  @Test
  void decimalsWithHugeExponentsAreRejected() throws Exception {
    assertEquals(new java.math.BigDecimal("1.5E+6144"), CODEC.decode(hex("ca 69 312e35452b36313434"))); // "1.5E+6144"
    for (String d : new String[] {"1e2147483647", "1e-2147483647", "1e400000000", "1E+6145", "1E-6145"}) {
      byte[] ascii = d.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] frame = new byte[2 + ascii.length];
      frame[0] = (byte) 0xca; // tag 10
      frame[1] = (byte) (0x60 + ascii.length);
      System.arraycopy(ascii, 0, frame, 2, ascii.length);
      assertTrue(assertRejected(frame).getMessage().contains("exponent"), d);
    }
    assertRejected(hex("ca 63 78797a")); // "xyz"
  }

  @Test
  void objectKeysAsLongAsTheStringLimit() throws Exception {
    String key = "k".repeat(200_000);
    assertEquals(java.util.Map.of(key, 1L), CODEC.decode(CODEC.encode(java.util.Map.of(key, 1L))));
    CborCodec small = new CborCodec(CborLimits.DEFAULT.withMaxStringLength(10));
    assertThrows(CborException.class, () -> small.decode(CODEC.encode(java.util.Map.of("k".repeat(11), 1L))));
  }
}

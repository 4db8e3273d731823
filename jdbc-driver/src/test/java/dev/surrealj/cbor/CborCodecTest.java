package dev.surrealj.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surrealj.value.Bound;
import dev.surrealj.value.Future;
import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CborCodecTest {
  private static final CborCodec CODEC = new CborCodec();
  private static final String UUID_HEX = "0189b1d9c4e2712a9b1c2d3e4f506172";
  private static final UUID UUID_VALUE = UUID.fromString("0189b1d9-c4e2-712a-9b1c-2d3e4f506172");

  static Object decodeHex(String hex) throws CborException {
    return CODEC.decode(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  static String encodeHex(Object value) {
    return HexFormat.of().formatHex(CODEC.encode(value));
  }

  static String text(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(b.length < 24);
    return HexFormat.of().formatHex(new byte[] {(byte) (0x60 + b.length)}) + HexFormat.of().formatHex(b);
  }

  // ------------------------------------------------------------ known vectors from the reference

  @Test
  void recordIdTag8() throws Exception {
    assertEquals(new RecordId("person", "tobie"), decodeHex("c8 82" + text("person") + text("tobie")));
    assertEquals(new RecordId("person", 42L), decodeHex("c8 82" + text("person") + "18 2a"));
    assertEquals(new RecordId("t", UUID_VALUE), decodeHex("c8 82" + text("t") + "d8 25 50" + UUID_HEX));
    assertEquals(new RecordId("t", List.of("a", 1L)), decodeHex("c8 82" + text("t") + "82" + text("a") + "01"));
    assertEquals(new RecordId("t", Map.of("a", 1L)), decodeHex("c8 82" + text("t") + "a1" + text("a") + "01"));
    assertEquals(new RecordId("t", Range.closed(1L, 9L)),
        decodeHex("c8 82" + text("t") + "d8 31 82 d8 32 01 d8 32 09"));
    assertEquals("c882" + text("person") + text("tobie"), encodeHex(new RecordId("person", "tobie")));
  }

  @Test
  void datetimeTag12() throws Exception {
    // [1700000000, 123456789]
    Instant i = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    assertEquals(i, decodeHex("cc 82 1a 6553f100 1a 075bcd15"));
    assertEquals("cc821a6553f1001a075bcd15", encodeHex(i));
    assertEquals("cc822000", encodeHex(Instant.ofEpochSecond(-1)), "negative seconds, nanos stay positive");
    assertEquals("cc82201a3b9ac9ff", encodeHex(Instant.ofEpochSecond(0, -1)));
    assertEquals(Instant.ofEpochSecond(-1, 5), decodeHex("cc 82 20 05"));
    assertEquals(Instant.ofEpochSecond(7), decodeHex("cc 81 07"));
    assertEquals(Instant.EPOCH, decodeHex("cc 80"));
  }

  @Test
  void datetimeInputForms() throws Exception {
    assertEquals(Instant.parse("2024-01-02T02:04:05.123456789Z"),
        CODEC.decode(concat("c0", "78 23", hexOf("2024-01-02T03:04:05.123456789+01:00"))));
    Instant expected = Instant.ofEpochSecond(1_700_000_000L, 5);
    assertEquals(CODEC.decode(CODEC.encode(expected)), CODEC.decode(CODEC.encode(expected.atOffset(ZoneOffset.ofHours(3)))));
    assertEquals(expected, CODEC.decode(CODEC.encode(ZonedDateTime.ofInstant(expected, ZoneOffset.UTC))));
    assertEquals(Instant.ofEpochMilli(1234567), CODEC.decode(CODEC.encode(new Date(1234567))));
    java.sql.Timestamp ts = java.sql.Timestamp.from(expected);
    assertEquals(expected, CODEC.decode(CODEC.encode(ts)));
  }

  @Test
  void durationTag14() throws Exception {
    assertEquals(Duration.ZERO, decodeHex("ce 80"));
    assertEquals(Duration.ofSeconds(5), decodeHex("ce 81 05"));
    assertEquals(Duration.ofSeconds(5, 7), decodeHex("ce 82 05 07"));
    assertEquals("ce80", encodeHex(Duration.ZERO));
    assertEquals("ce8105", encodeHex(Duration.ofSeconds(5)));
    assertEquals("ce820507", encodeHex(Duration.ofSeconds(5, 7)));
    assertEquals("ce820007", encodeHex(Duration.ofNanos(7)));
    assertEquals(Duration.ofMinutes(90), CODEC.decode(concat("cd", text("1h30m"))));
    assertThrows(CborException.class, () -> decodeHex("ce 83 01 02 03"));
    assertThrows(CborException.class, () -> decodeHex("ce 81 20"));
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(Duration.ofSeconds(-1)));
  }

  @Test
  void uuidTags37And9() throws Exception {
    assertEquals(UUID_VALUE, decodeHex("d8 25 50" + UUID_HEX));
    assertEquals("d82550" + UUID_HEX, encodeHex(UUID_VALUE));
    assertEquals(UUID_VALUE, CODEC.decode(concat("c9 78 24", hexOf(UUID_VALUE.toString()))));
    assertThrows(CborException.class, () -> decodeHex("d8 25 4f" + UUID_HEX.substring(2)));
    assertThrows(CborException.class, () -> decodeHex("d8 25" + text("x")));
  }

  @Test
  void noneTag6IsNotNull() throws Exception {
    assertSame(None.NONE, decodeHex("c6 f6"));
    assertEquals(null, decodeHex("f6"));
    assertEquals("c6f6", encodeHex(None.NONE));
    assertEquals("f6", encodeHex(null));
    assertThrows(CborException.class, () -> decodeHex("c6 00"));
  }

  @Test
  void scalarTags() throws Exception {
    assertEquals(new Table("person"), decodeHex("c7" + text("person")));
    assertEquals("c7" + text("person"), encodeHex(new Table("person")));
    assertEquals(new BigDecimal("1.50"), decodeHex("ca" + text("1.50")));
    assertEquals("ca" + text("1000"), encodeHex(new BigDecimal("1E+3")));
    assertEquals(new Future("{ 1 + 2 }"), decodeHex("cf" + text("{ 1 + 2 }")));
    assertEquals("cf" + text("{ 1 }"), encodeHex(new Future("{ 1 }")));
    assertEquals(new SurrealFile("b", "/k"), decodeHex("d8 37 82" + text("b") + text("/k")));
    assertEquals("d83782" + text("b") + text("/k"), encodeHex(new SurrealFile("b", "/k")));
    assertEquals(SurrealSet.of(1L, 2L), decodeHex("d8 38 82 01 02"));
    assertEquals("d8388101", encodeHex(SurrealSet.of(1L)));
  }

  @Test
  void rangeTags49To51() throws Exception {
    assertEquals(new Range(Bound.included(1L), Bound.excluded(5L)), decodeHex("d8 31 82 d8 32 01 d8 33 05"));
    assertEquals(new Range(Bound.UNBOUNDED, Bound.included(5L)), decodeHex("d8 31 82 f6 d8 32 05"));
    assertEquals("d83182f6f6", encodeHex(new Range(Bound.UNBOUNDED, Bound.UNBOUNDED)));
    assertEquals("d83182d83201d83305", encodeHex(new Range(Bound.included(1L), Bound.excluded(5L))));
    // a bound may wrap a tagged value: tag 50(tag 37(uuid))
    assertEquals(new Range(Bound.included(UUID_VALUE), Bound.UNBOUNDED), decodeHex("d8 31 82 d8 32 d8 25 50" + UUID_HEX + "f6"));
    assertThrows(CborException.class, () -> decodeHex("d8 31 82 01 02"), "untagged bound");
    assertThrows(CborException.class, () -> decodeHex("d8 32 01"), "bound outside a range");
    assertThrows(CborException.class, () -> decodeHex("d8 31 81 f6"));
    assertThrows(CborException.class, () -> decodeHex("d8 31 82 d8 32 f6 f6"), "null bound value");
  }

  @Test
  void geometryTags88To94() throws Exception {
    assertEquals(new GeometryPoint(1.5, -2), decodeHex("d8 58 82 fb 3ff8000000000000 fb c000000000000000"));
    assertEquals(new GeometryPoint(1, 2), decodeHex("d8 58 82 01 f9 4000"), "ints and half floats are accepted");
    assertEquals("d85882fb3ff8000000000000fbc000000000000000", encodeHex(new GeometryPoint(1.5, -2)));
    GeometryLine line = new GeometryLine(List.of(new GeometryPoint(0, 0), new GeometryPoint(1, 1)));
    assertEquals("d85982d85882fb0000000000000000fb0000000000000000d85882fb3ff0000000000000fb3ff0000000000000",
        encodeHex(line));
    assertEquals(line, CODEC.decode(CODEC.encode(line)));
    assertThrows(CborException.class, () -> decodeHex("d8 59 81 01"), "line of a non-point");
    assertThrows(CborException.class, () -> decodeHex("d8 58 81 01"), "point of one coordinate");
  }

  @Test
  void numbers() throws Exception {
    assertEquals(Long.MAX_VALUE, decodeHex("1b 7fffffffffffffff"));
    assertEquals(Long.MIN_VALUE, decodeHex("3b 7fffffffffffffff"));
    assertEquals(-1L, decodeHex("20"));
    assertThrows(CborException.class, () -> decodeHex("1b ffffffffffffffff"), "uint64 above i64");
    assertThrows(CborException.class, () -> decodeHex("3b 8000000000000000"), "below i64");
    assertThrows(CborException.class, () -> decodeHex("c2 49 010000000000000000"), "bignum");
    assertEquals(1.0, decodeHex("f9 3c00"), "half float");
    assertEquals(1.5, decodeHex("fa 3fc00000"), "single float");
    assertInstanceOf(Double.class, decodeHex("fa 3fc00000"));
    assertEquals("182a", encodeHex(42));
    assertEquals("182a", encodeHex((short) 42));
    assertEquals("182a", encodeHex((byte) 42));
    assertEquals("182a", encodeHex(BigInteger.valueOf(42)));
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(BigInteger.ONE.shiftLeft(63)));
    assertEquals(1.5, CODEC.decode(CODEC.encode(1.5f)));
  }

  @Test
  void acceptedJavaTypes() throws Exception {
    assertEquals("abc", CODEC.decode(CODEC.encode(new StringBuilder("abc"))));
    assertEquals("x", CODEC.decode(CODEC.encode('x')));
    assertEquals("SECONDS", CODEC.decode(CODEC.encode(java.util.concurrent.TimeUnit.SECONDS)));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) CODEC.decode(CODEC.encode(ByteBuffer.wrap(new byte[] {0, 1, 2}, 1, 2))));
    ByteBuffer direct = ByteBuffer.allocateDirect(2).put((byte) 3).put((byte) 4).flip();
    assertArrayEquals(new byte[] {3, 4}, (byte[]) CODEC.decode(CODEC.encode(direct)));
    assertEquals(2, direct.remaining(), "buffer position untouched");
    assertEquals(List.of(1L, 2L), CODEC.decode(CODEC.encode(new int[] {1, 2})));
    assertEquals(List.of(1.5, 2.5), CODEC.decode(CODEC.encode(new double[] {1.5, 2.5})));
    assertEquals(List.of("a", 1L), CODEC.decode(CODEC.encode(new Object[] {"a", 1})));
    assertEquals(List.of(1L), CODEC.decode(CODEC.encode(Set.of(1))));
    assertEquals(Map.of("1", true), CODEC.decode(CODEC.encode(Map.of(1, true))));
  }

  @Test
  void unsupportedTypeNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(new Object()));
    assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CODEC.encode(List.of(Map.of("a", Thread.currentThread()))));
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
    Map<String, Object> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(nullKey));
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode("lone \uD800 surrogate"));
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThrows(IllegalArgumentException.class, () -> CODEC.encode(cycle));
  }

  @Test
  void decodedContainersAreUnmodifiableAndOrdered() throws Exception {
    Map<String, Object> in = new LinkedHashMap<>();
    for (String k : List.of("z", "a", "m", "b")) in.put(k, List.of(k));
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) CODEC.decode(CODEC.encode(in));
    assertEquals(List.of("z", "a", "m", "b"), List.copyOf(out.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> out.put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) out.get("z");
    assertThrows(UnsupportedOperationException.class, () -> list.add(1));
  }

  @Test
  void smallAndLargeContainersBehaveAlike() throws Exception {
    for (int size : new int[] {0, 1, 5, 16, 17, 40}) { // up to 16 entries: SmallMap; more: LinkedHashMap
      Map<String, Object> in = new LinkedHashMap<>();
      for (int i = size; i > 0; i--) in.put("k" + i, i % 3 == 0 ? null : List.of(i, "v" + i));
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) CODEC.decode(CODEC.encode(in));
      Map<String, Object> expected = new LinkedHashMap<>();
      in.forEach((k, v) -> expected.put(k, v == null ? null : List.of((long) (Integer) ((List<?>) v).get(0), ((List<?>) v).get(1))));
      assertEquals(expected, out);
      assertEquals(out, expected);
      assertEquals(expected.hashCode(), out.hashCode());
      assertEquals(expected.toString(), out.toString());
      assertEquals(List.copyOf(expected.keySet()), List.copyOf(out.keySet()));
      assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(out.values()));
      assertEquals(size, out.size());
      if (size > 0) {
        assertTrue(out.containsKey("k1"));
        assertEquals(expected.get("k1"), out.get(new String("k1".toCharArray()))); // equal, not identical
        assertTrue(size < 3 || out.containsKey("k3") && out.get("k3") == null);
        assertThrows(UnsupportedOperationException.class, () -> out.entrySet().iterator().next().setValue(1));
        assertThrows(UnsupportedOperationException.class, () -> out.keySet().remove("k1"));
      }
      assertEquals(null, out.get("missing"));
      assertEquals("d", out.getOrDefault("missing", "d"));
      assertThrows(UnsupportedOperationException.class, () -> out.put("x", 1));
      assertThrows(UnsupportedOperationException.class, () -> out.remove("missing"));
      assertThrows(UnsupportedOperationException.class, out::clear);
      assertThrows(UnsupportedOperationException.class, () -> out.putIfAbsent("x", 1));
      assertThrows(UnsupportedOperationException.class, () -> out.computeIfAbsent("x", k -> 1));
      assertThrows(UnsupportedOperationException.class, () -> out.replaceAll((k, v) -> v));

      List<Object> items = new ArrayList<>();
      for (int i = 0; i < size * 40; i++) items.add(i % 5 == 0 ? null : "i" + i); // up to 1,024: SmallList
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) CODEC.decode(CODEC.encode(items));
      assertEquals(items, list);
      assertEquals(list, items);
      assertEquals(items.hashCode(), list.hashCode());
      assertEquals(items.toString(), list.toString());
      assertThrows(UnsupportedOperationException.class, () -> list.add(1));
      assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
      assertThrows(UnsupportedOperationException.class, () -> list.set(0, 1));
      assertThrows(UnsupportedOperationException.class, list::clear);
      assertThrows(UnsupportedOperationException.class, () -> list.sort(null));
      if (!items.isEmpty()) {
        assertEquals(items.indexOf("i1"), list.indexOf("i1"));
        assertTrue(list.contains(null));
        assertThrows(UnsupportedOperationException.class, () -> list.subList(0, 1).clear());
      }
    }
  }

  @Test
  void repeatedMapKeysKeepTheFirstPositionAndTheLastValue() throws Exception {
    // {"a": 1, "b": 2, "a": 3}: as a LinkedHashMap would build it
    Object m = decodeHex("a3" + text("a") + "01" + text("b") + "02" + text("a") + "03");
    assertEquals(List.of("a", "b"), List.copyOf(((Map<?, ?>) m).keySet()));
    assertEquals(Map.of("a", 3L, "b", 2L), m);
  }

  @Test
  void decodedContainersSerialize() throws Exception {
    Object v = CODEC.decode(CODEC.encode(Map.of("a", List.of(1L, "x"), "b", Map.of("c", true))));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(v);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(v, in.readObject());
    }
  }

  @Test
  void indefiniteLengthContainers() throws Exception {
    assertEquals(List.of(1L, 2L), decodeHex("9f 01 02 ff"));
    assertEquals(Map.of("a", 1L), decodeHex("bf" + text("a") + "01 ff"));
    assertEquals("ab", decodeHex("7f 61 61 61 62 ff"));
  }

  @Test
  void unknownTagsAndTrailingBytes() {
    for (String hex : List.of("c1 00", "c3 41 01", "d8 20" + text("x"), "d9 d9f7 00", "c4 82 21 19 6ab3", "c8 c8 f6")) {
      assertThrows(CborException.class, () -> decodeHex(hex), hex);
    }
    assertThrows(CborException.class, () -> decodeHex("01 01"));
    assertThrows(CborException.class, () -> decodeHex(""));
    assertThrows(CborException.class, () -> decodeHex("f0"), "simple value");
  }

  @Test
  void offsetLengthAndStream() throws Exception {
    byte[] framed = HexFormat.of().parseHex("ff ff 82 01 02 ff".replace(" ", ""));
    assertEquals(List.of(1L, 2L), CODEC.decode(framed, 2, 3));
    assertEquals(List.of(1L, 2L), CODEC.decode(new ByteArrayInputStream(framed, 2, 3)));
    assertThrows(CborException.class, () -> CODEC.decode(new ByteArrayInputStream(framed, 2, 4)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CODEC.encode(Map.of("a", 1L), out);
    out.write(0); // encode flushed and left the stream open
    assertEquals(Map.of("a", 1L), CODEC.decode(out.toByteArray(), 0, out.size() - 1));
  }

  @Test
  void randomValuesRoundTrip() throws Exception {
    RandomValues rv = new RandomValues(20240917L);
    for (int i = 0; i < 20_000; i++) {
      Object value = rv.value(4);
      byte[] bytes = CODEC.encode(value);
      Object decoded = CODEC.decode(bytes);
      assertEquals(RandomValues.comparable(value), RandomValues.comparable(decoded), () -> "round trip of " + value);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CODEC.encode(value, out);
      assertArrayEquals(bytes, out.toByteArray());
      assertEquals(RandomValues.comparable(value), RandomValues.comparable(CODEC.decode(new ByteArrayInputStream(bytes))));
    }
  }

  @Test
  void decodeIsThreadSafe() throws Exception {
    RandomValues rv = new RandomValues(7);
    List<Object> values = rv.list(() -> rv.value(3), 200);
    List<byte[]> encoded = values.stream().map(CODEC::encode).toList();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        try {
          for (int round = 0; round < 20; round++) {
            for (int i = 0; i < values.size(); i++) {
              assertEquals(RandomValues.comparable(values.get(i)), RandomValues.comparable(CODEC.decode(encoded.get(i))));
              assertArrayEquals(encoded.get(i), CODEC.encode(values.get(i)));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) t.join();
    assertEquals(List.of(), failures);
  }

  static byte[] concat(String hex, String... more) {
    StringBuilder sb = new StringBuilder(hex);
    for (String m : more) sb.append(m);
    return HexFormat.of().parseHex(sb.toString().replace(" ", ""));
  }

  static String hexOf(String s) {
    return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}

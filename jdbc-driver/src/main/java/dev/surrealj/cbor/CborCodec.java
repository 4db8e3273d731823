package dev.surrealj.cbor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.CBORReadContext;
import dev.surrealj.value.Bound;
import dev.surrealj.value.Durations;
import dev.surrealj.value.Future;
import dev.surrealj.value.Geometry;
import dev.surrealj.value.GeometryCollection;
import dev.surrealj.value.GeometryLine;
import dev.surrealj.value.GeometryMultiLine;
import dev.surrealj.value.GeometryMultiPoint;
import dev.surrealj.value.GeometryMultiPolygon;
import dev.surrealj.value.GeometryPoint;
import dev.surrealj.value.GeometryPolygon;
import dev.surrealj.value.None;
import dev.surrealj.value.Range;
import dev.surrealj.value.RecordId;
import dev.surrealj.value.SurrealFile;
import dev.surrealj.value.SurrealSet;
import dev.surrealj.value.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Encodes Java values to SurrealDB's tagged CBOR and decodes it back, following the mapping table
 * of {@code docs/architecture.md}. Thread-safe: share one instance.
 *
 * <pre>{@code
 * CborCodec codec = new CborCodec();
 * byte[] frame = codec.encode(Map.of("id", 1L, "method", "select",
 *     "params", List.of(new RecordId("person", "tobie"))));
 * Object reply = codec.decode(frame); // Map<String, Object>, unmodifiable, insertion ordered
 * }</pre>
 *
 * <p>Decoding yields only the Java types of the mapping table: integers are always {@link Long}
 * (an integer outside i64, or a CBOR bignum, is a {@link CborException}), floats of any width
 * {@link Double}, arrays unmodifiable {@code List<Object>}, maps unmodifiable insertion-ordered
 * {@code Map<String, Object>} (up to 16 entries a compact array map, {@code SmallMap}; arrays of a
 * declared length up to 1,024 items one exact array, {@code SmallList}: cheaper to build and to read
 * than hash maps and array lists behind unmodifiable wrappers). Decoding enforces the {@link CborLimits} and reports every
 * malformed, truncated or over-limit input as a {@link CborException}. An input must hold exactly
 * one data item: trailing bytes are an error, for streams too.
 */
public final class CborCodec {
  // SurrealDB tags, see docs/architecture.md
  private static final int DATETIME_TEXT = 0, NONE = 6, TABLE = 7, RECORD_ID = 8, UUID_TEXT = 9,
      DECIMAL = 10, DATETIME = 12, DURATION_TEXT = 13, DURATION = 14, FUTURE = 15, UUID_BYTES = 37,
      RANGE = 49, INCLUDED = 50, EXCLUDED = 51, FILE = 55, SET = 56, POINT = 88, LINE = 89,
      POLYGON = 90, MULTI_POINT = 91, MULTI_LINE = 92, MULTI_POLYGON = 93, COLLECTION = 94;
  /** Tags a range bound (tag 50/51) may wrap. */
  private static final int[] VALUE_TAGS = {DATETIME_TEXT, NONE, TABLE, RECORD_ID, UUID_TEXT, DECIMAL,
      DATETIME, DURATION_TEXT, DURATION, FUTURE, UUID_BYTES, RANGE, FILE, SET, POINT, LINE, POLYGON,
      MULTI_POINT, MULTI_LINE, MULTI_POLYGON, COLLECTION};
  /** Largest capacity allocated up front from a declared (untrusted) length. */
  private static final int PRESIZE_CAP = 1024;
  private static final int MAX_DECIMAL_LENGTH = 1000;
  /** Largest accepted |scale| of a decimal: IEEE decimal128's exponent range, far beyond SurrealDB's 28. */
  private static final int MAX_DECIMAL_SCALE = 6144;

  private final CborLimits limits;
  private final CBORFactory factory;

  /** A codec with {@link CborLimits#DEFAULT}. */
  public CborCodec() {
    this(CborLimits.DEFAULT);
  }

  /** A codec enforcing {@code limits} when decoding (and {@code maxDepth} when encoding). */
  public CborCodec(CborLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.factory = CBORFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNameLength(limits.maxStringLength()) // object keys are strings: the same bound
            .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(limits.maxDepth() + 1).build())
        .enable(CBORParser.Feature.READ_SIMPLE_VALUE_AS_EMBEDDED_OBJECT)
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();
  }

  public CborLimits limits() {
    return limits;
  }

  // ---------------------------------------------------------------- encoding

  /**
   * Encodes {@code value} (any Java type of the mapping table, nested freely).
   *
   * @throws IllegalArgumentException for a type with no SurrealDB form (the message names it), an
   *     integer outside i64, a negative duration, a null map key, or nesting deeper than
   *     {@link CborLimits#maxDepth()}
   */
  public byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encode(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Encodes {@code value} into {@code out}, which is flushed but not closed.
   *
   * @throws IllegalArgumentException as {@link #encode(Object)}, or for a string that is not valid
   *     UTF-16; bytes may have been written
   * @throws IOException if {@code out} fails
   */
  public void encode(Object value, OutputStream out) throws IOException {
    try (CBORGenerator g = factory.createGenerator(out)) {
      write(g, value, 0);
    } catch (JsonGenerationException e) { // e.g. a string with a lone surrogate
      throw new IllegalArgumentException("cannot encode: " + e.getOriginalMessage(), e);
    }
  }

  private void write(CBORGenerator g, Object v, int depth) throws IOException {
    if (depth > limits.maxDepth()) {
      throw new IllegalArgumentException("value nested deeper than maxDepth " + limits.maxDepth() + " (a cycle?)");
    }
    if (v == null) g.writeNull();
    else if (v instanceof String s) g.writeString(s);
    else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Map<?, ?> m) writeMap(g, m, depth);
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Double || v instanceof Float) g.writeNumber(((Number) v).doubleValue());
    else if (v instanceof RecordId r) {
      g.writeTag(RECORD_ID);
      g.writeStartArray(r, 2);
      g.writeString(r.table());
      write(g, r.key(), depth + 1);
      g.writeEndArray();
    } else if (v instanceof SurrealSet s) {
      g.writeTag(SET);
      writeIterable(g, s, s.size(), depth);
    } else if (v instanceof Collection<?> c) writeIterable(g, c, c.size(), depth);
    else if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Date) {
      Instant i = v instanceof Instant x ? x : v instanceof OffsetDateTime o ? o.toInstant()
          : v instanceof ZonedDateTime z ? z.toInstant() : v instanceof java.sql.Timestamp t ? t.toInstant()
          : Instant.ofEpochMilli(((Date) v).getTime());
      g.writeTag(DATETIME);
      g.writeStartArray(i, 2);
      g.writeNumber(i.getEpochSecond());
      g.writeNumber(i.getNano());
      g.writeEndArray();
    } else if (v instanceof UUID u) {
      byte[] b = new byte[16];
      ByteBuffer.wrap(b).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
      g.writeTag(UUID_BYTES);
      g.writeBinary(b);
    } else if (v instanceof BigDecimal d) {
      g.writeTag(DECIMAL);
      g.writeString(d.toPlainString());
    } else if (v instanceof Duration d) writeDuration(g, d);
    else if (v instanceof None) {
      g.writeTag(NONE);
      g.writeNull();
    } else if (v instanceof CharSequence || v instanceof Character) g.writeString(v.toString());
    else if (v instanceof Enum<?> e) g.writeString(e.name());
    else if (v instanceof byte[] b) g.writeBinary(b);
    else if (v instanceof ByteBuffer b) writeBytes(g, b);
    else if (v instanceof BigInteger i) {
      if (i.bitLength() > 63) throw new IllegalArgumentException("integer outside i64: " + i);
      g.writeNumber(i.longValue());
    } else if (v instanceof Table t) {
      g.writeTag(TABLE);
      g.writeString(t.name());
    } else if (v instanceof Range r) {
      g.writeTag(RANGE);
      g.writeStartArray(r, 2);
      writeBound(g, r.begin(), depth + 1);
      writeBound(g, r.end(), depth + 1);
      g.writeEndArray();
    } else if (v instanceof Geometry geo) writeGeometry(g, geo, depth);
    else if (v instanceof SurrealFile f) {
      g.writeTag(FILE);
      g.writeStartArray(f, 2);
      g.writeString(f.bucket());
      g.writeString(f.key());
      g.writeEndArray();
    } else if (v instanceof Future f) {
      g.writeTag(FUTURE);
      g.writeString(f.body());
    } else if (v instanceof Object[] a) writeIterable(g, java.util.Arrays.asList(a), a.length, depth);
    else if (v.getClass().isArray()) {
      int n = Array.getLength(v);
      g.writeStartArray(v, n);
      for (int i = 0; i < n; i++) write(g, Array.get(v, i), depth + 1);
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("cannot encode " + v.getClass().getName() + " as SurrealDB CBOR");
    }
  }

  private void writeMap(CBORGenerator g, Map<?, ?> m, int depth) throws IOException {
    g.writeStartObject(m, m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      if (k == null) throw new IllegalArgumentException("cannot encode a null map key");
      g.writeFieldName(k.toString());
      write(g, e.getValue(), depth + 1);
    }
    g.writeEndObject();
  }

  private void writeIterable(CBORGenerator g, Iterable<?> items, int size, int depth) throws IOException {
    g.writeStartArray(items, size);
    for (Object o : items) write(g, o, depth + 1);
    g.writeEndArray();
  }

  private static void writeBytes(CBORGenerator g, ByteBuffer b) throws IOException {
    if (b.hasArray()) {
      g.writeBinary(b.array(), b.arrayOffset() + b.position(), b.remaining());
    } else {
      byte[] copy = new byte[b.remaining()];
      b.duplicate().get(copy);
      g.writeBinary(copy);
    }
  }

  /** Tag 14 as the server sends it: {@code []}, {@code [s]} or {@code [s, ns]}. */
  private static void writeDuration(CBORGenerator g, Duration d) throws IOException {
    if (d.isNegative()) throw new IllegalArgumentException("SurrealDB durations cannot be negative: " + d);
    int n = d.getNano() != 0 ? 2 : d.getSeconds() != 0 ? 1 : 0;
    g.writeTag(DURATION);
    g.writeStartArray(d, n);
    if (n > 0) g.writeNumber(d.getSeconds());
    if (n > 1) g.writeNumber(d.getNano());
    g.writeEndArray();
  }

  private void writeBound(CBORGenerator g, Bound b, int depth) throws IOException {
    if (b.isUnbounded()) {
      g.writeNull();
    } else {
      g.writeTag(b.isIncluded() ? INCLUDED : EXCLUDED);
      write(g, b.value(), depth);
    }
  }

  private void writeGeometry(CBORGenerator g, Geometry geo, int depth) throws IOException {
    if (geo instanceof GeometryPoint p) {
      g.writeTag(POINT);
      g.writeStartArray(p, 2);
      g.writeNumber(p.x());
      g.writeNumber(p.y());
      g.writeEndArray();
      return;
    }
    List<? extends Geometry> parts;
    if (geo instanceof GeometryLine l) { g.writeTag(LINE); parts = l.points(); }
    else if (geo instanceof GeometryPolygon p) { g.writeTag(POLYGON); parts = p.rings(); }
    else if (geo instanceof GeometryMultiPoint m) { g.writeTag(MULTI_POINT); parts = m.points(); }
    else if (geo instanceof GeometryMultiLine m) { g.writeTag(MULTI_LINE); parts = m.lines(); }
    else if (geo instanceof GeometryMultiPolygon m) { g.writeTag(MULTI_POLYGON); parts = m.polygons(); }
    else { g.writeTag(COLLECTION); parts = ((GeometryCollection) geo).geometries(); }
    if (depth >= limits.maxDepth()) throw new IllegalArgumentException("geometry nested deeper than maxDepth");
    g.writeStartArray(parts, parts.size());
    for (Geometry part : parts) writeGeometry(g, part, depth + 1);
    g.writeEndArray();
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes {@code bytes}, which must hold exactly one CBOR data item. */
  public Object decode(byte[] bytes) throws CborException {
    return decode(bytes, 0, bytes.length);
  }

  /** Decodes {@code bytes[offset, offset + length)}, which must hold exactly one CBOR data item. */
  public Object decode(byte[] bytes, int offset, int length) throws CborException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > limits.maxFrameSize()) {
      throw new CborException("frame of " + length + " bytes exceeds maxFrameSize " + limits.maxFrameSize());
    }
    TagChains.check(bytes, offset, length);
    try (CBORParser p = factory.createParser(bytes, offset, length)) {
      return decodeRoot(p);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  /**
   * Decodes one CBOR data item from {@code in}, which must end right after it; at most
   * {@link CborLimits#maxFrameSize()} bytes are read. The stream is not closed.
   */
  public Object decode(InputStream in) throws CborException {
    try (CBORParser p = factory.createParser(new LimitedInputStream(in, limits.maxFrameSize()))) {
      return decodeRoot(p);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  private CborException wrap(IOException e) {
    if (e instanceof CborException c) return c;
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException j) {
      return new CborException("value beyond the decoder's limits (" + limits + "; maxDepth is the driver's"
          + " maxDepth property): " + j.getOriginalMessage() + location(j), e);
    }
    if (e instanceof JsonProcessingException j) {
      return new CborException("malformed CBOR: " + j.getOriginalMessage() + location(j), e);
    }
    return new CborException("cannot read CBOR: " + e, e);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset();
  }

  private Object decodeRoot(CBORParser p) throws IOException {
    try {
      JsonToken t = p.nextToken();
      if (t == null) throw new CborException("empty input: expected a CBOR data item");
      Object value = read(p, t, 0);
      if (p.nextToken() != null) throw error(p, "trailing bytes after the CBOR data item");
      return value;
    } catch (RuntimeException | StackOverflowError e) {
      // a value class rejected decoded content (bad uuid, datetime out of range, ...)
      throw new CborException("invalid SurrealDB value: " + e.getMessage() + " at byte "
          + p.currentLocation().getByteOffset(), e);
    }
  }

  /** The value starting at token {@code t}; {@code depth} counts the enclosing arrays and maps. */
  private Object read(CBORParser p, JsonToken t, int depth) throws IOException {
    CBORParser.TagList tags = p.getCurrentTags();
    if (tags.isEmpty()) return readUntagged(p, t, depth);
    if (tags.size() > 1) throw error(p, "tag " + tags.getFirstTag() + " wraps another tag");
    return readTagged(p, t, tags.getFirstTag(), depth);
  }

  private Object readUntagged(CBORParser p, JsonToken t, int depth) throws IOException {
    switch (t) {
      case VALUE_STRING: return p.getText();
      case VALUE_NUMBER_INT: return longValue(p);
      case START_OBJECT: return readMap(p, depth + 1);
      case START_ARRAY: return readList(p, depth + 1);
      case VALUE_NUMBER_FLOAT:
        if (p.getNumberType() == CBORParser.NumberType.BIG_DECIMAL) throw error(p, "CBOR decimal fraction (tag 4) is not supported");
        return p.getDoubleValue();
      case VALUE_TRUE: return Boolean.TRUE;
      case VALUE_FALSE: return Boolean.FALSE;
      case VALUE_NULL: return null;
      case VALUE_EMBEDDED_OBJECT:
        Object o = p.getEmbeddedObject();
        if (!(o instanceof byte[] b)) throw error(p, "unsupported CBOR simple value " + o);
        if (b.length > limits.maxStringLength()) throw error(p, "byte string exceeds maxStringLength " + limits.maxStringLength());
        return b;
      default: throw error(p, "unexpected " + t);
    }
  }

  private static Long longValue(CBORParser p) throws IOException {
    CBORParser.NumberType type = p.getNumberType();
    if (type != CBORParser.NumberType.INT && type != CBORParser.NumberType.LONG) {
      throw error(p, "integer outside i64 (or a CBOR bignum): " + p.getBigIntegerValue());
    }
    return p.getLongValue();
  }

  private List<Object> readList(CBORParser p, int depth) throws IOException {
    if (depth > limits.maxDepth()) throw error(p, "nesting deeper than maxDepth " + limits.maxDepth());
    int declared = declaredLength(p);
    if (declared >= 0 && declared <= PRESIZE_CAP) {
      // the usual case: a definite length, so one exact array (the parser ends the array after it)
      Object[] items = new Object[declared];
      JsonToken t;
      int n = 0;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) throw error(p, "truncated array");
        if (n == declared) throw error(p, "more items than the declared " + declared);
        items[n++] = read(p, t, depth);
      }
      if (n != declared) throw error(p, "fewer items than the declared " + declared);
      return new SmallList(items);
    }
    ArrayList<Object> list = new ArrayList<>(declared < 0 ? 8 : PRESIZE_CAP);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) throw error(p, "truncated array");
      if (list.size() == limits.maxArrayLength()) throw error(p, "array exceeds maxArrayLength " + limits.maxArrayLength());
      list.add(read(p, t, depth));
    }
    return Collections.unmodifiableList(list);
  }

  private Map<String, Object> readMap(CBORParser p, int depth) throws IOException {
    if (depth > limits.maxDepth()) throw error(p, "nesting deeper than maxDepth " + limits.maxDepth());
    int declared = declaredLength(p);
    if (declared >= 0 && declared <= SmallMap.MAX) {
      // records and statement results: a few keys, one array, no hash table
      SmallMap map = new SmallMap(declared);
      JsonToken t;
      int n = 0;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        if (n++ == declared) throw error(p, "more entries than the declared " + declared);
        if (!p.getCurrentTags().isEmpty()) throw error(p, "tagged map key");
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == null) throw error(p, "truncated map");
        map.add(key, read(p, v, depth));
      }
      if (t != JsonToken.END_OBJECT) throw error(p, t == null ? "truncated map" : "unexpected " + t + " in map");
      return map;
    }
    int capacity = declared < 0 ? 16 : (int) (Math.min(declared, PRESIZE_CAP) / 0.75f) + 1;
    LinkedHashMap<String, Object> map = new LinkedHashMap<>(capacity);
    JsonToken t;
    int n = 0;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      if (n++ == limits.maxArrayLength()) throw error(p, "map exceeds maxArrayLength " + limits.maxArrayLength());
      if (!p.getCurrentTags().isEmpty()) throw error(p, "tagged map key");
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (v == null) throw error(p, "truncated map");
      map.put(key, read(p, v, depth));
    }
    if (t != JsonToken.END_OBJECT) throw error(p, t == null ? "truncated map" : "unexpected " + t + " in map");
    return Collections.unmodifiableMap(map);
  }

  /** Entries the current array or map declares, -1 if indefinite; checked against the limit. */
  private int declaredLength(CBORParser p) throws CborException {
    CBORReadContext ctx = p.getParsingContext();
    if (!ctx.hasExpectedLength()) return -1;
    int n = ctx.getExpectedLength();
    if (n > limits.maxArrayLength()) {
      throw error(p, "declared length " + n + " exceeds maxArrayLength " + limits.maxArrayLength());
    }
    return n;
  }

  private Object readTagged(CBORParser p, JsonToken t, int tag, int depth) throws IOException {
    switch (tag) {
      case NONE:
        if (t != JsonToken.VALUE_NULL) throw error(p, "tag 6 (NONE) must wrap null");
        return None.NONE;
      case DATETIME:
      case DURATION: return readSecondsNanos(p, t, tag);
      case UUID_BYTES: {
        if (t != JsonToken.VALUE_EMBEDDED_OBJECT || !(p.getEmbeddedObject() instanceof byte[] b) || b.length != 16) {
          throw error(p, "tag 37 (uuid) must wrap 16 bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong());
      }
      case RECORD_ID: return readRecordId(p, t, depth);
      case DECIMAL: {
        String s = text(p, t, tag);
        if (s.length() > MAX_DECIMAL_LENGTH) throw error(p, "decimal longer than " + MAX_DECIMAL_LENGTH + " characters");
        BigDecimal d;
        try {
          d = new BigDecimal(s);
        } catch (NumberFormatException e) {
          throw error(p, "tag 10 (decimal) must wrap a decimal number, not \"" + abbreviate(s) + "\"");
        }
        // SurrealDB's decimals have at most 28 digits after the point; a bounded exponent keeps every
        // getter (toPlainString, setScale, longValue) cheap whatever a peer sends
        if (Math.abs((long) d.scale()) > MAX_DECIMAL_SCALE) {
          throw error(p, "decimal " + abbreviate(s) + " has an exponent beyond ±" + MAX_DECIMAL_SCALE);
        }
        return d;
      }
      case TABLE: return new Table(text(p, t, tag));
      case UUID_TEXT: return UUID.fromString(text(p, t, tag));
      case DATETIME_TEXT: return OffsetDateTime.parse(text(p, t, tag)).toInstant();
      case DURATION_TEXT: return Durations.parse(text(p, t, tag));
      case FUTURE: return new Future(text(p, t, tag));
      case INCLUDED:
      case EXCLUDED: throw error(p, "range bound (tag " + tag + ") outside a range");
      case RANGE: return readRange(p, t, depth);
      case FILE: {
        List<Object> a = content(p, t, tag, depth);
        if (a.size() != 2 || !(a.get(0) instanceof String bucket) || !(a.get(1) instanceof String key)) {
          throw error(p, "tag 55 (file) must wrap [bucket, key]");
        }
        return new SurrealFile(bucket, key);
      }
      case SET: return SurrealSet.copyOf(content(p, t, tag, depth));
      case POINT: return point(p, content(p, t, tag, depth));
      case LINE: return new GeometryLine(parts(p, content(p, t, tag, depth), GeometryPoint.class, tag));
      case POLYGON: return new GeometryPolygon(parts(p, content(p, t, tag, depth), GeometryLine.class, tag));
      case MULTI_POINT: return new GeometryMultiPoint(parts(p, content(p, t, tag, depth), GeometryPoint.class, tag));
      case MULTI_LINE: return new GeometryMultiLine(parts(p, content(p, t, tag, depth), GeometryLine.class, tag));
      case MULTI_POLYGON: return new GeometryMultiPolygon(parts(p, content(p, t, tag, depth), GeometryPolygon.class, tag));
      case COLLECTION: return new GeometryCollection(parts(p, content(p, t, tag, depth), Geometry.class, tag));
      default: throw error(p, "unknown CBOR tag " + tag);
    }
  }

  /** Tag 8, {@code [table, key]}, read without an intermediate list: record ids are everywhere. */
  private RecordId readRecordId(CBORParser p, JsonToken t, int depth) throws IOException {
    if (t == JsonToken.VALUE_STRING) return RecordId.parse(p.getText());
    if (t != JsonToken.START_ARRAY || depth + 1 > limits.maxDepth() || p.nextToken() != JsonToken.VALUE_STRING
        || !p.getCurrentTags().isEmpty()) {
      throw error(p, "tag 8 (record id) must wrap [table, key]");
    }
    String table = p.getText();
    JsonToken k = p.nextToken();
    if (k == null || k == JsonToken.END_ARRAY) throw error(p, "tag 8 (record id) must wrap [table, key]");
    Object key = read(p, k, depth + 1);
    if (p.nextToken() != JsonToken.END_ARRAY) throw error(p, "tag 8 (record id) must wrap [table, key]");
    return new RecordId(table, key);
  }

  private static String text(CBORParser p, JsonToken t, int tag) throws IOException {
    if (t != JsonToken.VALUE_STRING) throw error(p, "tag " + tag + " must wrap text");
    return p.getText();
  }

  private List<Object> content(CBORParser p, JsonToken t, int tag, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) throw error(p, "tag " + tag + " must wrap an array");
    return readList(p, depth + 1);
  }

  /** Tags 12 and 14, {@code [] | [s] | [s, ns]}, read straight from the parser. */
  private static Object readSecondsNanos(CBORParser p, JsonToken t, int tag) throws IOException {
    if (t != JsonToken.START_ARRAY) throw error(p, "tag " + tag + " must wrap [seconds, nanoseconds]");
    long secs = 0;
    long nanos = 0;
    int n = 0;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_NUMBER_INT || !p.getCurrentTags().isEmpty() || n == 2) {
        throw error(p, "tag " + tag + " must wrap [seconds, nanoseconds]");
      }
      if (n++ == 0) secs = longValue(p);
      else nanos = longValue(p);
    }
    if (tag == DATETIME) return Instant.ofEpochSecond(secs, nanos);
    if (secs < 0 || nanos < 0) throw error(p, "negative duration");
    return Duration.ofSeconds(secs, nanos);
  }

  private Range readRange(CBORParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_ARRAY) throw error(p, "tag 49 (range) must wrap [begin, end]");
    if (depth + 1 > limits.maxDepth()) throw error(p, "nesting deeper than maxDepth " + limits.maxDepth());
    Bound begin = readBound(p, depth + 1);
    Bound end = readBound(p, depth + 1);
    if (p.nextToken() != JsonToken.END_ARRAY) throw error(p, "tag 49 (range) must wrap [begin, end]");
    return new Range(begin, end);
  }

  private Bound readBound(CBORParser p, int depth) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) throw error(p, "truncated range");
    CBORParser.TagList tags = p.getCurrentTags();
    int kind = tags.getFirstTag();
    if (kind < 0 && t == JsonToken.VALUE_NULL) return Bound.UNBOUNDED;
    if ((kind != INCLUDED && kind != EXCLUDED) || tags.size() > 2) {
      throw error(p, "range bound must be null or tagged 50 / 51");
    }
    Object value = tags.size() == 1 ? readUntagged(p, t, depth) : readTagged(p, t, innerTag(p, tags, kind), depth);
    if (value == null) throw error(p, "range bound value cannot be null");
    return kind == INCLUDED ? Bound.included(value) : Bound.excluded(value);
  }

  /** The tag under {@code outer}: TagList only offers contains(), so probe the value tags. */
  private static int innerTag(CBORParser p, CBORParser.TagList tags, int outer) throws CborException {
    for (int tag : VALUE_TAGS) if (tag != outer && tags.contains(tag)) return tag;
    throw error(p, "unknown CBOR tag inside tag " + outer);
  }

  private static GeometryPoint point(CBORParser p, List<Object> a) throws CborException {
    if (a.size() != 2 || !(a.get(0) instanceof Number x) || !(a.get(1) instanceof Number y)) {
      throw error(p, "tag 88 (point) must wrap [x, y]");
    }
    return new GeometryPoint(x.doubleValue(), y.doubleValue());
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> parts(CBORParser p, List<Object> items, Class<T> type, int tag) throws CborException {
    for (Object o : items) {
      if (!type.isInstance(o)) throw error(p, "tag " + tag + " must wrap an array of " + type.getSimpleName());
    }
    return (List<T>) items;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static CborException error(CBORParser p, String message) {
    return new CborException(message + " at byte " + p.currentLocation().getByteOffset());
  }

  /** Fails the read once more than {@code max} bytes have been consumed. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private long remaining;
    private final long max;
    private final TagChains tags = new TagChains();
    private final byte[] one = new byte[1];

    LimitedInputStream(InputStream in, long max) {
      super(in);
      this.remaining = max;
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        consumed(1);
        one[0] = (byte) b;
        tags.feed(one, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, remaining < len ? (int) remaining + 1 : len);
      if (n > 0) {
        consumed(n);
        tags.feed(buf, off, n);
      }
      return n;
    }

    private void consumed(long n) throws CborException {
      remaining -= n;
      if (remaining < 0) throw new CborException("frame exceeds maxFrameSize " + max);
    }

    @Override
    public long skip(long n) throws IOException { // read, not skipped: the tag scan sees every byte
      int r = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
      return Math.max(r, 0);
    }
  }
}

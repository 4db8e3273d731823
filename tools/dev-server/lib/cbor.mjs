// A tiny CBOR (RFC 8949) toolkit for the dev server: enough to splice requests and
// responses without decoding them, to decode small values and to encode plain JS values.
//
//   skip(buf, off)        -> end offset of the item starting at off (validating, bounded)
//   decode(buf, options)  -> JS value (tags via options.tag, default: Tagged instances)
//   encode(value)         -> Buffer (plain JS values, Tagged, Raw, Map, Uint8Array, bigint)
//
// Everything that reads input throws CborError on malformed or truncated data.

export class CborError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CborError';
  }
}

/** A CBOR tag around a value. */
export class Tagged {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

/** Bytes that are already CBOR: copied verbatim by encode(). */
export class Raw {
  constructor(bytes) {
    this.bytes = bytes;
  }
}

/** Default nesting limit for skip() and decode(). */
export const MAX_DEPTH = 256;

const EMPTY = Buffer.alloc(0);

/** Wraps any Uint8Array-like input as a Buffer without copying. */
export function asBuffer(data) {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (Array.isArray(data)) return Buffer.concat(data.map(asBuffer));
  throw new TypeError('expected bytes');
}

// ---------------------------------------------------------------------------------
// Head parsing. Results go into module-level scratch variables to avoid allocation.

let argVal = 0; // the head's argument (length, count, int value, tag number) as a Number
let argBig = null; // set when an 8-byte argument does not fit a safe integer
let argNext = 0; // offset just past the head

function truncated() {
  return new CborError('Truncated CBOR data');
}

/** Reads the argument of the head at off (ai must be < 28). */
function readArg(buf, off, ai) {
  argBig = null;
  if (ai < 24) {
    argVal = ai;
    argNext = off + 1;
    return;
  }
  switch (ai) {
    case 24:
      if (off + 2 > buf.length) throw truncated();
      argVal = buf[off + 1];
      argNext = off + 2;
      return;
    case 25:
      if (off + 3 > buf.length) throw truncated();
      argVal = buf.readUInt16BE(off + 1);
      argNext = off + 3;
      return;
    case 26:
      if (off + 5 > buf.length) throw truncated();
      argVal = buf.readUInt32BE(off + 1);
      argNext = off + 5;
      return;
    case 27: {
      if (off + 9 > buf.length) throw truncated();
      const hi = buf.readUInt32BE(off + 1);
      const lo = buf.readUInt32BE(off + 5);
      if (hi < 0x200000) {
        argVal = hi * 0x100000000 + lo;
      } else {
        argBig = (BigInt(hi) << 32n) | BigInt(lo);
        argVal = Number.MAX_SAFE_INTEGER + 1; // marks "too large"
      }
      argNext = off + 9;
      return;
    }
    default:
      throw new CborError(`Invalid CBOR additional information ${ai}`);
  }
}

// ---------------------------------------------------------------------------------
// skip

/**
 * Returns the offset just past the CBOR item that starts at `off`.
 * Validates structure (bounds, reserved values, indefinite-length rules, depth).
 */
export function skip(buf, off = 0, maxDepth = MAX_DEPTH) {
  return skipItem(buf, off, 0, maxDepth);
}

function skipItem(buf, off, depth, maxDepth) {
  if (depth > maxDepth) throw new CborError('CBOR nesting too deep');
  const len = buf.length;
  if (off >= len) throw truncated();
  const ib = buf[off];
  const major = ib >> 5;
  const ai = ib & 31;
  if (ai === 31) {
    off++;
    switch (major) {
      case 2:
      case 3:
        for (;;) {
          if (off >= len) throw truncated();
          const b = buf[off];
          if (b === 0xff) return off + 1;
          if (b >> 5 !== major || (b & 31) === 31) throw new CborError('Invalid chunk in indefinite-length string');
          readArg(buf, off, b & 31);
          if (argVal > len - argNext) throw truncated();
          off = argNext + argVal;
        }
      case 4:
        for (;;) {
          if (off >= len) throw truncated();
          if (buf[off] === 0xff) return off + 1;
          off = skipItem(buf, off, depth + 1, maxDepth);
        }
      case 5:
        for (;;) {
          if (off >= len) throw truncated();
          if (buf[off] === 0xff) return off + 1;
          off = skipItem(buf, off, depth + 1, maxDepth);
          off = skipItem(buf, off, depth + 1, maxDepth);
        }
      case 7:
        throw new CborError('Unexpected CBOR break');
      default:
        throw new CborError(`Invalid indefinite length for major type ${major}`);
    }
  }
  readArg(buf, off, ai);
  switch (major) {
    case 0:
    case 1:
      return argNext;
    case 2:
    case 3:
      if (argVal > len - argNext) throw truncated();
      return argNext + argVal;
    case 4: {
      const n = argVal;
      if (n > len - argNext) throw truncated();
      let p = argNext;
      for (let i = 0; i < n; i++) p = skipItem(buf, p, depth + 1, maxDepth);
      return p;
    }
    case 5: {
      const n = argVal;
      if (n * 2 > len - argNext) throw truncated();
      let p = argNext;
      for (let i = 0; i < n; i++) {
        p = skipItem(buf, p, depth + 1, maxDepth);
        p = skipItem(buf, p, depth + 1, maxDepth);
      }
      return p;
    }
    case 6:
      return skipItem(buf, argNext, depth + 1, maxDepth);
    default: // 7: simple values and floats; the argument is the payload
      if (ai === 24 && argVal < 32) throw new CborError('Invalid two-byte simple value');
      return argNext;
  }
}

// ---------------------------------------------------------------------------------
// Map header helpers for splicing

/**
 * Reads the header of a definite-length map at off: returns {count, next} or null when the
 * item is not a map. Indefinite-length maps return {count: -1, next}.
 */
export function readMapHeader(buf, off = 0) {
  if (off >= buf.length) throw truncated();
  const ib = buf[off];
  if (ib >> 5 !== 5) return null;
  if ((ib & 31) === 31) return { count: -1, next: off + 1 };
  readArg(buf, off, ib & 31);
  return { count: argVal, next: argNext };
}

/**
 * Walks the entries of a top-level map. Calls fn(key, valueStart, valueEnd) for every entry
 * whose key is a text string (other keys are passed as key = undefined).
 * Returns the offset just past the map. Throws CborError if the item is not a map.
 */
export function forEachMapEntry(buf, off, fn, maxDepth = MAX_DEPTH) {
  const head = readMapHeader(buf, off);
  if (!head) throw new CborError('Expected a CBOR map');
  let p = head.next;
  const indefinite = head.count < 0;
  for (let i = 0; indefinite || i < head.count; i++) {
    if (indefinite) {
      if (p >= buf.length) throw truncated();
      if (buf[p] === 0xff) return p + 1;
    }
    const keyStart = p;
    const keyEnd = skipItem(buf, p, 1, maxDepth);
    let key;
    const kb = buf[keyStart];
    if (kb >> 5 === 3 && (kb & 31) !== 31) {
      readArg(buf, keyStart, kb & 31);
      key = buf.toString('utf8', argNext, keyEnd);
    }
    const valueEnd = skipItem(buf, keyEnd, 1, maxDepth);
    fn(key, keyEnd, valueEnd, keyStart);
    p = valueEnd;
  }
  return p;
}

/** Encodes a major-type head (e.g. a map header with n entries) into a Buffer. */
export function head(major, n) {
  const e = new Encoder(16);
  e.writeHead(major, n);
  return e.finish();
}

/** Encodes a text string (e.g. a map key). */
export function textBytes(s) {
  const e = new Encoder(s.length + 9);
  e.writeText(s);
  return e.finish();
}

// ---------------------------------------------------------------------------------
// decode

function halfToFloat(h) {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}

function setKey(obj, key, value) {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

const keepTagged = (tag, value) => new Tagged(tag, value);

/**
 * Decodes one CBOR item from buf (the whole buffer must be that item unless
 * options.allowTrailing). options.tag(tagNumber, decodedValue) maps tags (default: Tagged).
 * Maps become plain objects (non-text keys stringified) unless options.maps === true.
 */
export function decode(data, options = {}) {
  const buf = asBuffer(data);
  const ctx = {
    buf,
    tag: options.tag || keepTagged,
    maps: options.maps === true,
    maxDepth: options.maxDepth ?? MAX_DEPTH,
  };
  const [value, end] = decodeItem(ctx, options.offset || 0, 0);
  if (end !== buf.length && !options.allowTrailing) throw new CborError('Trailing bytes after CBOR item');
  return value;
}

/** Decodes one item at offset; returns [value, endOffset]. */
export function decodeAt(data, offset, options = {}) {
  const buf = asBuffer(data);
  const ctx = { buf, tag: options.tag || keepTagged, maps: options.maps === true, maxDepth: options.maxDepth ?? MAX_DEPTH };
  return decodeItem(ctx, offset, 0);
}

function decodeItem(ctx, off, depth) {
  const { buf } = ctx;
  if (depth > ctx.maxDepth) throw new CborError('CBOR nesting too deep');
  if (off >= buf.length) throw truncated();
  const ib = buf[off];
  const major = ib >> 5;
  const ai = ib & 31;
  if (ai === 31) {
    let p = off + 1;
    switch (major) {
      case 2:
      case 3: {
        const chunks = [];
        for (;;) {
          if (p >= buf.length) throw truncated();
          if (buf[p] === 0xff) {
            p++;
            break;
          }
          if (buf[p] >> 5 !== major || (buf[p] & 31) === 31) throw new CborError('Invalid chunk in indefinite-length string');
          readArg(buf, p, buf[p] & 31);
          if (argVal > buf.length - argNext) throw truncated();
          chunks.push(buf.subarray(argNext, argNext + argVal));
          p = argNext + argVal;
        }
        const all = Buffer.concat(chunks);
        return [major === 2 ? new Uint8Array(all) : all.toString('utf8'), p];
      }
      case 4: {
        const arr = [];
        for (;;) {
          if (p >= buf.length) throw truncated();
          if (buf[p] === 0xff) return [arr, p + 1];
          const [v, n] = decodeItem(ctx, p, depth + 1);
          arr.push(v);
          p = n;
        }
      }
      case 5: {
        const obj = ctx.maps ? new Map() : {};
        for (;;) {
          if (p >= buf.length) throw truncated();
          if (buf[p] === 0xff) return [obj, p + 1];
          const [k, n1] = decodeItem(ctx, p, depth + 1);
          const [v, n2] = decodeItem(ctx, n1, depth + 1);
          if (ctx.maps) obj.set(k, v);
          else setKey(obj, typeof k === 'string' ? k : String(k), v);
          p = n2;
        }
      }
      case 7:
        throw new CborError('Unexpected CBOR break');
      default:
        throw new CborError(`Invalid indefinite length for major type ${major}`);
    }
  }
  readArg(buf, off, ai);
  const next = argNext;
  switch (major) {
    case 0:
      return [argBig !== null ? argBig : argVal, next];
    case 1:
      return [argBig !== null ? -1n - argBig : -1 - argVal, next];
    case 2:
      if (argVal > buf.length - next) throw truncated();
      return [new Uint8Array(buf.subarray(next, next + argVal)), next + argVal];
    case 3:
      if (argVal > buf.length - next) throw truncated();
      return [buf.toString('utf8', next, next + argVal), next + argVal];
    case 4: {
      const n = argVal;
      if (n > buf.length - next) throw truncated();
      const arr = new Array(n);
      let p = next;
      for (let i = 0; i < n; i++) {
        const [v, q] = decodeItem(ctx, p, depth + 1);
        arr[i] = v;
        p = q;
      }
      return [arr, p];
    }
    case 5: {
      const n = argVal;
      if (n * 2 > buf.length - next) throw truncated();
      const obj = ctx.maps ? new Map() : {};
      let p = next;
      for (let i = 0; i < n; i++) {
        const [k, q1] = decodeItem(ctx, p, depth + 1);
        const [v, q2] = decodeItem(ctx, q1, depth + 1);
        if (ctx.maps) obj.set(k, v);
        else setKey(obj, typeof k === 'string' ? k : String(k), v);
        p = q2;
      }
      return [obj, p];
    }
    case 6: {
      const tagNo = argBig !== null ? argBig : argVal;
      const [v, q] = decodeItem(ctx, next, depth + 1);
      return [ctx.tag(tagNo, v), q];
    }
    default:
      switch (ai) {
        case 20:
          return [false, next];
        case 21:
          return [true, next];
        case 22:
          return [null, next];
        case 23:
          return [undefined, next];
        case 25:
          return [halfToFloat(argVal), next];
        case 26:
          return [buf.readFloatBE(off + 1), next];
        case 27:
          return [buf.readDoubleBE(off + 1), next];
        default:
          if (ai === 24 && argVal < 32) throw new CborError('Invalid two-byte simple value');
          return [new Tagged('simple', argVal), next];
      }
  }
}

// ---------------------------------------------------------------------------------
// encode

export class Encoder {
  constructor(size = 256) {
    this.buf = Buffer.allocUnsafe(size);
    this.pos = 0;
  }

  ensure(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.pos);
    this.buf = nb;
  }

  writeHead(major, n) {
    const m = major << 5;
    this.ensure(9);
    const b = this.buf;
    if (typeof n === 'bigint') {
      if (n < 0n || n > 0xffffffffffffffffn) throw new RangeError('CBOR argument out of range');
      if (n <= BigInt(Number.MAX_SAFE_INTEGER)) return this.writeHead(major, Number(n));
      b[this.pos++] = m | 27;
      b.writeBigUInt64BE(n, this.pos);
      this.pos += 8;
      return;
    }
    if (n < 24) {
      b[this.pos++] = m | n;
    } else if (n < 0x100) {
      b[this.pos++] = m | 24;
      b[this.pos++] = n;
    } else if (n < 0x10000) {
      b[this.pos++] = m | 25;
      b.writeUInt16BE(n, this.pos);
      this.pos += 2;
    } else if (n < 0x100000000) {
      b[this.pos++] = m | 26;
      b.writeUInt32BE(n, this.pos);
      this.pos += 4;
    } else {
      b[this.pos++] = m | 27;
      b.writeUInt32BE(Math.floor(n / 0x100000000), this.pos);
      b.writeUInt32BE(n >>> 0, this.pos + 4);
      this.pos += 8;
    }
  }

  writeText(s) {
    const n = Buffer.byteLength(s, 'utf8');
    this.writeHead(3, n);
    this.ensure(n);
    this.buf.write(s, this.pos, 'utf8');
    this.pos += n;
  }

  writeBytes(bytes, major = 2) {
    if (major !== null) this.writeHead(major, bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Appends bytes that are already CBOR. */
  writeRaw(bytes) {
    this.writeBytes(bytes, null);
  }

  write(v, depth = 0) {
    if (depth > MAX_DEPTH) throw new RangeError('Value nested too deeply to encode');
    switch (typeof v) {
      case 'undefined':
        this.ensure(2);
        this.buf[this.pos++] = 0xc6; // tag 6 (NONE) ...
        this.buf[this.pos++] = 0xf6; // ... around null
        return;
      case 'boolean':
        this.ensure(1);
        this.buf[this.pos++] = v ? 0xf5 : 0xf4;
        return;
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
          if (v >= 0) this.writeHead(0, v);
          else this.writeHead(1, -1 - v);
        } else {
          this.ensure(9);
          this.buf[this.pos++] = 0xfb;
          this.buf.writeDoubleBE(v, this.pos);
          this.pos += 8;
        }
        return;
      case 'bigint':
        if (v >= 0n) this.writeHead(0, v);
        else this.writeHead(1, -1n - v);
        return;
      case 'string':
        this.writeText(v);
        return;
      case 'object':
        break;
      default:
        throw new TypeError(`Cannot encode ${typeof v} as CBOR`);
    }
    if (v === null) {
      this.ensure(1);
      this.buf[this.pos++] = 0xf6;
    } else if (v instanceof Raw) {
      this.writeRaw(v.bytes);
    } else if (v instanceof Tagged) {
      this.writeHead(6, v.tag);
      this.write(v.value, depth + 1);
    } else if (v instanceof Uint8Array) {
      this.writeBytes(v);
    } else if (v instanceof ArrayBuffer) {
      this.writeBytes(new Uint8Array(v));
    } else if (Array.isArray(v)) {
      this.writeHead(4, v.length);
      for (const x of v) this.write(x, depth + 1);
    } else if (v instanceof Map) {
      this.writeHead(5, v.size);
      for (const [k, x] of v) {
        this.write(k, depth + 1);
        this.write(x, depth + 1);
      }
    } else if (v instanceof Date) {
      this.writeHead(6, 0);
      this.writeText(v.toISOString());
    } else {
      const keys = Object.keys(v);
      this.writeHead(5, keys.length);
      for (const k of keys) {
        this.writeText(k);
        this.write(v[k], depth + 1);
      }
    }
  }

  finish() {
    return this.buf.subarray(0, this.pos);
  }
}

/** Encodes a JS value as CBOR. */
export function encode(value) {
  const e = new Encoder();
  e.write(value);
  return e.finish();
}

// ---------------------------------------------------------------------------------
// UUID helpers

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidToString(bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 16) throw new CborError('Invalid UUID bytes');
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[bytes[i]];
  }
  return s;
}

export function uuidFromString(s) {
  const hex = String(s).replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new CborError(`Invalid UUID: ${s}`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/** A tag-37 UUID value (what SurrealDB sends and accepts for uuids). */
export function uuidTag(s) {
  return new Tagged(37, typeof s === 'string' ? uuidFromString(s) : s);
}

export { EMPTY };

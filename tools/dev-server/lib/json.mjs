// SurrealDB CBOR values -> JSON text, the way /sql answers in JSON:
// record id -> "table:key", datetime -> ISO 8601 string, uuid -> string, decimal -> string,
// duration -> "1h2m", NONE -> dropped from objects / null in arrays, geometry -> GeoJSON,
// range -> "a..b" text, set -> array, bytes -> array of numbers.

import { decode, Tagged, uuidToString } from './cbor.mjs';

const NONE = Symbol('NONE');

/** Rust-style duration text from [secs, nanos] (SurrealDB's Display). */
export function formatDuration(secs = 0, nanos = 0) {
  let s = BigInt(secs);
  let ns = BigInt(nanos);
  if (s === 0n && ns === 0n) return '0ns';
  let out = '';
  const units = [
    ['y', 365n * 86400n],
    ['w', 7n * 86400n],
    ['d', 86400n],
    ['h', 3600n],
    ['m', 60n],
    ['s', 1n],
  ];
  for (const [u, n] of units) {
    const q = s / n;
    if (q > 0n) {
      out += `${q}${u}`;
      s -= q * n;
    }
  }
  const ms = ns / 1000000n;
  ns -= ms * 1000000n;
  const us = ns / 1000n;
  ns -= us * 1000n;
  if (ms > 0n) out += `${ms}ms`;
  if (us > 0n) out += `${us}µs`;
  if (ns > 0n) out += `${ns}ns`;
  return out;
}

/** RFC 3339 text (UTC, 'Z') from [secs, nanos] with 0, 3, 6 or 9 fraction digits. */
export function formatDatetime(secs = 0, nanos = 0) {
  const ms = Number(secs) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return `${secs}s${nanos}ns`;
  const base = d.toISOString().slice(0, 19);
  let frac = '';
  const n = Number(nanos);
  if (n !== 0) {
    if (n % 1000000 === 0) frac = `.${String(n / 1000000).padStart(3, '0')}`;
    else if (n % 1000 === 0) frac = `.${String(n / 1000).padStart(6, '0')}`;
    else frac = `.${String(n).padStart(9, '0')}`;
  }
  return `${base}${frac}Z`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function escapeIdent(s) {
  if (IDENT.test(s)) return s;
  return `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

function sqlValue(v) {
  if (v === null) return 'NULL';
  if (v === NONE) return 'NONE';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(sqlValue).join(', ')}]`;
  if (v instanceof RecordIdText) return v.text;
  if (v instanceof Text) return v.text;
  if (typeof v === 'object') {
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${escapeIdent(k)}: ${sqlValue(x)}`)
      .join(', ')} }`;
  }
  return String(v);
}

class RecordIdText {
  constructor(text) {
    this.text = text;
  }
  toJSON() {
    return this.text;
  }
}

class Text {
  constructor(text) {
    this.text = text;
  }
  toJSON() {
    return this.text;
  }
}

function keyText(k) {
  if (typeof k === 'number' || typeof k === 'bigint') return String(k);
  if (typeof k === 'string') {
    if (IDENT.test(k)) return k;
    return `\`${k.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
  }
  if (k instanceof Text && k.uuid) return `u'${k.text}'`;
  if (k instanceof RangeText) return k.text;
  return sqlValue(k);
}

class RangeText extends Text {}

function boundText(b, side) {
  if (b === null || b === NONE || b === undefined) return '';
  if (b instanceof Tagged) {
    if (b.tag === 50) return side === 'lo' ? keyText(b.value) : `=${keyText(b.value)}`;
    if (b.tag === 51) return side === 'lo' ? `${keyText(b.value)}>` : keyText(b.value);
  }
  return keyText(b);
}

function geo(tag, v) {
  switch (tag) {
    case 88:
      return { type: 'Point', coordinates: v };
    case 89:
      return { type: 'LineString', coordinates: v.map((p) => p.coordinates ?? p) };
    case 90:
      return { type: 'Polygon', coordinates: v.map((l) => l.coordinates ?? l) };
    case 91:
      return { type: 'MultiPoint', coordinates: v.map((p) => p.coordinates ?? p) };
    case 92:
      return { type: 'MultiLineString', coordinates: v.map((l) => l.coordinates ?? l) };
    case 93:
      return { type: 'MultiPolygon', coordinates: v.map((p) => p.coordinates ?? p) };
    default:
      return { type: 'GeometryCollection', geometries: v };
  }
}

/** Tag mapper for decode(): SurrealDB tags to JSON-friendly values. */
export function jsonTag(tag, v) {
  switch (tag) {
    case 0: // datetime text
    case 7: // table
    case 9: // uuid text
    case 10: // decimal
    case 13: // duration text
      return v;
    case 6:
      return NONE;
    case 8: {
      const [tb, key] = Array.isArray(v) ? v : [String(v), ''];
      return new RecordIdText(`${escapeIdent(String(tb))}:${keyText(key)}`);
    }
    case 12:
      return Array.isArray(v) ? formatDatetime(v[0], v[1]) : v;
    case 14:
      return Array.isArray(v) ? formatDuration(v[0] ?? 0, v[1] ?? 0) : v;
    case 37: {
      if (v instanceof Uint8Array && v.length === 16) {
        const t = new Text(uuidToString(v));
        t.uuid = true;
        return t;
      }
      return v;
    }
    case 49:
      return new RangeText(`${boundText(v?.[0], 'lo')}..${boundText(v?.[1], 'hi')}`);
    case 50:
    case 51:
      return new Tagged(tag, v);
    case 55:
      return Array.isArray(v) ? `${v[0]}:${v[1]}` : v;
    case 56:
      return v;
    case 88:
    case 89:
    case 90:
    case 91:
    case 92:
    case 93:
    case 94:
      return geo(tag, v);
    default:
      return v;
  }
}

/** JSON text for a decoded value (bigint kept exact, NONE dropped from objects). */
export function stringify(v) {
  const parts = [];
  write(v, parts);
  return parts.join('');
}

function write(v, out) {
  if (v === null || v === undefined || v === NONE) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(JSON.stringify(v));
      return;
    case 'number':
      out.push(Number.isFinite(v) ? JSON.stringify(v) : 'null');
      return;
    case 'bigint':
      out.push(v.toString());
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    default:
      break;
  }
  if (v instanceof Text || v instanceof RecordIdText) {
    out.push(JSON.stringify(v.text));
  } else if (v instanceof Tagged) {
    write(v.value, out);
  } else if (v instanceof Uint8Array) {
    out.push(JSON.stringify(Array.from(v)));
  } else if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i) out.push(',');
      write(v[i], out);
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x === NONE || x === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(x, out);
    }
    out.push('}');
  }
}

/** CBOR bytes -> JSON text. */
export function cborToJson(buf) {
  return stringify(decode(buf, { tag: jsonTag }));
}

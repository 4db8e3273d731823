// RPC message plumbing: read the top level of a CBOR request without decoding its values,
// re-emit it with an extra `session` entry, frame engine answers as {id, result|error}
// by copying raw bytes, and build the server's own error answers.

import {
  CborError,
  Tagged,
  forEachMapEntry,
  readMapHeader,
  head,
  textBytes,
  encode,
  decodeAt,
  skip,
  uuidToString,
} from './cbor.mjs';

const KEY_ID = textBytes('id');
const KEY_RESULT = textBytes('result');
const KEY_ERROR = textBytes('error');
const KEY_SESSION = textBytes('session');
const MAP1 = Buffer.from([0xa1]);
const MAP2 = Buffer.from([0xa2]);

const NONE = new Tagged(6, null);

/**
 * Reads the top level of a request. Returns
 *   {method, idBytes, params: [start, end] | null, session: [start, end] | null,
 *    entries: [start, end], count}
 * or throws CborError for bytes that are not one well-formed CBOR item.
 * A well-formed item that is not a map yields {notMap: true}.
 */
export function parseRequest(buf) {
  if (buf.length === 0) throw new CborError('Empty message');
  const h = readMapHeader(buf, 0);
  if (!h) {
    if (skip(buf, 0) !== buf.length) throw new CborError('Trailing bytes after the CBOR request');
    return { notMap: true };
  }
  const req = {
    method: undefined,
    idBytes: null,
    params: null,
    session: null,
    sessionKeyStart: -1,
    sessionNone: false,
    entries: null,
    count: 0,
  };
  // One validating pass: every key and value is skipped (bounds, depth) exactly once.
  const end = forEachMapEntry(buf, 0, (key, vs, ve, ks) => {
    req.count++;
    switch (key) {
      case 'id':
        req.idBytes = buf.subarray(vs, ve);
        break;
      case 'method':
        if (buf[vs] >> 5 === 3) req.method = decodeAt(buf, vs)[0];
        break;
      case 'params':
        req.params = [vs, ve];
        break;
      case 'session':
        req.session = [vs, ve];
        req.sessionKeyStart = ks;
        // NONE / null / undefined mean "the connection's own session" (the JS SDK sends NONE)
        req.sessionNone =
          (ve - vs === 2 && buf[vs] === 0xc6 && buf[vs + 1] === 0xf6) || (ve - vs === 1 && (buf[vs] === 0xf6 || buf[vs] === 0xf7));
        break;
      default:
        break;
    }
  });
  if (end !== buf.length) throw new CborError('Trailing bytes after the CBOR request');
  req.entries = [h.next, h.count < 0 ? end - 1 : end];
  return req;
}

/** The `session` key plus a tag-37 UUID value, ready to append to a request map. */
export function sessionEntry(uuidBytes) {
  return Buffer.concat([KEY_SESSION, encode(new Tagged(37, uuidBytes))]);
}

/** Re-emits the request map with extra raw entries (each a key+value byte run) appended. */
export function withEntries(buf, req, ...extra) {
  const parts = [head(5, req.count + extra.length), buf.subarray(req.entries[0], req.entries[1]), ...extra];
  return Buffer.concat(parts);
}

/** Re-emits the request map with its `session` entry (if any) replaced by `entry`. */
export function replaceSession(buf, req, entry) {
  if (!req.session) return withEntries(buf, req, entry);
  return Buffer.concat([
    head(5, req.count),
    buf.subarray(req.entries[0], req.sessionKeyStart),
    buf.subarray(req.session[1], req.entries[1]),
    entry,
  ]);
}

/**
 * Reads a session value span as a lower-case hex UUID key. Accepts tag 37 (bytes),
 * tag 9 (text) and plain text. Returns null when the value is not a UUID.
 */
export function sessionKey(buf, start, end) {
  try {
    let [v] = decodeAt(buf.subarray(start, end), 0);
    if (v instanceof Tagged && (v.tag === 37 || v.tag === 9)) v = v.value;
    if (v instanceof Uint8Array && v.length === 16) return Buffer.from(v).toString('hex');
    if (typeof v === 'string' && /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(v)) {
      return v.replace(/-/g, '').toLowerCase();
    }
  } catch {
    // fall through
  }
  return null;
}

export function keyToUuid(hex) {
  return uuidToString(Buffer.from(hex, 'hex'));
}

/** Decodes element `index` of the request's params array (undefined when absent). */
export function param(buf, req, index) {
  if (!req.params) return undefined;
  const [s] = req.params;
  const b = buf[s];
  if (b >> 5 !== 4) return undefined;
  const ai = b & 31;
  let p;
  let n;
  if (ai < 24) {
    n = ai;
    p = s + 1;
  } else if (ai === 31) {
    n = Infinity;
    p = s + 1;
  } else {
    const h = decodeHeadLen(buf, s);
    n = h.n;
    p = h.p;
  }
  for (let i = 0; i < n; i++) {
    if (ai === 31 && buf[p] === 0xff) return undefined;
    if (i === index) return decodeAt(buf, p)[0];
    p = skip(buf, p);
  }
  return undefined;
}

function decodeHeadLen(buf, s) {
  const ai = buf[s] & 31;
  const bytes = { 24: 1, 25: 2, 26: 4, 27: 8 }[ai];
  let n = 0;
  for (let i = 1; i <= bytes; i++) n = n * 256 + buf[s + i];
  return { n, p: s + 1 + bytes };
}

/**
 * If the engine answer is {error: <map>} returns the offset of the inner map, else -1.
 * Checks only the first bytes: a one-entry map whose key is "error" and whose value is a map
 * carrying a "code" key (the engine's own error shape).
 */
export function errorOffset(res) {
  if (res.length < 9 || res[0] !== 0xa1) return -1;
  for (let i = 0; i < KEY_ERROR.length; i++) if (res[1 + i] !== KEY_ERROR[i]) return -1;
  const off = 1 + KEY_ERROR.length;
  if (res[off] >> 5 !== 5) return -1;
  try {
    let hasCode = false;
    forEachMapEntry(res, off, (k) => {
      if (k === 'code') hasCode = true;
    });
    return hasCode ? off : -1;
  } catch {
    return -1;
  }
}

/** Frames an engine answer as {id, result} / {id, error} without touching its bytes. */
export function frame(idBytes, res, errOff = errorOffset(res)) {
  const body = errOff >= 0 ? res.subarray(errOff) : res;
  const key = errOff >= 0 ? KEY_ERROR : KEY_RESULT;
  if (idBytes) return Buffer.concat([MAP2, KEY_ID, idBytes, key, body]);
  return Buffer.concat([MAP1, key, body]);
}

/** Frames a notification map as {result: <notification>}. */
export function frameNotification(map) {
  return Buffer.concat([MAP1, KEY_RESULT, map]);
}

// ---------------------------------------------------------------------------------
// The server's own errors (shaped like the 3.x engine's: code, kind, message, details)

export function errorValue(code, kind, message, details) {
  const e = { code, kind, message };
  if (details !== undefined) e.details = details;
  return e;
}

/** Frames {id?, error} from a JS error value. */
export function frameError(idBytes, errValue) {
  return frame(idBytes, encode({ error: errValue }), 1 + KEY_ERROR.length);
}

export const errors = {
  parse: (detail) => errorValue(-32700, 'Validation', `Parse error: ${detail}`, { kind: 'Parse' }),
  invalidRequest: (detail) => errorValue(-32600, 'Validation', `Invalid request: ${detail}`, { kind: 'InvalidRequest' }),
  invalidParams: (detail) => errorValue(-32603, 'Validation', detail, { kind: 'InvalidParams' }),
  notAllowed: (method) =>
    errorValue(-32002, 'NotAllowed', 'Not enough permissions to perform this action: you must sign in first', {
      kind: 'Auth',
      details: { kind: 'NotAllowed', details: { actor: 'anonymous', action: String(method), resource: 'rpc' } },
    }),
  methodNotAllowed: (method) =>
    errorValue(-32602, 'NotAllowed', `Method not allowed: '${method}' is not available over this transport`, {
      kind: 'Method',
      details: { name: String(method) },
    }),
  sessionNotFound: (uuid) =>
    errorValue(-32000, 'NotFound', `Session not found: ${uuid}`, { kind: 'Session', details: { id: uuid } }),
  internal: (message) => errorValue(-32000, 'Internal', message),
};

// ---------------------------------------------------------------------------------
// Live query ids in answers

/** A tag-37 UUID at [s, e) as a hex key, else null. */
export function uuidKeyAt(buf, s, e) {
  if (e - s === 19 && buf[s] === 0xd8 && buf[s + 1] === 0x25 && buf[s + 2] === 0x50) {
    return buf.toString('hex', s + 3, e);
  }
  return null;
}

/**
 * Live query ids in a `query` answer: statements with type "live" (3.x) or, when
 * `anyUuid` (2.x, which has no `type`), any OK statement whose result is a bare UUID.
 */
export function liveIdsInQueryResult(res, anyUuid) {
  const ids = [];
  const b = res[0];
  if (b >> 5 !== 4) return ids;
  let n;
  let p;
  const ai = b & 31;
  if (ai < 24) {
    n = ai;
    p = 1;
  } else if (ai === 31) {
    return ids;
  } else {
    ({ n, p } = decodeHeadLen(res, 0));
  }
  for (let i = 0; i < n; i++) {
    const end = skip(res, p);
    if (res[p] >> 5 === 5) {
      let isLive = false;
      let ok = false;
      let id = null;
      forEachMapEntry(res, p, (k, vs, ve) => {
        if (k === 'type') isLive = ve - vs === 5 && res.toString('latin1', vs, ve) === '\x64live';
        else if (k === 'status') ok = ve - vs === 3 && res.toString('latin1', vs, ve) === '\x62OK';
        else if (k === 'result') id = uuidKeyAt(res, vs, ve);
      });
      if (ok && id && (isLive || anyUuid)) ids.push(id);
    }
    p = end;
  }
  return ids;
}

export { NONE };

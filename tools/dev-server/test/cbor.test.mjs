import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode, decode, skip, Tagged, Raw, CborError, uuidTag, uuidToString } from '../lib/cbor.mjs';
import { parseRequest, replaceSession, sessionEntry, frame, errorOffset, param, liveIdsInQueryResult } from '../lib/rpc.mjs';
import { cborToJson, formatDuration, formatDatetime } from '../lib/json.mjs';

const hex = (h) => Buffer.from(h.replace(/\s+/g, ''), 'hex');

test('encode/decode round trip of plain values', () => {
  const v = {
    a: 1,
    b: -1,
    c: 1.5,
    d: 'héllo',
    e: [true, false, null],
    f: new Uint8Array([1, 2, 3]),
    g: 2n ** 63n,
    h: -(2n ** 63n),
    i: 4294967296,
    j: { nested: ['x'] },
  };
  const back = decode(encode(v));
  assert.equal(back.a, 1);
  assert.equal(back.b, -1);
  assert.equal(back.c, 1.5);
  assert.equal(back.d, 'héllo');
  assert.deepEqual(back.e, [true, false, null]);
  assert.deepEqual(Array.from(back.f), [1, 2, 3]);
  assert.equal(back.g, 2n ** 63n);
  assert.equal(back.h, -(2n ** 63n));
  assert.equal(back.i, 4294967296);
  assert.deepEqual(back.j, { nested: ['x'] });
});

test('tags, NONE, Raw passthrough', () => {
  const bytes = encode({ t: new Tagged(8, ['person', 1]), n: undefined, r: new Raw(encode('raw')) });
  const back = decode(bytes);
  assert.ok(back.t instanceof Tagged);
  assert.equal(back.t.tag, 8);
  assert.deepEqual(back.t.value, ['person', 1]);
  assert.ok(back.n instanceof Tagged && back.n.tag === 6 && back.n.value === null);
  assert.equal(back.r, 'raw');
});

test('skip handles every major type, indefinite lengths and half floats', () => {
  const samples = [
    '00', '17', '1818', '190100', '1a00010000', '1b0000000100000000', '20', '3bffffffffffffffff',
    '40', '4401020304', '60', '6449455446', '5f42010243030405ff', '7f657374726561646d696e67ff',
    '80', '83010203', '9f018202039f0405ffff', 'a0', 'a201020304', 'bf61610161629f0203ffff',
    'c11a514b67b0', 'd82550' + '00'.repeat(16), 'f4', 'f5', 'f6', 'f7', 'f820', 'f93c00', 'fa47c35000', 'fb3ff199999999999a',
  ];
  for (const s of samples) {
    const b = hex(s);
    assert.equal(skip(b, 0), b.length, s);
    decode(b); // must not throw either
  }
  assert.equal(decode(hex('f93c00')), 1);
  assert.equal(decode(hex('5f42010243030405ff')).length, 5);
  assert.equal(decode(hex('7f657374726561646d696e67ff')), 'streaming');
});

test('truncated and malformed input throws CborError', () => {
  const bad = ['', '18', '19 01', '44 0102', '83 0102', 'a2 0102 03', '5f 4201', '9f 01', 'bf 6161', 'd8', 'd8 25',
    '1c', '3f', 'ff', 'f8 10', '5f 01 ff', 'fb 0000'];
  for (const s of bad) {
    assert.throws(() => skip(hex(s), 0), CborError, s);
    assert.throws(() => decode(hex(s)), CborError, s);
  }
  // hostile declared lengths do not allocate or loop
  assert.throws(() => skip(hex('9b 00ffffffffffffff'), 0), CborError);
  assert.throws(() => skip(hex('5b 00ffffffffffffff'), 0), CborError);
  assert.throws(() => decode(hex('bb 00ffffffffffffff')), CborError);
  // depth limit
  const deep = Buffer.alloc(10_000, 0x81);
  assert.throws(() => skip(deep, 0), /too deep/);
  assert.throws(() => decode(deep), /too deep/);
  // trailing bytes
  assert.throws(() => decode(hex('01 02')), /Trailing/);
});

test('request splicing adds a session without touching other bytes', () => {
  const sid = uuidTag('0190b1a0-0000-7000-8000-000000000001');
  const req = encode({ id: 'abc', method: 'query', params: ['RETURN $x', { x: new Tagged(8, ['t', 1]) }] });
  const r = parseRequest(req);
  assert.equal(r.method, 'query');
  assert.equal(r.count, 3);
  const out = replaceSession(req, r, sessionEntry(sid.value));
  const back = decode(out);
  assert.equal(back.id, 'abc');
  assert.equal(back.method, 'query');
  assert.equal(uuidToString(back.session.value), '0190b1a0-0000-7000-8000-000000000001');
  assert.deepEqual(back.params[1].x.value, ['t', 1]);
  assert.equal(param(req, r, 0), 'RETURN $x');
  // an existing NONE session is replaced, not duplicated
  const withNone = encode({ id: 1, method: 'ping', session: undefined });
  const r2 = parseRequest(withNone);
  assert.ok(r2.sessionNone);
  const out2 = decode(replaceSession(withNone, r2, sessionEntry(sid.value)));
  assert.equal(Object.keys(out2).length, 3);
  assert.equal(out2.session.tag, 37);
  // indefinite-length request map
  const indef = Buffer.concat([hex('bf'), encode('id').subarray(0), encode(7), encode('method'), encode('ping'), hex('ff')]);
  const r3 = parseRequest(indef);
  assert.equal(r3.method, 'ping');
  const out3 = decode(replaceSession(indef, r3, sessionEntry(sid.value)));
  assert.deepEqual(Object.keys(out3), ['id', 'method', 'session']);
  // a well-formed non-map is reported as such; garbage throws
  assert.ok(parseRequest(encode([1, 2])).notMap);
  assert.throws(() => parseRequest(hex('a1 62 6964')), CborError);
});

test('framing copies the engine bytes and detects errors', () => {
  const id = encode(42);
  const ok = encode([{ status: 'OK', result: 1 }]);
  assert.deepEqual(decode(frame(id, ok)), { id: 42, result: [{ status: 'OK', result: 1 }] });
  const err = encode({ error: { code: -32000, message: 'boom' } });
  assert.ok(errorOffset(err) > 0);
  assert.deepEqual(decode(frame(id, err)), { id: 42, error: { code: -32000, message: 'boom' } });
  // a result that merely has an "error" key is not an error
  const notErr = encode({ error: 'just data' });
  assert.equal(errorOffset(notErr), -1);
  assert.deepEqual(decode(frame(null, notErr)), { result: { error: 'just data' } });
});

test('live ids are found in query answers', () => {
  const live = uuidTag('0190b1a0-0000-7000-8000-0000000000aa');
  const res = encode([
    { result: [], status: 'OK', time: '1µs', type: undefined },
    { result: live, status: 'OK', time: '1µs', type: 'live' },
  ]);
  assert.deepEqual(liveIdsInQueryResult(res, false), [Buffer.from(live.value).toString('hex')]);
  // 2.x answers have no `type`: any bare UUID result counts
  const res2 = encode([{ result: live, status: 'OK', time: '1µs' }]);
  assert.deepEqual(liveIdsInQueryResult(res2, false), []);
  assert.deepEqual(liveIdsInQueryResult(res2, true), [Buffer.from(live.value).toString('hex')]);
});

test('JSON rendering of SurrealDB values', () => {
  assert.equal(formatDuration(3720), '1h2m');
  assert.equal(formatDuration(0, 0), '0ns');
  assert.equal(formatDuration(1, 1_500_000), '1s1ms500µs');
  assert.equal(formatDuration(9 * 86400), '1w2d');
  assert.equal(formatDatetime(1704164645, 123000000), '2024-01-02T03:04:05.123Z');
  assert.equal(formatDatetime(1704164645, 0), '2024-01-02T03:04:05Z');
  const v = encode([
    {
      id: new Tagged(8, ['person', 1]),
      other: new Tagged(8, ['t', 'a b']),
      at: new Tagged(12, [1704164645, 123000000]),
      dur: new Tagged(14, [3720]),
      dec: new Tagged(10, '1.5'),
      uid: uuidTag('0190b1a0-0000-7000-8000-000000000000'),
      none: undefined,
      nul: null,
      pt: new Tagged(88, [1, 2]),
      big: 2n ** 63n - 1n,
      set: new Tagged(56, [1, 2]),
    },
  ]);
  const json = JSON.parse(cborToJson(v));
  assert.deepEqual(json, [
    {
      id: 'person:1',
      other: 't:`a b`',
      at: '2024-01-02T03:04:05.123Z',
      dur: '1h2m',
      dec: '1.5',
      uid: '0190b1a0-0000-7000-8000-000000000000',
      nul: null,
      pt: { type: 'Point', coordinates: [1, 2] },
      big: 9223372036854775807,
      set: [1, 2],
    },
  ]);
  assert.match(cborToJson(encode(2n ** 63n - 1n)), /^9223372036854775807$/);
});

// Bad input never takes the server down: garbage, truncated CBOR, text frames, oversize
// frames, abusive clients, clients vanishing mid-request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { encode, decode } from '../lib/cbor.mjs';
import { startServer, RawClient, httpRequest, sleep } from './helpers.mjs';

let server;
let url;

before(async () => {
  server = await startServer(['--max-message-size', '64KiB']);
  url = `ws://127.0.0.1:${server.port}/rpc`;
});

after(async () => {
  const r = await server?.stop();
  assert.equal(r.code, 0, server.stderr());
});

async function parseErrorFor(c, data, options) {
  const before = c.unmatched.length;
  c.send(data, options);
  assert.ok(await c.waitFor(() => c.unmatched.length > before), 'an answer arrives');
  const msg = c.unmatched[c.unmatched.length - 1];
  assert.ok(!('id' in msg), 'parse errors carry no id');
  return msg.error;
}

test('garbage, truncated CBOR and text frames get a parse error; the server keeps serving', async () => {
  const bad = await RawClient.open(url);
  const good = await RawClient.open(url);
  try {
    let e = await parseErrorFor(bad, Buffer.from([0xff, 0xfe, 0xfd]));
    assert.equal(e.code, -32700);
    assert.match(e.message, /^Parse error/);

    const full = encode({ id: 1, method: 'query', params: ['RETURN 1'] });
    e = await parseErrorFor(bad, full.subarray(0, full.length - 3));
    assert.equal(e.code, -32700);
    assert.match(e.message, /Truncated/);

    e = await parseErrorFor(bad, Buffer.concat([full, Buffer.from([0x01])]));
    assert.equal(e.code, -32700);

    e = await parseErrorFor(bad, '{"id":1,"method":"ping"}', { binary: false });
    assert.equal(e.code, -32700);
    assert.match(e.message, /text frames/);

    e = await parseErrorFor(bad, Buffer.alloc(5000, 0x81)); // nested far too deep
    assert.equal(e.code, -32700);

    e = await parseErrorFor(bad, Buffer.alloc(0));
    assert.equal(e.code, -32700);

    // a valid but non-map request is an invalid request
    const before = bad.unmatched.length;
    bad.send(encode(['ping']));
    assert.ok(await bad.waitFor(() => bad.unmatched.length > before));
    assert.equal(bad.unmatched.at(-1).error.code, -32600);

    // the same connection still works after bad frames
    assert.equal(await bad.call('version'), 'surrealdb-3.0.2');
    assert.equal(await good.call('version'), 'surrealdb-3.0.2');
  } finally {
    await bad.close();
    await good.close();
  }
});

test('oversize frames close only that connection', async () => {
  const big = await RawClient.open(url);
  const other = await RawClient.open(url);
  try {
    big.send(encode({ id: 1, method: 'query', params: ['RETURN 1', { blob: 'x'.repeat(70 * 1024) }] }));
    const { code } = await big.closed;
    assert.equal(code, 1009);
    assert.equal(await other.call('version'), 'surrealdb-3.0.2');
    // just under the limit is fine
    const [r] = await other.call('query', ['RETURN string::len($s)', { s: 'y'.repeat(60 * 1024) }]);
    assert.equal(r.result, 60 * 1024);
    // HTTP bodies share the limit
    const h = await httpRequest(server.port, 'POST', '/sql', { headers: { NS: 'a', DB: 'b' }, body: 'x'.repeat(70 * 1024) });
    assert.equal(h.status, 413);
  } finally {
    await other.close();
  }
});

test('an abusive client (many bad frames in a row) is disconnected, others carry on', async () => {
  const abuser = await RawClient.open(url);
  const other = await RawClient.open(url);
  try {
    for (let i = 0; i < 40 && abuser.ws.readyState === 1; i++) abuser.send(randomBytes(8 + (i % 5)).fill(0xff, 0, 1));
    const { code } = await abuser.closed;
    assert.equal(code, 1008);
    assert.equal(await other.call('version'), 'surrealdb-3.0.2');
  } finally {
    await other.close();
  }
});

test('random fuzz frames and clients vanishing mid-request do not crash the server', async () => {
  for (let round = 0; round < 5; round++) {
    const c = await RawClient.open(url);
    for (let i = 0; i < 100; i++) {
      c.send(randomBytes(1 + ((i * 7) % 60)));
      if (i % 8 === 0) c.send(encode({ id: 1000 + i, method: 'ping' })); // keeps it under the abuse limit
    }
    // fire requests and vanish
    for (let i = 0; i < 20; i++) c.send(encode({ id: i, method: 'query', params: ['SLEEP 10ms; RETURN 1'] }));
    c.ws.terminate();
  }
  await sleep(200);
  const c = await RawClient.open(url);
  try {
    assert.equal(await c.call('version'), 'surrealdb-3.0.2');
    const h = await httpRequest(server.port, 'GET', '/health');
    assert.equal(h.status, 200);
  } finally {
    await c.close();
  }
  assert.equal(server.proc.exitCode, null, 'still running');
  assert.doesNotMatch(server.stderr(), /uncaught|unhandled/i);
});

test('HTTP garbage does not hurt either', async () => {
  const r = await httpRequest(server.port, 'POST', '/rpc', { body: encode({ id: 1, method: 'query', params: 5 }) });
  assert.equal(r.status, 200);
  assert.ok(decode(r.body).error);
  const t = await httpRequest(server.port, 'POST', '/rpc', { body: Buffer.from([0x82, 0x01]) });
  assert.equal(t.status, 400);
  assert.equal((await httpRequest(server.port, 'GET', '/health')).status, 200);
});

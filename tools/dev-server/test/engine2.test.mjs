// --engine 2: SurrealDB 2.6 through @surrealdb/wasm (one shared session, memory only).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { Surreal, Table } from 'surrealdb';
import { encode, decode } from '../lib/cbor.mjs';
import { startServer, RawClient, httpRequest, uuid, sleep, withTimeout } from './helpers.mjs';

globalThis.WebSocket ??= WebSocket;

let server;
let url;

before(async () => {
  server = await startServer(['--engine', '2', '--user', 'root', '--pass', 'secret']);
  url = `ws://127.0.0.1:${server.port}/rpc`;
});

after(async () => {
  const r = await server?.stop();
  assert.equal(r.code, 0);
});

test('version answers surrealdb-2.6.0 (RPC and HTTP) and READY came fast', async () => {
  // The < 5 s READY promise is the default engine's (lifecycle.test.mjs). Compiling the 2.x WASM module is
  // CPU-bound and takes 1-3 s on a quiet machine, more on a loaded one: here only a hang guard.
  assert.ok(server.readyMs < 20000, `READY after ${server.readyMs} ms`);
  const c = await RawClient.open(url);
  try {
    assert.equal(await c.call('version'), 'surrealdb-2.6.0');
  } finally {
    await c.close();
  }
  assert.equal((await httpRequest(server.port, 'GET', '/version')).text, 'surrealdb-2.6.0');
});

test('auth gate, queries, 2.x error codes', async () => {
  const c = await RawClient.open(url);
  try {
    assert.equal((await c.request('query', ['RETURN 1'])).error.code, -32002);
    const bad = await c.request('signin', [{ user: 'root', pass: 'wrong' }]);
    assert.equal(bad.error.code, -32000);
    assert.match(bad.error.message, /authentication/);
    await c.call('signin', [{ user: 'root', pass: 'secret' }]);
    await c.call('use', ['v2', 'v2']);
    const [created, selected] = await c.call('query', ['CREATE thing:1 SET n = 1; SELECT * FROM thing']);
    assert.equal(created.status, 'OK');
    assert.equal(selected.result[0].n, 1);
    const unknown = await c.request('nope');
    assert.equal(unknown.error.code, -32601);
    const noSessions = await c.request('attach');
    assert.ok(noSessions.error, '2.x has no attach');
  } finally {
    await c.close();
  }
});

test('live notifications are routed to the connection that started the live query', async () => {
  const a = await RawClient.open(url);
  const b = await RawClient.open(url);
  try {
    await a.call('signin', [{ user: 'root', pass: 'secret' }]);
    await b.call('signin', [{ user: 'root', pass: 'secret' }]);
    await a.call('use', ['v2', 'v2']);
    const liveA = await a.call('live', ['feed']);
    await b.call('query', ['CREATE feed:1 SET v = 1']);
    assert.ok(await a.waitFor(() => a.notifications.length === 1));
    await sleep(100);
    assert.equal(b.notifications.length, 0);
    assert.equal(uuid(a.notifications[0].id), uuid(liveA));
    assert.equal(a.notifications[0].action, 'CREATE');
    // LIVE SELECT through query is tracked as well
    const [q] = await b.call('query', ['LIVE SELECT * FROM feed']);
    await a.call('query', ['CREATE feed:2']);
    assert.ok(await b.waitFor(() => b.notifications.length === 1));
    assert.equal(uuid(b.notifications[0].id), uuid(q.result));
    assert.ok(await a.waitFor(() => a.notifications.length === 2));
    await sleep(100);
    assert.equal(a.notifications.length, 2, 'A gets only its own live query');
  } finally {
    await a.close();
    await b.close();
  }
});

test('the official SDK works against engine 2', async () => {
  const db = new Surreal();
  try {
    await db.connect(url);
    await db.signin({ username: 'root', password: 'secret' });
    await db.use({ namespace: 'v2', database: 'sdk' });
    const [rows] = await db.query('CREATE person:1 SET name = "Ada"; SELECT * FROM person').then((r) => [r[1]]);
    assert.equal(rows[0].name, 'Ada');
    const live = await db.live(new Table('person'));
    const got = new Promise((resolve) => live.subscribe((m) => resolve(m)));
    await db.query('CREATE person:2 SET name = "Bob"');
    const msg = await withTimeout(got, 3000, 'no notification');
    assert.equal(msg.action, 'CREATE');
    await live.kill();
  } finally {
    await db.close();
  }
});

test('HTTP /sql and /rpc on engine 2', async () => {
  const auth = `Basic ${Buffer.from('root:secret').toString('base64')}`;
  const sql = await httpRequest(server.port, 'POST', '/sql', { headers: { NS: 'v2', DB: 'v2', Authorization: auth }, body: 'SELECT VALUE n FROM thing' });
  assert.equal(sql.status, 200);
  assert.deepEqual(JSON.parse(sql.text)[0].result, [1]);
  const rpc = await httpRequest(server.port, 'POST', '/rpc', {
    headers: { NS: 'v2', DB: 'v2', Authorization: auth },
    body: encode({ id: 9, method: 'version' }),
  });
  assert.deepEqual(decode(rpc.body), { id: 9, result: 'surrealdb-2.6.0' });
});

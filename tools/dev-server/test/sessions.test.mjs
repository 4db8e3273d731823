// Raw CBOR clients: per-connection sessions, concurrency, ids, notification routing, clean-up.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { encode, Tagged, uuidTag } from '../lib/cbor.mjs';
import { startServer, RawClient, uuid, sleep } from './helpers.mjs';

let server;
let url;

before(async () => {
  server = await startServer();
  url = `ws://127.0.0.1:${server.port}/rpc`;
});

after(async () => {
  const r = await server?.stop();
  assert.equal(r.code, 0);
});

test('two connections have independent sessions: ns/db, variables, auth', async () => {
  const a = await RawClient.open(url);
  const b = await RawClient.open(url);
  try {
    await a.call('use', ['nsa', 'dba']);
    await b.call('use', ['nsb', 'dbb']);
    await a.call('let', ['who', 'alice']);
    await b.call('let', ['who', 'bob']);
    const [ra] = await a.call('query', ['RETURN [session::ns(), session::db(), $who]']);
    const [rb] = await b.call('query', ['RETURN [session::ns(), session::db(), $who]']);
    assert.deepEqual(ra.result, ['nsa', 'dba', 'alice']);
    assert.deepEqual(rb.result, ['nsb', 'dbb', 'bob']);

    await a.call('unset', ['who']);
    const [ua] = await a.call('query', ['RETURN $who']);
    const [ub] = await b.call('query', ['RETURN $who']);
    assert.ok(ua.result instanceof Tagged && ua.result.tag === 6, 'unset variable is NONE');
    assert.equal(ub.result, 'bob');

    // auth is per connection too: a record user signs up on A only
    await a.call('query', [
      `DEFINE TABLE secret PERMISSIONS FOR select WHERE $auth.id != NONE;
       DEFINE ACCESS user ON DATABASE TYPE RECORD
         SIGNUP (CREATE user SET name = $name) SIGNIN (SELECT * FROM user WHERE name = $name);
       CREATE secret:1 SET v = 1;`,
    ]);
    await b.call('use', ['nsa', 'dba']);
    const token = await a.call('signup', [{ NS: 'nsa', DB: 'dba', AC: 'user', name: 'alice' }]);
    assert.equal(typeof token, 'string');
    const [authA] = await a.call('query', ['RETURN $auth']);
    const [authB] = await b.call('query', ['RETURN $auth']);
    assert.equal(authA.result.tag, 8, 'A is signed in as a record user');
    assert.equal(authA.result.value[0], 'user');
    assert.ok(authB.result instanceof Tagged && authB.result.tag === 6, 'B is not signed in');
  } finally {
    await a.close();
    await b.close();
  }
});

test('many concurrent in-flight requests on one connection, int/string/no ids', async () => {
  const c = await RawClient.open(url);
  try {
    await c.call('use', ['conc', 'conc']);
    await c.call('query', ['DEFINE TABLE item']);
    const n = 300;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => c.request('query', [`CREATE item:${i} SET i = ${i}; RETURN ${i}`])),
    );
    for (let i = 0; i < n; i++) {
      assert.equal(answers[i].id, i + 3, 'ids are echoed');
      assert.equal(answers[i].result[1].result, i);
    }
    const [count] = await c.call('query', ['SELECT count() FROM item GROUP ALL']);
    assert.equal(count.result[0].count, n);

    // string id, copied verbatim
    const s = await c.requestRaw('my-id-ü', encode({ id: 'my-id-ü', method: 'ping' }));
    assert.equal(s.id, 'my-id-ü');
    // no id: still answered
    c.send(encode({ method: 'version' }));
    assert.ok(await c.waitFor(() => c.unmatched.some((m) => m.result === 'surrealdb-3.0.2')));
    assert.ok(!('id' in c.unmatched.find((m) => m.result === 'surrealdb-3.0.2')));
    // engine error passes through with the request id
    const bad = await c.request('query', ['SELEC nonsense']);
    assert.equal(bad.error.code, -32000);
    assert.match(bad.error.message, /Parse error/);
    // unknown method
    const unknown = await c.request('no_such_method');
    assert.equal(unknown.error.code, -32601);
    // invalid request (id must be a scalar) still answered
    c.send(encode({ id: { a: 1 }, method: 'ping' }));
    assert.ok(await c.waitFor(() => c.unmatched.some((m) => m.error?.code === -32600)));
  } finally {
    await c.close();
  }
});

test('live notifications go only to the owning connection, without an internal session id', async () => {
  const a = await RawClient.open(url);
  const b = await RawClient.open(url);
  try {
    await a.call('use', ['live', 'live']);
    await b.call('use', ['live', 'live']);
    await a.call('query', ['DEFINE TABLE feed']);
    const liveA = await a.call('live', ['feed']);
    const [q] = await b.call('query', ['LIVE SELECT * FROM feed WHERE v > 1']);
    const liveB = q.result;
    await b.call('query', ['CREATE feed:1 SET v = 1; CREATE feed:2 SET v = 2']);
    assert.ok(await a.waitFor(() => a.notifications.length >= 2));
    assert.ok(await b.waitFor(() => b.notifications.length >= 1));
    await sleep(100);
    assert.equal(a.notifications.length, 2);
    assert.equal(b.notifications.length, 1);
    for (const n of a.notifications) {
      assert.equal(uuid(n.id), uuid(liveA));
      assert.equal(n.action, 'CREATE');
      assert.ok(!('session' in n), 'default-session notifications carry no session');
    }
    assert.equal(uuid(b.notifications[0].id), uuid(liveB));
    assert.deepEqual(b.notifications[0].record.value, ['feed', 2]);

    // KILLED reaches the owner too
    await a.call('kill', [liveA]);
    assert.ok(await a.waitFor(() => a.notifications.some((n) => n.action === 'KILLED')));
  } finally {
    await a.close();
    await b.close();
  }
});

test('client-attached sessions: attach, use, sessions, detach, foreign session refused', async () => {
  const a = await RawClient.open(url);
  const b = await RawClient.open(url);
  try {
    const sid = uuidTag(randomUUID());
    await a.call('attach', undefined, { session: sid });
    await a.call('use', ['side', 'side'], { session: sid });
    await a.call('use', ['main', 'main']);
    const [side] = await a.call('query', ['RETURN session::ns()'], { session: sid });
    const [main] = await a.call('query', ['RETURN session::ns()']);
    assert.equal(side.result, 'side');
    assert.equal(main.result, 'main');
    const list = await a.call('sessions');
    assert.deepEqual(list.map(uuid), [uuid(sid)], 'sessions lists only this connection\'s attached sessions');
    // another connection cannot use it
    const foreign = await b.request('query', ['RETURN 1'], { session: sid });
    assert.equal(foreign.error.kind, 'NotFound');
    assert.match(foreign.error.message, /Session not found/);
    // live query in the attached session keeps `session` in its notifications
    await a.call('query', ['DEFINE TABLE sidefeed'], { session: sid });
    await a.call('live', ['sidefeed'], { session: sid });
    await a.call('query', ['CREATE sidefeed:1'], { session: sid });
    assert.ok(await a.waitFor(() => a.notifications.length === 1));
    assert.equal(uuid(a.notifications[0].session), uuid(sid));
    await a.call('detach', undefined, { session: sid });
    assert.deepEqual(await a.call('sessions'), []);
    // detached session's live query is gone
    await a.call('use', ['side', 'side']);
    const [info] = await a.call('query', ['INFO FOR TABLE sidefeed']);
    assert.deepEqual(info.result.lives, {});
  } finally {
    await a.close();
    await b.close();
  }
});

test("a dropped client's live queries are gone", async () => {
  const a = await RawClient.open(url);
  const b = await RawClient.open(url);
  try {
    await a.call('use', ['drop', 'drop']);
    await b.call('use', ['drop', 'drop']);
    await a.call('query', ['DEFINE TABLE watched']);
    await a.call('live', ['watched']);
    await a.call('query', ['LIVE SELECT * FROM watched']);
    const [before] = await b.call('query', ['INFO FOR TABLE watched']);
    assert.equal(Object.keys(before.result.lives).length, 2);
    // drop A abruptly (no close handshake)
    a.ws.terminate();
    let lives = 2;
    for (let i = 0; i < 50 && lives > 0; i++) {
      await sleep(20);
      const [info] = await b.call('query', ['INFO FOR TABLE watched']);
      lives = Object.keys(info.result.lives).length;
    }
    assert.equal(lives, 0, 'the engine no longer holds the dropped connection\'s live queries');
    // a change produces no notification for anyone
    await b.call('query', ['CREATE watched:1']);
    await sleep(100);
    assert.equal(b.notifications.length, 0);
  } finally {
    await b.close();
  }
});

test('connection without subprotocol works too', async () => {
  const c = await RawClient.open(url, { protocols: [] });
  try {
    assert.equal(c.ws.protocol, '');
    assert.equal(await c.call('version'), 'surrealdb-3.0.2');
  } finally {
    await c.close();
  }
});

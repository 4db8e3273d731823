// --user/--pass: the server refuses unauthenticated clients (WebSocket and HTTP).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { encode, decode } from '../lib/cbor.mjs';
import { startServer, RawClient, httpRequest, basic } from './helpers.mjs';

const USER = "ro'ot";
const PASS = "p'a\\ss`word";

let server;
let url;

before(async () => {
  server = await startServer(['--user', USER, '--pass', PASS]);
  url = `ws://127.0.0.1:${server.port}/rpc`;
});

after(async () => {
  await server?.stop();
});

test('WebSocket: refused before signin, accepted after, refused again after invalidate', async () => {
  const c = await RawClient.open(url);
  try {
    // allowed before auth
    assert.equal(await c.call('version'), 'surrealdb-3.0.2');
    await c.call('ping');
    await c.call('use', ['a', 'b']);
    await c.call('let', ['x', 1]);

    const refused = await c.request('query', ['RETURN 1']);
    assert.equal(refused.error.code, -32002);
    assert.equal(refused.error.kind, 'NotAllowed');
    assert.equal(refused.error.details.kind, 'Auth');
    assert.equal(refused.error.details.details.kind, 'NotAllowed');
    assert.match(refused.error.message, /Not enough permissions/);
    for (const m of ['select', 'create', 'live', 'info', 'begin']) {
      const r = await c.request(m, ['t']);
      assert.equal(r.error?.code, -32002, m);
    }

    // a wrong password is the engine's own error
    const bad = await c.request('signin', [{ user: USER, pass: 'nope' }]);
    assert.equal(bad.error.code, -32002);
    assert.equal(bad.error.details.details.kind, 'InvalidAuth');
    assert.equal((await c.request('query', ['RETURN 1'])).error.code, -32002);

    const token = await c.call('signin', [{ user: USER, pass: PASS }]);
    assert.equal(typeof token, 'string');
    const [r] = await c.call('query', ['RETURN $x + 1']);
    assert.equal(r.result, 2);

    await c.call('invalidate');
    assert.equal((await c.request('query', ['RETURN 1'])).error.code, -32002);

    // authenticate with the token works as well
    await c.call('authenticate', [token]);
    const [r2] = await c.call('query', ['RETURN 3']);
    assert.equal(r2.result, 3);
  } finally {
    await c.close();
  }
});

test('WebSocket: Authorization header on the upgrade signs the connection in', async () => {
  const c = await RawClient.open(url, { headers: { Authorization: basic(USER, PASS), 'Surreal-NS': 'h', 'Surreal-DB': 'd' } });
  try {
    const [r] = await c.call('query', ['RETURN session::ns()']);
    assert.equal(r.result, 'h');
  } finally {
    await c.close();
  }
  await assert.rejects(RawClient.open(url, { headers: { Authorization: basic(USER, 'wrong') } }), /401/);
});

test('HTTP /rpc: Basic auth works, missing or bad credentials get 401', async () => {
  const body = encode({ id: 7, method: 'query', params: ['RETURN session::db()'] });
  const headers = { 'Content-Type': 'application/cbor', Accept: 'application/cbor', 'Surreal-NS': 'n', 'Surreal-DB': 'd' };
  const ok = await httpRequest(server.port, 'POST', '/rpc', { headers: { ...headers, Authorization: basic(USER, PASS) }, body });
  assert.equal(ok.status, 200);
  const answer = decode(ok.body);
  assert.equal(answer.id, 7);
  assert.equal(answer.result[0].result, 'd');

  const none = await httpRequest(server.port, 'POST', '/rpc', { headers, body });
  assert.equal(none.status, 401);
  assert.equal(decode(none.body).error.code, -32002);
  const wrong = await httpRequest(server.port, 'POST', '/rpc', { headers: { ...headers, Authorization: basic(USER, 'x') }, body });
  assert.equal(wrong.status, 401);

  // a signin over HTTP /rpc gives a token usable as Bearer
  const signin = await httpRequest(server.port, 'POST', '/rpc', {
    headers,
    body: encode({ id: 1, method: 'signin', params: [{ user: USER, pass: PASS }] }),
  });
  assert.equal(signin.status, 200);
  const token = decode(signin.body).result;
  const bearer = await httpRequest(server.port, 'POST', '/rpc', { headers: { ...headers, Authorization: `Bearer ${token}` }, body });
  assert.equal(bearer.status, 200);
  assert.equal(decode(bearer.body).result[0].result, 'd');
});

test('HTTP /sql, /export: 401 without credentials', async () => {
  const sql = await httpRequest(server.port, 'POST', '/sql', { headers: { 'Surreal-NS': 'n', 'Surreal-DB': 'd' }, body: 'RETURN 1' });
  assert.equal(sql.status, 401);
  const sqlOk = await httpRequest(server.port, 'POST', '/sql', {
    headers: { 'Surreal-NS': 'n', 'Surreal-DB': 'd', Authorization: basic(USER, PASS), Accept: 'application/json' },
    body: 'RETURN 1',
  });
  assert.equal(sqlOk.status, 200);
  assert.equal(JSON.parse(sqlOk.text)[0].result, 1);
  const exp = await httpRequest(server.port, 'GET', '/export', { headers: { NS: 'n', DB: 'd' } });
  assert.equal(exp.status, 401);
  const expOk = await httpRequest(server.port, 'GET', '/export', { headers: { NS: 'n', DB: 'd', Authorization: basic(USER, PASS) } });
  assert.equal(expOk.status, 200);
});

test('HTTP /signin gives a token; bad credentials get 401', async () => {
  const ok = await httpRequest(server.port, 'POST', '/signin', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: USER, pass: PASS }),
  });
  assert.equal(ok.status, 200);
  const { token } = JSON.parse(ok.text);
  assert.match(token, /^ey/);
  const sql = await httpRequest(server.port, 'POST', '/sql', { headers: { NS: 'n', DB: 'd', Authorization: `Bearer ${token}` }, body: 'RETURN 5' });
  assert.equal(JSON.parse(sql.text)[0].result, 5);
  const bad = await httpRequest(server.port, 'POST', '/signin', { body: JSON.stringify({ user: USER, pass: 'no' }) });
  assert.equal(bad.status, 401);
});

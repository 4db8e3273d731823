// HTTP endpoints on the same port: /health /status /version /sql /import /export /rpc.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { encode, decode, Tagged } from '../lib/cbor.mjs';
import { startServer, httpRequest } from './helpers.mjs';

let server;
const NSDB = { 'Surreal-NS': 'web', 'Surreal-DB': 'web' };

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test('GET /health, /status, /version', async () => {
  const h = await httpRequest(server.port, 'GET', '/health');
  assert.equal(h.status, 200);
  const s = await httpRequest(server.port, 'GET', '/status');
  assert.equal(s.status, 200);
  const v = await httpRequest(server.port, 'GET', '/version');
  assert.equal(v.status, 200);
  assert.equal(v.text, 'surrealdb-3.0.2');
  assert.equal((await httpRequest(server.port, 'GET', '/nope')).status, 404);
  assert.equal((await httpRequest(server.port, 'DELETE', '/sql')).status, 405);
});

test('POST /sql: JSON statement results, vars from the query string, CBOR on request', async () => {
  const r = await httpRequest(server.port, 'POST', '/sql?name=Ada', {
    headers: { ...NSDB, Accept: 'application/json' },
    body: `DEFINE TABLE person;
           CREATE person:1 SET name = $name, born = d"1815-12-10T00:00:00Z", tags = [1h2m, 1.5dec], u = u"0190b1a0-0000-7000-8000-000000000000";
           SELECT * FROM person;
           RETURN [NONE, NULL, person:⟨a b⟩]`,
  });
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /application\/json/);
  const json = JSON.parse(r.text);
  assert.equal(json.length, 4);
  for (const st of json) {
    assert.equal(st.status, 'OK');
    assert.match(st.time, /\d/);
  }
  assert.deepEqual(json[2].result, [
    {
      id: 'person:1',
      name: 'Ada',
      born: '1815-12-10T00:00:00Z',
      tags: ['1h2m', '1.5'],
      u: '0190b1a0-0000-7000-8000-000000000000',
    },
  ]);
  assert.deepEqual(json[3].result, [null, null, 'person:`a b`']);

  const bad = await httpRequest(server.port, 'POST', '/sql', { headers: NSDB, body: 'SELEC oops' });
  assert.equal(bad.status, 400);
  assert.match(JSON.parse(bad.text).information, /Parse error/);

  const cbor = await httpRequest(server.port, 'POST', '/sql', { headers: { ...NSDB, Accept: 'application/cbor' }, body: 'SELECT * FROM person:1' });
  assert.equal(cbor.status, 200);
  const res = decode(cbor.body);
  assert.ok(res[0].result[0].id instanceof Tagged);
});

test('POST /rpc: CBOR request, {id, result} answer, per-request session from headers', async () => {
  const call = async (req, headers = NSDB) => {
    const r = await httpRequest(server.port, 'POST', '/rpc', {
      headers: { 'Content-Type': 'application/cbor', Accept: 'application/cbor', ...headers },
      body: encode(req),
    });
    return { status: r.status, body: decode(r.body) };
  };
  const v = await call({ id: 'x1', method: 'version' });
  assert.deepEqual(v, { status: 200, body: { id: 'x1', result: 'surrealdb-3.0.2' } });
  const q = await call({ id: 2, method: 'query', params: ['RETURN [session::ns(), session::db()]'] });
  assert.deepEqual(q.body.result[0].result, ['web', 'web']);
  const sel = await call({ id: 3, method: 'select', params: [new Tagged(8, ['person', 1])] });
  assert.equal(sel.body.result.name, 'Ada');
  // stateless: a `let` does not survive to the next request
  await call({ id: 4, method: 'let', params: ['v', 1] });
  const lv = await call({ id: 5, method: 'query', params: ['RETURN $v'] });
  assert.equal(lv.body.result[0].result.tag, 6);
  // errors are HTTP 200 with {id, error}
  const err = await call({ id: 6, method: 'query', params: ['SELEC oops'] });
  assert.equal(err.status, 200);
  assert.equal(err.body.id, 6);
  assert.match(err.body.error.message, /Parse error/);
  // live queries / transactions need a WebSocket
  const live = await call({ id: 7, method: 'live', params: ['person'] });
  assert.equal(live.body.error.code, -32602);
  // garbage body
  const g = await httpRequest(server.port, 'POST', '/rpc', { body: Buffer.from([0xff, 0x00]) });
  assert.equal(g.status, 400);
  assert.equal(decode(g.body).error.code, -32700);
});

test('POST /import and GET|POST /export', async () => {
  const imp = await httpRequest(server.port, 'POST', '/import', {
    headers: { 'Surreal-NS': 'io', 'Surreal-DB': 'io' },
    body: 'DEFINE TABLE book SCHEMALESS; CREATE book:1 SET title = "Dune"; CREATE book:2 SET title = "Emma";',
  });
  assert.equal(imp.status, 200, imp.text);
  const sel = await httpRequest(server.port, 'POST', '/sql', { headers: { NS: 'io', DB: 'io' }, body: 'SELECT VALUE title FROM book ORDER BY title' });
  assert.deepEqual(JSON.parse(sel.text)[0].result, ['Dune', 'Emma']);

  const exp = await httpRequest(server.port, 'GET', '/export', { headers: { 'Surreal-NS': 'io', 'Surreal-DB': 'io' } });
  assert.equal(exp.status, 200);
  assert.match(exp.text, /DEFINE TABLE book/);
  assert.match(exp.text, /Dune/);
  const schemaOnly = await httpRequest(server.port, 'POST', '/export', {
    headers: { 'Surreal-NS': 'io', 'Surreal-DB': 'io' },
    body: JSON.stringify({ records: false }),
  });
  assert.equal(schemaOnly.status, 200);
  assert.match(schemaOnly.text, /DEFINE TABLE book/);
  assert.doesNotMatch(schemaOnly.text, /Dune/);

  // round trip into another database
  const imp2 = await httpRequest(server.port, 'POST', '/import', { headers: { 'Surreal-NS': 'io', 'Surreal-DB': 'copy' }, body: exp.text });
  assert.equal(imp2.status, 200);
  const sel2 = await httpRequest(server.port, 'POST', '/sql', { headers: { NS: 'io', DB: 'copy' }, body: 'SELECT VALUE title FROM book ORDER BY title' });
  assert.deepEqual(JSON.parse(sel2.text)[0].result, ['Dune', 'Emma']);

  assert.equal((await httpRequest(server.port, 'GET', '/export')).status, 400, 'export needs NS/DB');
  const badImport = await httpRequest(server.port, 'POST', '/import', { headers: { 'Surreal-NS': 'io', 'Surreal-DB': 'io' }, body: 'SELEC broken' });
  assert.equal(badImport.status, 400);
});

test('keep-alive: many requests over one connection', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/version', agent }, (res) => {
        sockets.add(res.socket);
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
  }
  agent.destroy();
  assert.equal(sockets.size, 1);
});

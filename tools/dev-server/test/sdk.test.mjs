// The official JS SDK (surrealdb@2) against the server over ws://.../rpc.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { Surreal, Table, RecordId } from 'surrealdb';
import { startServer, withTimeout } from './helpers.mjs';

globalThis.WebSocket ??= WebSocket;

let server;
let db;

before(async () => {
  server = await startServer();
  db = new Surreal();
  await db.connect(`ws://127.0.0.1:${server.port}/rpc`);
  await db.use({ namespace: 'sdk', database: 'sdk' });
});

after(async () => {
  await db?.close();
  await server?.stop();
});

test('version, query: create + select', async () => {
  const v = await db.version();
  assert.equal(v.version, 'surrealdb-3.0.2');
  const [created, selected] = await db.query('CREATE person:1 SET name = "Ada"; SELECT * FROM person');
  assert.equal(created[0].name, 'Ada');
  assert.ok(created[0].id instanceof RecordId);
  assert.equal(created[0].id.toString(), 'person:1');
  assert.deepEqual(
    selected.map((r) => r.name),
    ['Ada'],
  );
  const [pair] = await db.query('RETURN [$a, $b]', { a: 1, b: 'x' });
  assert.deepEqual(pair, [1, 'x']);
});

test('live query receives a notification', async () => {
  await db.query('DEFINE TABLE IF NOT EXISTS watched');
  const live = await db.live(new Table('watched'));
  const got = [];
  const arrived = new Promise((resolve) => {
    live.subscribe((msg) => {
      got.push(msg);
      resolve();
    });
  });
  await db.query('CREATE watched:1 SET v = 42');
  await withTimeout(arrived, 3000, 'no notification');
  assert.equal(got[0].action, 'CREATE');
  assert.equal(got[0].recordId.toString(), 'watched:1');
  assert.equal(got[0].value.v, 42);
  await live.kill();
});

test('interactive transaction: begin, query in txn, commit / cancel', async () => {
  await db.query('DEFINE TABLE IF NOT EXISTS acct');
  const tx = await db.beginTransaction();
  await tx.query('CREATE acct:1 SET balance = 10');
  const [outside] = await db.query('SELECT * FROM acct:1');
  assert.deepEqual(outside, [], 'uncommitted write must not be visible outside the transaction');
  await tx.commit();
  const [committed] = await db.query('SELECT * FROM acct:1');
  assert.equal(committed[0].balance, 10);

  const tx2 = await db.beginTransaction();
  await tx2.query('UPDATE acct:1 SET balance = 0');
  await tx2.cancel();
  const [after] = await db.query('SELECT * FROM acct:1');
  assert.equal(after[0].balance, 10);
});

test('SDK sessions (attach) are independent', async () => {
  const s2 = await db.newSession();
  await s2.use({ namespace: 'other', database: 'x' });
  const [ns2] = await s2.query('RETURN session::ns()');
  const [ns1] = await db.query('RETURN session::ns()');
  assert.equal(ns2, 'other');
  assert.equal(ns1, 'sdk');
  await s2.closeSession?.();
});

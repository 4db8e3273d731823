// --tls-cert/--tls-key: wss:// and https:// with a self-signed certificate made by openssl.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, RawClient, httpRequest } from './helpers.mjs';

let dir;
let server;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'devserver-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  server = await startServer(['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')]);
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('wss:// RPC works over TLS', async () => {
  const c = await RawClient.open(`wss://127.0.0.1:${server.port}/rpc`, { rejectUnauthorized: false });
  try {
    assert.equal(await c.call('version'), 'surrealdb-3.0.2');
    await c.call('use', ['tls', 'tls']);
    const [r] = await c.call('query', ['RETURN 1 + 1']);
    assert.equal(r.result, 2);
  } finally {
    await c.close();
  }
});

test('https:// endpoints work over TLS; plain http is refused', async () => {
  const v = await httpRequest(server.port, 'GET', '/version', { tls: true });
  assert.equal(v.status, 200);
  assert.equal(v.text, 'surrealdb-3.0.2');
  await assert.rejects(httpRequest(server.port, 'GET', '/version'));
  // the server survives the plain-text attempt
  assert.equal((await httpRequest(server.port, 'GET', '/health', { tls: true })).status, 200);
});

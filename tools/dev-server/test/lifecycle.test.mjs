// Start-up, READY line, signals, --exit-with-stdin, options, persistent storage.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, RawClient, httpRequest, sleep, SERVER } from './helpers.mjs';

test('READY within 5 s, exactly one stdout line, logs on stderr; SIGTERM exits 0', async () => {
  const s = await startServer();
  assert.ok(s.readyMs < 5000, `READY after ${s.readyMs.toFixed(0)} ms`);
  assert.equal((await httpRequest(s.port, 'GET', '/health')).status, 200);
  const { code, signal } = await s.stop('SIGTERM');
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.equal(s.stdout(), `READY port=${s.port}\n`);
  assert.match(s.stderr(), /listening on/);
});

test('SIGINT exits 0 even with open connections', async () => {
  const s = await startServer();
  const c = await RawClient.open(`ws://127.0.0.1:${s.port}/rpc`);
  await c.call('ping');
  const { code } = await s.stop('SIGINT');
  assert.equal(code, 0);
  const closed = await c.closed;
  assert.ok([1001, 1006].includes(closed.code));
});

test('--exit-with-stdin: exits when stdin closes', async () => {
  const s = await startServer(['--exit-with-stdin'], { stdin: 'pipe' });
  assert.equal((await httpRequest(s.port, 'GET', '/status')).status, 200);
  s.proc.stdin.end();
  const t0 = Date.now();
  const { code } = await s.exited;
  assert.equal(code, 0);
  assert.ok(Date.now() - t0 < 3000);
});

test('started with stdin at /dev/null and no flag, it keeps running', async () => {
  const s = await startServer([], { stdin: 'ignore' });
  await sleep(700);
  assert.equal(s.proc.exitCode, null);
  assert.equal((await httpRequest(s.port, 'GET', '/version')).text, 'surrealdb-3.0.2');
  assert.equal((await s.stop()).code, 0);
});

test('--help, bad options, port in use', async () => {
  const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--storage/);
  assert.doesNotMatch(help.stdout, /READY port=\d/);

  for (const args of [['--bogus'], ['--port', 'x'], ['--engine', '4'], ['--user', 'u'], ['--storage', 'ftp://x'], ['--engine', '2', '--storage', 'surrealkv:///tmp/x']]) {
    const r = spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /error:/);
    assert.equal(r.stdout, '');
  }

  const s = await startServer();
  const clash = spawn(process.execPath, [SERVER, '--port', String(s.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  clash.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => clash.on('exit', r));
  assert.equal(code, 1);
  assert.equal(out, '');
  await s.stop();
});

for (const kind of ['surrealkv', 'rocksdb']) {
  test(`--storage ${kind}:// keeps data across restarts`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `devserver-${kind}-`));
    try {
      const storage = `${kind}://${join(dir, 'data')}`;
      let s = await startServer(['--storage', storage]);
      let c = await RawClient.open(`ws://127.0.0.1:${s.port}/rpc`);
      await c.call('use', ['p', 'p']);
      await c.call('query', ['CREATE keep:1 SET v = "persisted"']);
      await c.close();
      assert.equal((await s.stop()).code, 0);

      s = await startServer(['--storage', storage]);
      c = await RawClient.open(`ws://127.0.0.1:${s.port}/rpc`);
      await c.call('use', ['p', 'p']);
      const [r] = await c.call('query', ['SELECT VALUE v FROM keep:1']);
      assert.deepEqual(r.result, ['persisted']);
      await c.close();
      assert.equal((await s.stop()).code, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

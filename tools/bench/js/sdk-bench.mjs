#!/usr/bin/env node
// JS peer of the benchmark harness: the official SDK (`surrealdb@2`) over WebSocket/CBOR
// against the server the Java harness started and loaded. Prints ONE JSON object on stdout.
//
//   node sdk-bench.mjs --url ws://127.0.0.1:PORT/rpc --ns bench --db bench --rows 100000 \
//        --warmup 15000 --ops 20000 --window 64 --pipe-warmup 5000 --pipe-ops 20000 \
//        --scan-warmup 2 --scan-runs 5

import { importFromDevServer, packageJson, parseArgs, runPlan, POINT_SQL, SCAN_SQL } from './common.mjs';

const a = parseArgs(process.argv.slice(2));
const o = {
  rows: a.rows ?? 100000,
  warmup: a.warmup ?? 15000,
  ops: a.ops ?? 20000,
  window: a.window ?? 64,
  pipeWarmup: a['pipe-warmup'] ?? 5000,
  pipeOps: a['pipe-ops'] ?? 20000,
  scanWarmup: a['scan-warmup'] ?? 2,
  scanRuns: a['scan-runs'] ?? 5,
};
if (!a.url) throw new Error('--url is required');

const { Surreal } = await importFromDevServer('surrealdb');
const { WebSocket } = await importFromDevServer('ws');

const db = new Surreal({ websocketImpl: WebSocket });
await db.connect(a.url, { namespace: a.ns ?? 'bench', database: a.db ?? 'bench' });
await db.ready;
const version = await db.version();

const peer = {
  // `await db.query(...)` collects: one array per statement
  point: async (id) => (await db.query(POINT_SQL, { id }))[0],
  scan: async () => (await db.query(SCAN_SQL))[0],
  rowsOf: (r) => (Array.isArray(r) ? r.length : -1),
};

const results = await runPlan(peer, o);
await db.close();

process.stdout.write(
  JSON.stringify({
    peer: 'js-sdk',
    sdk: `surrealdb@${packageJson('surrealdb').version}`,
    ws: `ws@${packageJson('ws').version}`,
    node: process.version,
    server: typeof version === 'string' ? version : (version?.version ?? String(version)),
    options: o,
    ...results,
  }) + '\n',
);

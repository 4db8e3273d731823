#!/usr/bin/env node
// JS peer of the benchmark harness: the official SDK (`surrealdb@2`) over WebSocket/CBOR
// against the server the Java harness started and loaded. Prints ONE JSON object on stdout.
//
//   node sdk-bench.mjs --url ws://127.0.0.1:PORT/rpc --phase plan --ns bench --db bench --rows 100000 \
//        --warmup 15000 --ops 20000 --window 64 --pipe-warmup 5000 --pipe-ops 20000 \
//        --scan-warmup 2 --scan-runs 5
//   node sdk-bench.mjs --url ws://127.0.0.1:PORT/rpc --phase insert --insert-rows 100000 --sdk-chunk 1000 \
//        --insert-warmup 1 --insert-runs 3         (bulk insert, against a fresh server)

import {
  bulkRow,
  importFromDevServer,
  insertOptions,
  packageJson,
  parseArgs,
  runInserts,
  runPlan,
  POINT_SQL,
  SCAN_SQL,
} from './common.mjs';

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
  ...insertOptions(a),
};
if (!a.url) throw new Error('--url is required');

const { Surreal, Table } = await importFromDevServer('surrealdb');
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

const phase = a.phase ?? 'plan';
let results = {};
if (phase === 'plan') {
  results = await runPlan(peer, o);
} else if (phase === 'insert') {
  // (e) bulk insert, against a fresh server: what a JS developer writes, `await db.insert(table, rows)`
  // per chunk of --sdk-chunk rows, in sequence (one call with all 100,000 rows would run for a very long
  // time: the engine's INSERT is super-linear in its rows); the rows are made before the clock starts
  const bulk = [];
  for (let i = 1; i <= o.insertRows; i++) bulk.push(bulkRow(i));
  const count = async (table) => {
    const [r] = await db.query(`SELECT count() FROM ${table} GROUP ALL`);
    return r?.[0]?.count ?? 0;
  };
  const insertIn = (size) => async (table) => {
    const t = new Table(table);
    for (let from = 0; from < bulk.length; from += size) {
      const chunk = bulk.slice(from, from + size);
      const created = await db.insert(t, chunk);
      if (created.length !== chunk.length) throw new Error(`db.insert returned ${created.length} of ${chunk.length} records`);
    }
  };
  results.insert = await runInserts(o, 'sdk', insertIn(o.sdkChunk), count, async () => {});
  results.insert.chunk = o.sdkChunk;
} else {
  throw new Error(`unknown --phase ${phase}`);
}
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

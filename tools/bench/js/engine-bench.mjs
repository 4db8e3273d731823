#!/usr/bin/env node
// Engine-alone peer of the benchmark harness: the physical limit. SurrealDB's embedded engine
// (`@surrealdb/node`, the same build the dev server hosts) runs in this process on mem://, loads
// the same rows itself and executes the same statements through `execute(cbor) -> cbor`, which is
// exactly the call the dev server makes for each RPC request. No socket, no framing, no client.
//
//  engine         = encode the request (SDK CborCodec) + execute; the answer stays CBOR bytes
//  engine+decode  = the same, plus decoding the answer with the SDK's CborCodec
//
// Prints ONE JSON object on stdout. Options as sdk-bench.mjs, plus --batch (rows per INSERT).

import {
  bulkRow,
  insertOptions,
  insertScript,
  runInserts,
  importFromDevServer,
  mean,
  loadEngineBinding,
  packageJson,
  parseArgs,
  row,
  pointId,
  summarize,
  median,
  nowNs,
  cpuMicros,
  POINT_SQL,
  SCAN_SQL,
} from './common.mjs';

const a = parseArgs(process.argv.slice(2));
const o = {
  rows: a.rows ?? 100000,
  batch: a.batch ?? 1000,
  warmup: a.warmup ?? 15000,
  ops: a.ops ?? 20000,
  window: a.window ?? 64,
  pipeWarmup: a['pipe-warmup'] ?? 5000,
  pipeOps: a['pipe-ops'] ?? 20000,
  scanWarmup: a['scan-warmup'] ?? 2,
  scanRuns: a['scan-runs'] ?? 5,
  ...insertOptions(a),
};

const { CborCodec } = await importFromDevServer('surrealdb');
const cbor = new CborCodec({});
const { SurrealNodeEngine } = loadEngineBinding();
let engine = await SurrealNodeEngine.connect('mem://', {});

let nextId = 0;
const request = (method, params) => new Uint8Array(cbor.encode({ id: ++nextId, method, params }));
const decode = (bytes) => cbor.decode(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
/** execute and decode, failing on {error} and on ERR statements. */
async function call(method, params) {
  const r = decode(await engine.execute(request(method, params)));
  if (r && typeof r === 'object' && 'error' in r) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  if (method === 'query') {
    for (const s of r) if (s.status !== 'OK') throw new Error(`query failed: ${s.result}`);
  }
  return r;
}

const version = await call('version', []);
await call('use', [a.ns ?? 'bench', a.db ?? 'bench']);

// ---- load the same rows (not measured)
let t0 = nowNs();
for (let first = 1; first <= o.rows; first += o.batch) {
  const rows = [];
  for (let i = first; i < first + o.batch && i <= o.rows; i++) rows.push(row(i));
  await call('query', ['INSERT INTO item $rows RETURN NONE', { rows }]);
}
const loadMs = Number(nowNs() - t0) / 1e6;
const count = (await call('query', ['SELECT count() FROM item GROUP ALL']))[0].result[0].count;
if (count !== o.rows) throw new Error(`loaded ${count} rows, expected ${o.rows}`);

const pointBytes = (k) => engine.execute(request('query', [POINT_SQL, { id: pointId(k, o.rows) }]));
const rowsIn = (bytes) => {
  const r = decode(bytes);
  if (!Array.isArray(r) || r[0]?.status !== 'OK') throw new Error(`bad answer ${JSON.stringify(r)}`);
  return r[0].result.length;
};

// ---- (a) sequential point queries
for (let k = 0; k < o.warmup; k++) {
  const n = rowsIn(await pointBytes(k));
  if (n !== 1) throw new Error(`point query returned ${n} rows`);
}
const exec = new Array(o.ops);
const execDecode = new Array(o.ops);
let cpu0 = cpuMicros();
t0 = nowNs();
for (let k = 0; k < o.ops; k++) {
  const s = nowNs();
  const bytes = await pointBytes(o.warmup + k);
  const e = nowNs();
  const n = rowsIn(bytes);
  exec[k] = Number(e - s);
  execDecode[k] = Number(nowNs() - s);
  if (n !== 1) throw new Error(`point query returned ${n} rows`);
}
let wall = Number(nowNs() - t0);
const point = { ...summarize(exec), cpu_us_per_op: (cpuMicros() - cpu0) / o.ops, wall_ms: wall / 1e6 };
const pointDecode = { ...summarize(execDecode), cpu_us_per_op: point.cpu_us_per_op, wall_ms: wall / 1e6 };

// ---- (b) pipelined: `window` executes in flight
async function pipelined(total, base, withDecode) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const k = next++;
      const bytes = await pointBytes(base + k);
      if (withDecode && rowsIn(bytes) !== 1) throw new Error('point query lost its row');
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.window, total) }, worker));
}
const pipeRun = async (withDecode) => {
  await pipelined(o.pipeWarmup, 0, withDecode);
  const c = cpuMicros();
  const s = nowNs();
  await pipelined(o.pipeOps, o.pipeWarmup, withDecode);
  const w = Number(nowNs() - s);
  return { ops: o.pipeOps, window: o.window, ops_per_s: o.pipeOps / (w / 1e9), cpu_us_per_op: (cpuMicros() - c) / o.pipeOps, wall_ms: w / 1e6 };
};
const pipe = await pipeRun(false);
const pipeDecode = await pipeRun(true);

// ---- (c) the full-table SELECT
const scanReq = () => request('query', [SCAN_SQL]);
for (let k = 0; k < o.scanWarmup; k++) {
  const n = rowsIn(await engine.execute(scanReq()));
  if (n !== o.rows) throw new Error(`scan returned ${n} rows`);
}
const execMs = [];
const totalMs = [];
const cpuExec = [];
const cpuTotal = [];
let bytesLen = 0;
for (let k = 0; k < o.scanRuns; k++) {
  if (global.gc) global.gc();
  const c = cpuMicros();
  const s = nowNs();
  const bytes = await engine.execute(scanReq());
  const e = nowNs();
  const ce = cpuMicros();
  const n = rowsIn(bytes);
  const d = nowNs();
  execMs.push(Number(e - s) / 1e6);
  totalMs.push(Number(d - s) / 1e6);
  cpuExec.push((ce - c) / 1000);
  cpuTotal.push((cpuMicros() - c) / 1000);
  bytesLen = bytes.length;
  if (n !== o.rows) throw new Error(`scan returned ${n} rows`);
}
const scan = { rows: o.rows, runs: o.scanRuns, median_ms: median(execMs), min_ms: Math.min(...execMs), cpu_ms: mean(cpuExec), times_ms: execMs, bytes: bytesLen };
const scanDecode = { rows: o.rows, runs: o.scanRuns, median_ms: median(totalMs), min_ms: Math.min(...totalMs), cpu_ms: mean(cpuTotal), times_ms: totalMs, bytes: bytesLen };

// ---- (e) bulk insert: the request SurrealJ's JDBC driver sends for the batch, in one execute, into a
// fresh engine (a store that held other 100,000-row tables is measurably slower)
await engine.close?.();
engine = await SurrealNodeEngine.connect('mem://', {});
await call('use', [a.ns ?? 'bench', a.db ?? 'bench']);
const bulk = [];
for (let i = 1; i <= o.insertRows; i++) bulk.push(bulkRow(i));
const countOf = async (table) => (await call('query', [`SELECT count() FROM ${table} GROUP ALL`]))[0].result[0]?.count ?? 0;
// one set of runs: `engine` is the execute (request encoding included), `engine+decode` adds decoding the answer
const insertRun = async (table, start) => {
  const { sql, vars } = insertScript(table, bulk, o.chunk, o.atomic);
  const bytes = await engine.execute(request('query', [sql, vars]));
  const inner = { ms: Number(nowNs() - start.s) / 1e6, cpu: (cpuMicros() - start.c) / 1000 };
  let written = 0;
  for (const s of decode(bytes)) {
    if (s.status !== 'OK') throw new Error(`INSERT failed: ${s.result}`);
    written += s.result.length;
  }
  if (written !== o.insertRows) throw new Error(`the INSERTs returned ${written} records`);
  return inner;
};
const insertBoth = await runInserts(o, 'engine', insertRun, countOf, async () => {});
const insertDecode = { ...insertBoth, inner: undefined };
const insert = insertBoth.inner;

engine.free?.();
const nodePkg = packageJson('@surrealdb/node');
process.stdout.write(
  JSON.stringify({
    peer: 'engine',
    engine_package: `@surrealdb/node@${nodePkg.version}`,
    surreal: nodePkg.surreal ?? null,
    server: version,
    node: process.version,
    options: o,
    load_ms: loadMs,
    engine: { point, pipelined: pipe, scan, insert },
    engine_decode: { point: pointDecode, pipelined: pipeDecode, scan: scanDecode, insert: insertDecode },
  }) + '\n',
);
process.exit(0);

// Shared by the JS peers of the benchmark harness (sdk-bench.mjs, engine-bench.mjs).
//
// Nothing is installed for the harness: the official SDK (`surrealdb`), the engine
// (`@surrealdb/node`) and `ws` are loaded from tools/dev-server/node_modules, resolved by
// absolute path. The data set and the point-query id sequence are defined here and mirrored
// exactly by dev.surrealj.bench.DataSet on the Java side.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** tools/dev-server: $SURREALJ_DEV_SERVER, or ../../dev-server from this file. */
export function devServerDir() {
  const dir = process.env.SURREALJ_DEV_SERVER || resolve(here, '..', '..', 'dev-server');
  if (!existsSync(join(dir, 'node_modules'))) {
    throw new Error(`no node_modules in ${dir}: run 'npm ci' there (SurrealServer does it on first use)`);
  }
  return dir;
}

const requireFromDevServer = () => createRequire(join(devServerDir(), 'package.json'));

/**
 * import() of a package installed in tools/dev-server/node_modules, as an ES module: its
 * package.json is found with require.resolve, then its "." export is resolved with the
 * conditions node/import/default (require.resolve alone would pick the CommonJS build).
 */
export async function importFromDevServer(name) {
  const dir = packageDir(name);
  const pkg = packageJson(name);
  const entry = pickExport(pkg.exports) ?? pkg.module ?? pkg.main ?? 'index.js';
  return import(pathToFileURL(join(dir, entry)).href);
}

/** The folder of a package installed in (or above) tools/dev-server/node_modules. */
export function packageDir(name) {
  for (const base of requireFromDevServer().resolve.paths(name) ?? []) {
    if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  }
  throw new Error(`package ${name} is not installed in ${devServerDir()}/node_modules`);
}

/** The package.json of a package installed in tools/dev-server/node_modules. */
export function packageJson(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8'));
}

function pickExport(exp) {
  if (exp == null) return null;
  if (typeof exp === 'string') return exp;
  if (Array.isArray(exp)) {
    for (const e of exp) {
      const r = pickExport(e);
      if (r) return r;
    }
    return null;
  }
  if ('.' in exp) return pickExport(exp['.']);
  for (const cond of ['node', 'import', 'default']) {
    if (cond in exp) {
      const r = pickExport(exp[cond]);
      if (r) return r;
    }
  }
  return null;
}

/** The raw napi binding of @surrealdb/node (SurrealNodeEngine), as the dev server loads it. */
export function loadEngineBinding() {
  const distDir = join(packageDir('@surrealdb/node'), 'dist');
  const nodeRequire = createRequire(join(distDir, 'x.js'));
  const { platform, arch } = process;
  let suffixes = [''];
  if (platform === 'linux') {
    const glibc = process.report?.getReport?.()?.header?.glibcVersionRuntime;
    suffixes = glibc ? ['-gnu', '-musl'] : ['-musl', '-gnu'];
  } else if (platform === 'win32') {
    suffixes = ['-msvc'];
  }
  const errors = [];
  for (const s of suffixes) {
    const file = join(distDir, `surrealdb-node.${platform}-${arch}${s}.node`);
    try {
      return nodeRequire(file);
    } catch (e) {
      errors.push(`${file}: ${e.message}`);
    }
  }
  throw new Error(`cannot load the @surrealdb/node binding:\n  ${errors.join('\n  ')}`);
}

/** --key value arguments into an object (numbers converted). */
export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) {
      out[a.slice(2)] = true;
    } else {
      out[a.slice(2)] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
      i++;
    }
  }
  return out;
}

// ------------------------------------------------------------------ the data set (mirrors DataSet.java)

export const TABLE = 'item';
export const POINT_SQL = "SELECT * FROM type::record('item', $id)";
export const SCAN_SQL = 'SELECT * FROM item';

/** Row i (1-based): record item:i. */
export function row(i) {
  return { id: i, n: i, name: `item-${i}`, score: (i % 1000) + 0.25, tags: [`t${i % 7}`, `t${i % 13}`] };
}

/** Row i of the bulk insert: row(i) without id (the server makes random ids). */
export function bulkRow(i) {
  const { id, ...rest } = row(i);
  return rest;
}

/** The table a bulk-insert run writes into (fresh for every run of every peer). */
export const bulkTable = (peer, run) => `bulk_${peer}_${run}`;

/**
 * The request SurrealJ's JDBC driver sends for a rewritten batch of `rows` (mirrors
 * DataSet.insertScript and dev.surrealj.jdbc.BatchRewriter): one `INSERT INTO t $_jdbc_rows RETURN id`
 * for at most `atomic` rows, else one `INSERT INTO t $_jdbc_rows_k RETURN id;` per `chunk` rows.
 */
export function insertScript(table, rows, chunk, atomic) {
  if (rows.length <= atomic) return { sql: `INSERT INTO ${table} $_jdbc_rows RETURN id`, vars: { _jdbc_rows: rows } };
  let sql = '';
  const vars = {};
  for (let from = 0, k = 1; from < rows.length; from += chunk, k++) {
    const name = `_jdbc_rows_${k}`;
    sql += `INSERT INTO ${table} $${name} RETURN id;\n`;
    vars[name] = rows.slice(from, from + chunk);
  }
  return { sql, vars };
}

/** Insert options from the parsed arguments. */
export function insertOptions(a) {
  return {
    insertRows: a['insert-rows'] ?? 100000,
    insertWarmup: a['insert-warmup'] ?? 1,
    insertRuns: a['insert-runs'] ?? 3,
    chunk: a.chunk ?? 50,
    atomic: a.atomic ?? 1000,
    sdkChunk: a['sdk-chunk'] ?? 1000,
  };
}

/**
 * (e) warm-up and measured bulk inserts, each into a fresh table: after a GC, only run(table) is timed;
 * then count(table) must be insertRows and cleanup(table) runs (neither timed). When run returns
 * { ms, cpu } for a first part of its work (the engine's execute before decoding), that part is
 * reported too, as `inner`.
 */
export async function runInserts(o, peer, run, count, cleanup) {
  const times = [];
  const cpus = [];
  const innerTimes = [];
  const innerCpus = [];
  for (let k = 0; k < o.insertWarmup + o.insertRuns; k++) {
    const table = bulkTable(peer, k);
    if (global.gc) global.gc();
    const c = cpuMicros();
    const s = nowNs();
    const inner = await run(table, { s, c });
    const ms = Number(nowNs() - s) / 1e6;
    const cpu = (cpuMicros() - c) / 1000;
    const n = await count(table);
    if (n !== o.insertRows) throw new Error(`${peer}: ${table} holds ${n} rows, expected ${o.insertRows}`);
    await cleanup(table);
    if (k >= o.insertWarmup) {
      times.push(ms);
      cpus.push(cpu);
      if (inner) {
        innerTimes.push(inner.ms);
        innerCpus.push(inner.cpu);
      }
    }
  }
  const summary = (ts, cs) => ({ rows: o.insertRows, runs: o.insertRuns, median_ms: median(ts), min_ms: Math.min(...ts), cpu_ms: mean(cs), times_ms: ts });
  const out = summary(times, cpus);
  if (innerTimes.length) out.inner = summary(innerTimes, innerCpus);
  return out;
}

/** The k-th id (0-based) of the point-query sequence over rows 1..rows. */
export function pointId(k, rows) {
  return ((k * 7919 + 13) % rows) + 1;
}

// ------------------------------------------------------------------ measuring

export const nowNs = () => process.hrtime.bigint();

/** CPU time (user + system) of this whole process, in microseconds. */
export function cpuMicros() {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** p50/p99/mean/min/max (microseconds) of latency samples in nanoseconds. */
export function summarize(samplesNs) {
  const s = Float64Array.from(samplesNs).sort();
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] / 1000;
  let sum = 0;
  for (const x of s) sum += x;
  return { count: s.length, p50_us: at(0.5), p99_us: at(0.99), mean_us: sum / s.length / 1000, min_us: s[0] / 1000, max_us: s[s.length - 1] / 1000 };
}

export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs the standard measurement plan against one peer.
 *  p.point(id)  -> Promise of the point query's result (array of one row)
 *  p.scan()     -> Promise of the 100k-row result (array of rows), fully decoded
 *  p.rowsOf(r)  -> number of rows in a scan result (sanity check)
 */
export async function runPlan(p, o) {
  const out = {};
  // (a) sequential point queries
  for (let k = 0; k < o.warmup; k++) check(await p.point(pointId(k, o.rows)), 1);
  const samples = new Array(o.ops);
  let cpu0 = cpuMicros();
  let t0 = nowNs();
  for (let k = 0; k < o.ops; k++) {
    const s = nowNs();
    const r = await p.point(pointId(o.warmup + k, o.rows));
    samples[k] = Number(nowNs() - s);
    check(r, 1);
  }
  let wall = Number(nowNs() - t0);
  out.point = { ...summarize(samples), cpu_us_per_op: (cpuMicros() - cpu0) / o.ops, wall_ms: wall / 1e6 };

  // (b) pipelined: `window` requests in flight on the one connection
  const pipelined = async (total, base) => {
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const k = next++;
        check(await p.point(pointId(base + k, o.rows)), 1);
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.window, total) }, worker));
  };
  await pipelined(o.pipeWarmup, 0);
  cpu0 = cpuMicros();
  t0 = nowNs();
  await pipelined(o.pipeOps, o.pipeWarmup);
  wall = Number(nowNs() - t0);
  out.pipelined = {
    ops: o.pipeOps,
    window: o.window,
    ops_per_s: o.pipeOps / (wall / 1e9),
    cpu_us_per_op: (cpuMicros() - cpu0) / o.pipeOps,
    wall_ms: wall / 1e6,
  };

  // (c) the full-table SELECT, end to end
  for (let k = 0; k < o.scanWarmup; k++) check(await p.scan(), o.rows, p.rowsOf);
  const times = [];
  const cpus = [];
  for (let k = 0; k < o.scanRuns; k++) {
    if (global.gc) global.gc();
    const c = cpuMicros();
    const s = nowNs();
    const r = await p.scan();
    times.push(Number(nowNs() - s) / 1e6);
    cpus.push((cpuMicros() - c) / 1000);
    check(r, o.rows, p.rowsOf);
  }
  out.scan = { rows: o.rows, runs: o.scanRuns, median_ms: median(times), min_ms: Math.min(...times), cpu_ms: mean(cpus), times_ms: times };
  return out;
}

function check(result, expected, rowsOf = (r) => (Array.isArray(r) ? r.length : -1)) {
  const n = rowsOf(result);
  if (n !== expected) throw new Error(`expected ${expected} rows, got ${n}`);
}

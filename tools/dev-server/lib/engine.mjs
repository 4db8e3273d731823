// Loads and wraps SurrealDB's embedded engines behind one small interface:
//
//   engine.kind                 3 or 2
//   engine.sessions             true when the engine has attach/detach sessions (3.x)
//   engine.version              e.g. 'surrealdb-3.0.2' (from the engine's own `version` method)
//   engine.execute(bytes)       CBOR request -> CBOR bytes of the bare result or of {error: {...}};
//                               never rejects for a bad request (errors come back as {error})
//   engine.onNotification(fn)   starts the single receiver loop; fn(Buffer) per notification
//   engine.withDefaultSession(ns, db, fn)   runs fn with the engine's own session switched to ns/db
//   engine.importSql(text) / engine.exportSql(options)   (call inside withDefaultSession)
//   engine.close()
//
// 3.x: @surrealdb/node (napi). 2.x: @surrealdb/wasm, loaded through a patched copy of its
// module (see embedded-engine.md): the package does not export the raw engine class.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode, decode, Tagged } from './cbor.mjs';
import { log } from './log.mjs';

const NONE = new Tagged(6, null);

/** Encodes {error: {...}} the way the 3.x engine shapes its errors. */
export function errorBytes(code, kind, message, details) {
  const err = { code, kind, message };
  if (details !== undefined) err.details = details;
  return encode({ error: err });
}

class Mutex {
  #tail = Promise.resolve();
  run(fn) {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

// ---------------------------------------------------------------------------------
// 3.x: @surrealdb/node

function loadNodeBinding() {
  const entry = fileURLToPath(import.meta.resolve('@surrealdb/node'));
  const dir = dirname(entry);
  const require = createRequire(entry);
  if (process.env.NAPI_RS_NATIVE_LIBRARY_PATH) return require(process.env.NAPI_RS_NATIVE_LIBRARY_PATH);
  const { platform, arch } = process;
  let suffixes = [''];
  if (platform === 'linux') {
    const glibc = process.report?.getReport?.()?.header?.glibcVersionRuntime;
    suffixes = glibc ? ['-gnu', '-musl'] : ['-musl', '-gnu'];
  } else if (platform === 'win32') {
    suffixes = ['-msvc'];
  }
  const errors = [];
  const candidates = suffixes.map((s) => `surrealdb-node.${platform}-${arch}${s}.node`);
  if (platform === 'darwin') candidates.push('surrealdb-node.darwin-universal.node');
  for (const file of candidates) {
    try {
      return require(join(dir, file));
    } catch (e) {
      errors.push(`${file}: ${e.message}`);
    }
  }
  throw new Error(`Cannot load the @surrealdb/node native binding for ${platform}-${arch}:\n  ${errors.join('\n  ')}`);
}

function engineOptions(opts) {
  const o = {};
  if (opts.strict) o.strict = true;
  return o;
}

class Engine3 {
  kind = 3;
  sessions = true;
  #engine;
  #closed = false;
  #mutex = new Mutex();
  version = 'surrealdb-3';

  static async open(opts) {
    const binding = loadNodeBinding();
    const e = new Engine3();
    e.#engine = await binding.SurrealNodeEngine.connect(opts.storage, engineOptions(opts));
    const v = decode(await e.execute(encode({ id: 0, method: 'version' })));
    if (typeof v === 'string') e.version = v;
    return e;
  }

  async execute(bytes) {
    if (this.#closed) return errorBytes(-32000, 'Internal', 'The server is shutting down');
    try {
      const r = await this.#engine.execute(bytes);
      return Buffer.isBuffer(r) ? r : Buffer.from(r.buffer, r.byteOffset, r.byteLength);
    } catch (e) {
      // The engine throws (instead of answering {error}) for requests it cannot read as an RPC
      // request at all: no/invalid method, non-scalar id, bad session value, non-map...
      const message = e?.message ?? String(e);
      if (message === 'Invalid request' || /^Expected /.test(message)) {
        return errorBytes(-32600, 'Validation', `Invalid request: ${message}`, { kind: 'InvalidRequest' });
      }
      log.warn('engine.execute failed:', message);
      return errorBytes(-32000, 'Internal', message);
    }
  }

  onNotification(fn) {
    (async () => {
      let rx;
      try {
        rx = await this.#engine.notifications();
      } catch (e) {
        log.error('cannot open the engine notification stream:', e);
        return;
      }
      while (!this.#closed) {
        let value;
        try {
          value = await rx.recv();
        } catch (e) {
          if (this.#closed) break;
          log.error('notification receiver failed:', e);
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        if (value === null || value === undefined) break;
        try {
          fn(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        } catch (e) {
          log.error('notification handler failed:', e);
        }
      }
      log.debug('notification loop ended');
    })().catch((e) => log.error('notification loop crashed:', e));
  }

  /** Runs fn after `use [ns, db]` on the engine's own (session-less) state, one at a time. */
  withDefaultSession(ns, db, fn) {
    return this.#mutex.run(async () => {
      const r = decode(await this.execute(encode({ id: 0, method: 'use', params: [ns ?? NONE, db ?? NONE] })));
      if (r && typeof r === 'object' && r.error) throw new Error(r.error.message);
      return fn();
    });
  }

  importSql(text) {
    return this.#engine.import(text);
  }

  exportSql(options) {
    return this.#engine.export(encode(options ?? {}));
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#engine.free();
    } catch (e) {
      log.warn('engine.free failed:', e);
    }
  }
}

// ---------------------------------------------------------------------------------
// 2.x: @surrealdb/wasm

async function loadWasmModule() {
  const modPath = fileURLToPath(import.meta.resolve('@surrealdb/wasm'));
  const modUrl = import.meta.resolve('@surrealdb/wasm');
  const sdkUrl = import.meta.resolve('surrealdb');
  let src = readFileSync(modPath, 'utf8');
  // A data: URL module cannot resolve bare specifiers nor use itself as a base URL.
  src = src.replace(/from\s*["']surrealdb["']/g, `from ${JSON.stringify(sdkUrl)}`);
  src = src.replace(/import\.meta\.url/g, JSON.stringify(modUrl));
  src += '\nexport { SurrealWasmEngine as __SurrealWasmEngine, surrealdb_default as __initWasm };\n';
  const mod = await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`);
  if (typeof mod.__SurrealWasmEngine !== 'function' || typeof mod.__initWasm !== 'function') {
    throw new Error('Unexpected @surrealdb/wasm layout: SurrealWasmEngine / init not found');
  }
  const wasmPath = join(dirname(modPath), '..', 'wasm', 'surrealdb_bg.wasm');
  await mod.__initWasm({ module_or_path: readFileSync(wasmPath) });
  return mod.__SurrealWasmEngine;
}

/** 2.x wasm errors are thrown as plain strings: give them the RPC codes of a 2.x server. */
function wasmError(e) {
  const message = typeof e === 'string' ? e : (e?.message ?? String(e));
  let code = -32000;
  if (message === 'Method not found') code = -32601;
  else if (message === 'Invalid request') code = -32600;
  else if (/^Invalid params/.test(message)) code = -32602;
  else if (/^Parse error/.test(message)) code = -32700;
  else if (/^Method not allowed/.test(message)) code = -32602;
  return encode({ error: { code, message } });
}

class Engine2 {
  kind = 2;
  sessions = false;
  #engine;
  #closed = false;
  #mutex = new Mutex();
  version = 'surrealdb-2';

  static async open(opts) {
    const SurrealWasmEngine = await loadWasmModule();
    const e = new Engine2();
    e.#engine = await SurrealWasmEngine.connect(opts.storage, engineOptions(opts));
    const v = decode(await e.execute(encode({ id: 0, method: 'version' })));
    if (typeof v === 'string') e.version = v;
    return e;
  }

  async execute(bytes) {
    if (this.#closed) return errorBytes(-32000, 'Internal', 'The server is shutting down');
    try {
      const r = await this.#engine.execute(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      return Buffer.from(r.buffer, r.byteOffset, r.byteLength);
    } catch (e) {
      return wasmError(e);
    }
  }

  onNotification(fn) {
    (async () => {
      let reader;
      try {
        reader = this.#engine.notifications().getReader();
      } catch (e) {
        log.error('cannot open the engine notification stream:', e);
        return;
      }
      while (!this.#closed) {
        let r;
        try {
          r = await reader.read();
        } catch (e) {
          if (this.#closed) break;
          log.error('notification stream failed:', e);
          break;
        }
        if (r.done) break;
        try {
          const v = r.value;
          fn(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
        } catch (e) {
          log.error('notification handler failed:', e);
        }
      }
      log.debug('notification loop ended');
    })().catch((e) => log.error('notification loop crashed:', e));
  }

  withDefaultSession(ns, db, fn) {
    // 2.x has one session only: this switches it for everyone (documented limit).
    return this.#mutex.run(async () => {
      if (ns != null || db != null) {
        const r = decode(await this.execute(encode({ id: 0, method: 'use', params: [ns ?? NONE, db ?? NONE] })));
        if (r && typeof r === 'object' && r.error) throw new Error(r.error.message);
      }
      return fn();
    });
  }

  async importSql(text) {
    try {
      return await this.#engine.import(text);
    } catch (e) {
      throw new Error(typeof e === 'string' ? e : (e?.message ?? String(e)));
    }
  }

  async exportSql(options) {
    try {
      return await this.#engine.export(encode(options ?? {}));
    } catch (e) {
      throw new Error(typeof e === 'string' ? e : (e?.message ?? String(e)));
    }
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#engine.free();
    } catch (e) {
      log.warn('engine.free failed:', e);
    }
  }
}

export async function openEngine(opts) {
  return opts.engine === 2 ? Engine2.open(opts) : Engine3.open(opts);
}

// Test helpers: start the server as a child process, raw CBOR WebSocket client, HTTP calls.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import http from 'node:http';
import https from 'node:https';
import WebSocket from 'ws';
import { encode, decode, Tagged } from '../lib/cbor.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = join(ROOT, 'server.mjs');

/**
 * Starts server.mjs on port 0 and waits for its READY line.
 * Returns {port, proc, readyMs, stderr(), stop(signal) -> exit code}.
 */
export function startServer(args = [], { timeoutMs = 10_000, stdin = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, [SERVER, '--port', '0', ...args], { stdio: [stdin, 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      proc.kill('SIGKILL');
      reject(new Error(`server did not print READY within ${timeoutMs} ms\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    proc.stderr.on('data', (d) => {
      err += d;
    });
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /^READY port=(\d+)$/m.exec(out);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        const server = {
          port: Number(m[1]),
          proc,
          readyMs: performance.now() - t0,
          stdout: () => out,
          stderr: () => err,
          exited,
          async stop(signal = 'SIGTERM') {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
            return exited;
          },
        };
        resolve(server);
      }
    });
    proc.on('exit', (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before READY\nstdout: ${out}\nstderr: ${err}`));
    });
  });
}

/** Raw CBOR RPC client over WebSocket. */
export class RawClient {
  static open(url, options = {}) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options.protocols === undefined ? 'cbor' : options.protocols, options);
      const c = new RawClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
      ws.once('unexpected-response', (req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.notifications = [];
    this.unmatched = [];
    this.waiters = [];
    this.closed = new Promise((r) => ws.on('close', (code, reason) => r({ code, reason: String(reason) })));
    ws.on('message', (data, isBinary) => {
      let msg;
      try {
        msg = decode(data);
      } catch (e) {
        msg = { undecodable: e.message, isBinary };
      }
      const p = msg && msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (p) {
        this.pending.delete(msg.id);
        p(msg);
      } else if (msg && msg.id === undefined && msg.result && msg.result.action) {
        this.notifications.push(msg.result);
      } else {
        this.unmatched.push(msg);
      }
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Sends {id, method, params, ...extra} and resolves with the whole answer {id, result|error}. */
  request(method, params, extra = {}) {
    const id = this.nextId++;
    const req = { id, method, ...extra };
    if (params !== undefined) req.params = params;
    return this.requestRaw(id, encode(req));
  }

  requestRaw(id, bytes) {
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(bytes);
    });
  }

  /** Like request() but returns the result and throws on error. */
  async call(method, params, extra) {
    const r = await this.request(method, params, extra);
    if (r.error) {
      const e = new Error(r.error.message);
      e.rpc = r.error;
      throw e;
    }
    return r.result;
  }

  send(data, options) {
    this.ws.send(data, options);
  }

  /** Waits until predicate() is true (checked on every message) or the timeout elapses. */
  async waitFor(predicate, timeoutMs = 2000) {
    const end = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = end - Date.now();
      if (left <= 0) return false;
      await new Promise((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return true;
  }

  close() {
    this.ws.close();
    return this.closed;
  }
}

export const uuid = (bytesOrTag) => {
  const b = bytesOrTag instanceof Tagged ? bytesOrTag.value : bytesOrTag;
  return Buffer.from(b).toString('hex');
};

/** Minimal HTTP(S) request helper. Resolves {status, headers, body: Buffer, text}. */
export function httpRequest(port, method, path, { headers = {}, body, tls = false } = {}) {
  return new Promise((resolve, reject) => {
    const mod = tls ? https : http;
    const req = mod.request(
      { host: '127.0.0.1', port, method, path, headers, rejectUnauthorized: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const b = Buffer.concat(chunks);
          resolve({ status: res.statusCode, headers: res.headers, body: b, text: b.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export const basic = (user, pass) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolves like promise, or rejects with `message` after ms (the timer never outlives it). */
export function withTimeout(promise, ms, message = 'timed out') {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

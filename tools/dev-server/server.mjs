#!/usr/bin/env node
// SurrealJ dev server: SurrealDB's official embedded engine behind the real RPC protocol.
// See README.md. Prints exactly one line 'READY port=<port>' on stdout when it serves.

import http from 'node:http';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { parseArgs, UsageError, HELP } from './lib/options.mjs';
import { log, setLevel } from './lib/log.mjs';
import { openEngine } from './lib/engine.mjs';
import { Router } from './lib/notify.mjs';
import { attachWebSocket } from './lib/ws.mjs';
import { createRequestHandler } from './lib/http.mjs';
import { call, RpcFailure } from './lib/session.mjs';

const started = process.hrtime.bigint();

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
  setLevel(opts.logLevel);
} catch (e) {
  if (e instanceof UsageError || /log level/.test(e.message)) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// Nothing that goes wrong in one request or connection may take the process down.
process.on('uncaughtException', (e) => log.error('uncaught exception (server keeps running):', e));
process.on('unhandledRejection', (e) => log.error('unhandled rejection (server keeps running):', e));

/** SurrealQL identifier in backticks, escaped. */
function ident(s) {
  return `\`${String(s).replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/** SurrealQL string literal, escaped. */
function str(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

async function defineRootUser(engine, user, pass) {
  const sql = `DEFINE USER OVERWRITE ${ident(user)} ON ROOT PASSWORD ${str(pass)} ROLES OWNER;`;
  const results = await call(engine, 'query', [sql]);
  const bad = Array.isArray(results) ? results.find((r) => r && r.status !== 'OK') : null;
  if (bad) throw new Error(`DEFINE USER failed: ${bad.result}`);
}

async function main() {
  let engine;
  try {
    engine = await openEngine(opts);
  } catch (e) {
    log.error(`cannot start the engine (${opts.storage}):`, e);
    process.exit(1);
  }
  log.info(`engine ${engine.version} on ${opts.storage}${engine.sessions ? '' : ' (single shared session)'}`);

  if (opts.user !== null) {
    try {
      await defineRootUser(engine, opts.user, opts.pass);
    } catch (e) {
      log.error('cannot define the root user:', e instanceof RpcFailure ? e.error : e);
      await engine.close();
      process.exit(1);
    }
    log.info(`root user '${opts.user}' defined: clients must authenticate`);
  }

  const router = new Router(engine.kind);
  engine.onNotification((buf) => router.dispatch(buf));

  const ctx = {
    engine,
    router,
    requireAuth: opts.user !== null,
    maxMessageSize: opts.maxMessageSize,
    connections: new Set(),
    shuttingDown: false,
  };

  const handler = createRequestHandler(ctx);
  let server;
  if (opts.tlsCert) {
    let cert;
    let key;
    try {
      cert = readFileSync(opts.tlsCert);
      key = readFileSync(opts.tlsKey);
    } catch (e) {
      log.error('cannot read the TLS certificate or key:', e.message);
      process.exit(1);
    }
    server = https.createServer({ cert, key }, handler);
  } else {
    server = http.createServer(handler);
  }
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.requestTimeout = 0;
  server.on('clientError', (err, socket) => {
    log.debug(`HTTP client error: ${err.message}`);
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  if (opts.tlsCert) server.on('tlsClientError', (err) => log.debug(`TLS client error: ${err.message}`));
  const wss = attachWebSocket(server, ctx);

  let stopping = false;
  async function shutdown(reason) {
    if (stopping) return;
    stopping = true;
    ctx.shuttingDown = true;
    log.info(`shutting down (${reason})`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    try {
      server.close();
      server.closeAllConnections?.();
      for (const c of ctx.connections) {
        try {
          c.ws.close(1001, 'Server shutting down');
        } catch {
          // ignore
        }
      }
      await new Promise((r) => setTimeout(r, ctx.connections.size ? 100 : 0));
      for (const c of ctx.connections) c.ws.terminate();
      wss.close();
      await engine.close();
    } catch (e) {
      log.error('error during shutdown:', e);
    }
    process.exit(0);
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));
  if (opts.exitWithStdin) {
    process.stdin.on('data', () => {});
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('close', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin error'));
    process.stdin.resume();
  }

  server.on('error', (e) => {
    log.error(`cannot listen on ${opts.bind}:${opts.port}:`, e.message);
    process.exit(1);
  });
  server.listen(opts.port, opts.bind, () => {
    const { port } = server.address();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    log.info(`listening on ${opts.tlsCert ? 'https/wss' : 'http/ws'}://${opts.bind}:${port} (ready in ${ms.toFixed(0)} ms)`);
    process.stdout.write(`READY port=${port}\n`);
  });
}

main().catch((e) => {
  log.error('fatal start-up error:', e);
  process.exit(1);
});

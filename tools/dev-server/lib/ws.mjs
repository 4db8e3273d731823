// WebSocket RPC at /rpc: one engine session per connection, requests run concurrently,
// answers framed by splicing raw CBOR bytes.

import { WebSocketServer } from 'ws';
import { CborError, encode, Tagged } from './cbor.mjs';
import {
  parseRequest,
  replaceSession,
  sessionKey,
  keyToUuid,
  param,
  errorOffset,
  frame,
  frameError,
  errors,
  liveIdsInQueryResult,
  uuidKeyAt,
} from './rpc.mjs';
import { Session, RpcFailure, UseFailure, closeSession } from './session.mjs';
import { log, enabled } from './log.mjs';

/** Methods an unauthenticated connection may call when the server requires auth. */
export const OPEN_METHODS = new Set([
  'ping',
  'version',
  'signin',
  'signup',
  'authenticate',
  'refresh',
  'use',
  'let',
  'unset',
  'invalidate',
  'reset',
  'attach',
  'detach',
]);
const AUTH_METHODS = new Set(['signin', 'signup', 'authenticate', 'refresh']);
const UNAUTH_METHODS = new Set(['invalidate', 'reset']);

/** Consecutive undecodable frames after which a connection is dropped. */
export const MAX_BAD_FRAMES = 16;
/** In-flight requests per connection above which reading pauses (resumes at half). */
const MAX_IN_FLIGHT = 4096;
/** Unsent bytes above which a client that does not read its answers is dropped. */
const MAX_BUFFERED = 512 * 1024 * 1024;

let connectionCounter = 0;
let traceOn = false;

class Connection {
  constructor(ctx, ws, session, remote) {
    this.ctx = ctx;
    this.ws = ws;
    this.n = ++connectionCounter;
    this.remote = remote;
    this.session = session; // the default session (injected into requests without `session`)
    this.own = new Map(); // client-attached sessions: hex -> uuid bytes
    this.authed = new Set(); // session hex keys that authenticated
    if (session.authed) this.authed.add(session.hex);
    this.inFlight = new Set();
    this.paused = false;
    this.badFrames = 0;
    this.closed = false;
    const { router, engine } = ctx;
    if (engine.sessions) router.addSession(session.hex, this, true);
    else router.addConnection(this);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', (code) => {
      this.onClose(code).catch((e) => log.error(`conn#${this.n} cleanup failed:`, e));
    });
    ws.on('error', (e) => log.debug(`conn#${this.n} socket error: ${e.message}`));
    log.debug(`conn#${this.n} open from ${remote} session ${session.uuidString ?? 'shared'}`);
  }

  send(buf) {
    const { ws } = this;
    if (ws.readyState !== 1) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      log.warn(`conn#${this.n} does not read its answers (${ws.bufferedAmount} bytes queued): dropping it`);
      ws.terminate();
      return;
    }
    ws.send(buf, { binary: true }, (err) => {
      if (err) log.debug(`conn#${this.n} send failed: ${err.message}`);
    });
  }

  sendNotification(buf) {
    this.send(buf);
  }

  onMessage(data, isBinary) {
    if (this.closed) return;
    if (!isBinary) {
      this.badFrame('text frames are not supported: send CBOR in binary frames');
      return;
    }
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    let req;
    try {
      req = parseRequest(buf);
    } catch (e) {
      if (e instanceof CborError) {
        this.badFrame(e.message);
        return;
      }
      log.error(`conn#${this.n} parse failure:`, e);
      this.badFrame('unreadable message');
      return;
    }
    this.badFrames = 0;
    if (req.notMap) {
      this.send(frameError(null, errors.invalidRequest('a request must be a CBOR map')));
      return;
    }
    const p = this.handle(buf, req)
      .catch((e) => {
        log.error(`conn#${this.n} request failed:`, e);
        this.send(frameError(req.idBytes, errors.internal(`Internal server error: ${e?.message ?? e}`)));
      })
      .finally(() => {
        this.inFlight.delete(p);
        if (this.paused && this.inFlight.size <= MAX_IN_FLIGHT / 2) {
          this.paused = false;
          this.ws.resume();
        }
      });
    this.inFlight.add(p);
    if (!this.paused && this.inFlight.size >= MAX_IN_FLIGHT) {
      this.paused = true;
      this.ws.pause();
    }
  }

  badFrame(detail) {
    this.badFrames++;
    log.debug(`conn#${this.n} bad frame (${this.badFrames} in a row): ${detail}`);
    this.send(frameError(null, errors.parse(detail)));
    if (this.badFrames >= MAX_BAD_FRAMES) {
      log.warn(`conn#${this.n} sent ${this.badFrames} invalid messages in a row: disconnecting it`);
      this.ws.close(1008, 'Too many invalid messages');
      this.closed = true;
    }
  }

  async handle(buf, req) {
    const { engine, requireAuth } = this.ctx;
    const { method } = req;
    if (traceOn) log.trace(`conn#${this.n} -> ${method} (${buf.length} bytes)`);
    let out = buf;
    let sessionHex = this.session.hex;
    let clientSession = null;

    if (engine.sessions) {
      if (req.session && !req.sessionNone) {
        clientSession = sessionKey(buf, req.session[0], req.session[1]);
        if (clientSession === null) {
          this.send(frameError(req.idBytes, errors.invalidRequest('session must be a UUID')));
          return;
        }
        if (method !== 'attach' && !this.own.has(clientSession)) {
          this.send(frameError(req.idBytes, errors.sessionNotFound(keyToUuid(clientSession))));
          return;
        }
        sessionHex = clientSession;
      } else {
        if (method === 'attach' || method === 'detach') {
          this.send(frameError(req.idBytes, errors.invalidParams('Expected a session ID')));
          return;
        }
        out = replaceSession(buf, req, this.session.entry);
      }
      if (method === 'sessions') {
        const list = [...this.own.values()].map((u) => new Tagged(37, u));
        this.send(frame(req.idBytes, encode(list), -1));
        return;
      }
    }

    if (requireAuth && !OPEN_METHODS.has(method) && !this.authed.has(sessionHex)) {
      this.send(frameError(req.idBytes, errors.notAllowed(method)));
      return;
    }

    if (method === 'detach' && clientSession && this.own.has(clientSession)) {
      // The engine's detach leaves live queries running: reset (kills them) first.
      try {
        await this.ctx.engine.execute(encode({ id: 0, method: 'reset', session: new Tagged(37, this.own.get(clientSession)) }));
      } catch (e) {
        log.debug(`conn#${this.n} reset before detach failed: ${e.message}`);
      }
    }

    const res = await engine.execute(out);
    const errOff = errorOffset(res);
    if (errOff < 0) this.afterSuccess(method, buf, req, res, sessionHex, clientSession);
    this.send(frame(req.idBytes, res, errOff));
  }

  afterSuccess(method, buf, req, res, sessionHex, clientSession) {
    const { router, engine } = this.ctx;
    if (AUTH_METHODS.has(method)) {
      this.authed.add(sessionHex);
    } else if (UNAUTH_METHODS.has(method)) {
      this.authed.delete(sessionHex);
    } else if (method === 'attach' && clientSession) {
      const uuid = Buffer.from(clientSession, 'hex');
      this.own.set(clientSession, uuid);
      router.addSession(clientSession, this, false);
    } else if (method === 'detach' && clientSession) {
      this.own.delete(clientSession);
      this.authed.delete(clientSession);
      router.removeSession(clientSession);
    } else if (method === 'live') {
      const id = uuidKeyAt(res, 0, res.length);
      if (id) router.trackLive(id, engine.sessions ? sessionHex : this);
    } else if (method === 'query') {
      let sql;
      try {
        sql = param(buf, req, 0);
      } catch {
        sql = undefined;
      }
      if (typeof sql === 'string' && /\blive\s+select\b/i.test(sql)) {
        try {
          for (const id of liveIdsInQueryResult(res, !engine.sessions)) router.trackLive(id, engine.sessions ? sessionHex : this);
        } catch (e) {
          log.debug(`conn#${this.n} could not scan a query answer for live ids: ${e.message}`);
        }
      }
    }
  }

  async onClose(code) {
    this.closed = true;
    const { router, engine } = this.ctx;
    log.debug(`conn#${this.n} closed (${code})`);
    // Let in-flight requests settle so no LIVE query is created after the clean-up.
    if (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
    if (engine.sessions) {
      router.removeSession(this.session.hex);
      const all = [this.session.uuid, ...this.own.values()];
      for (const hex of this.own.keys()) router.removeSession(hex);
      this.own.clear();
      await Promise.all(all.map((u) => closeSession(engine, u)));
    } else {
      // 2.x: one shared session; kill the live queries this connection started.
      const lives = router.livesOf(this);
      router.removeConnection(this);
      for (const live of lives) {
        try {
          await engine.execute(encode({ id: 0, method: 'kill', params: [new Tagged(37, Buffer.from(live, 'hex'))] }));
        } catch {
          // best effort
        }
      }
    }
    this.ctx.connections.delete(this);
  }
}

/**
 * Attaches the WebSocket endpoint to an http(s) server. ctx: {engine, router, requireAuth,
 * maxMessageSize, connections}.
 */
export function attachWebSocket(server, ctx) {
  traceOn = enabled('trace');
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: ctx.maxMessageSize,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has('cbor') ? 'cbor' : false),
  });
  ctx.connections = ctx.connections ?? new Set();

  server.on('upgrade', (req, socket, headBuf) => {
    socket.on('error', (e) => log.debug(`upgrade socket error: ${e.message}`));
    let path;
    try {
      path = new URL(req.url, 'http://x').pathname;
    } catch {
      path = '';
    }
    if (path !== '/rpc') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (ctx.shuttingDown) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    (async () => {
      let session;
      try {
        session = await Session.open(ctx.engine);
      } catch (e) {
        log.error('cannot attach a session for a new connection:', e);
        socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      try {
        await session.applyHeaders(req.headers);
      } catch (e) {
        await session.close();
        const msg = e instanceof RpcFailure ? e.error.message : String(e?.message ?? e);
        log.debug(`upgrade refused: ${msg}`);
        const status = e instanceof UseFailure ? '400 Bad Request' : '401 Unauthorized';
        const body = Buffer.from(msg);
        socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n`);
        socket.end(body);
        return;
      }
      let adopted = false;
      const release = () => {
        if (!adopted) session.close().catch(() => {});
      };
      if (socket.destroyed) {
        release();
        return;
      }
      socket.once('close', release);
      wss.handleUpgrade(req, socket, headBuf, (ws) => {
        adopted = true;
        socket.off('close', release);
        const conn = new Connection(ctx, ws, session, `${req.socket.remoteAddress}:${req.socket.remotePort}`);
        ctx.connections.add(conn);
      });
    })().catch((e) => {
      log.error('upgrade failed:', e);
      socket.destroy();
    });
  });

  return wss;
}

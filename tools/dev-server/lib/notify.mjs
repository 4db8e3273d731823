// Routes the engine's live-query notifications to the connection that owns them.
//
// 3.x: every notification carries the `session` that ran the LIVE query (NONE for KILLED
// notifications). The router maps session -> connection, and remembers live id -> session so
// that KILLED notifications (no session) still reach their owner. Notifications from the
// connection's default session go out without a `session` key (as a real server does for a
// connection's own session); those from a session the client attached keep `session`.
//
// 2.x: there is one session. Live ids learnt from `live` / `query` answers map to the
// connection that created them; a notification with an unknown live id goes to every client.

import { forEachMapEntry, readMapHeader, head } from './cbor.mjs';
import { frameNotification, sessionEntry, uuidKeyAt } from './rpc.mjs';
import { log } from './log.mjs';

export class Router {
  constructor(kind) {
    this.kind = kind;
    this.sessions = new Map(); // session hex -> {conn, isDefault, uuid}
    this.lives = new Map(); // live id hex -> session hex (3.x) | connection (2.x)
    this.conns = new Set(); // 2.x broadcast list
    this.dropped = 0;
  }

  addSession(hex, conn, isDefault) {
    this.sessions.set(hex, { conn, isDefault, uuid: Buffer.from(hex, 'hex') });
  }

  removeSession(hex) {
    this.sessions.delete(hex);
    for (const [live, owner] of this.lives) if (owner === hex) this.lives.delete(live);
  }

  addConnection(conn) {
    this.conns.add(conn);
  }

  removeConnection(conn) {
    this.conns.delete(conn);
    for (const [live, owner] of this.lives) if (owner === conn) this.lives.delete(live);
  }

  trackLive(liveHex, owner) {
    this.lives.set(liveHex, owner);
  }

  livesOf(owner) {
    const out = [];
    for (const [live, o] of this.lives) if (o === owner) out.push(live);
    return out;
  }

  dispatch(buf) {
    if (this.kind === 2) return this.#dispatch2(buf);
    return this.#dispatch3(buf);
  }

  #dispatch3(buf) {
    let count = 0;
    let sess = null; // [keyStart, valueStart, valueEnd]
    let liveHex = null;
    let killed = false;
    forEachMapEntry(buf, 0, (k, vs, ve, ks) => {
      count++;
      if (k === 'session') sess = [ks, vs, ve];
      else if (k === 'id') liveHex = uuidKeyAt(buf, vs, ve);
      else if (k === 'action') killed = ve - vs === 7 && buf.toString('latin1', vs + 1, ve) === 'KILLED';
    });
    let sessionHex = sess ? uuidKeyAt(buf, sess[1], sess[2]) : null;
    if (sessionHex) {
      if (liveHex && !killed && !this.lives.has(liveHex)) this.lives.set(liveHex, sessionHex);
    } else if (liveHex) {
      sessionHex = this.lives.get(liveHex) ?? null;
    }
    if (killed && liveHex) this.lives.delete(liveHex);
    const owner = sessionHex ? this.sessions.get(sessionHex) : undefined;
    if (!owner) {
      this.dropped++;
      log.debug(`notification for live query ${liveHex} dropped: no connection owns session ${sessionHex}`);
      return;
    }
    // Rebuild the map: without `session` for the default session, with the owner's
    // session otherwise (KILLED notifications carry NONE there).
    const h = readMapHeader(buf, 0);
    const entriesStart = h.next;
    const entriesEnd = h.count < 0 ? buf.length - 1 : buf.length;
    let out;
    const others = sess
      ? [buf.subarray(entriesStart, sess[0]), buf.subarray(sess[2], entriesEnd)]
      : [buf.subarray(entriesStart, entriesEnd)];
    const n = sess ? count - 1 : count;
    if (owner.isDefault) out = Buffer.concat([head(5, n), ...others]);
    else out = Buffer.concat([head(5, n + 1), ...others, sessionEntry(owner.uuid)]);
    owner.conn.sendNotification(frameNotification(out));
  }

  #dispatch2(buf) {
    let liveHex = null;
    let killed = false;
    forEachMapEntry(buf, 0, (k, vs, ve) => {
      if (k === 'id') liveHex = uuidKeyAt(buf, vs, ve);
      else if (k === 'action') killed = ve - vs === 7 && buf.toString('latin1', vs + 1, ve) === 'KILLED';
    });
    const framed = frameNotification(buf);
    const owner = liveHex ? this.lives.get(liveHex) : undefined;
    if (killed && liveHex) this.lives.delete(liveHex);
    if (owner) {
      owner.sendNotification(framed);
      return;
    }
    for (const c of this.conns) c.sendNotification(framed);
  }
}

// Engine sessions (3.x attach/detach) and the HTTP-style headers that seed them:
// Authorization (Basic / Bearer), Surreal-NS / Surreal-DB (or NS / DB),
// Surreal-Auth-NS / Surreal-Auth-DB (+ Surreal-Auth-Access) for ns/db users.

import { randomUUID } from 'node:crypto';
import { encode, decode, Tagged, uuidFromString } from './cbor.mjs';
import { sessionEntry } from './rpc.mjs';

export class RpcFailure extends Error {
  constructor(error) {
    super(error?.message ?? 'RPC error');
    this.error = error;
  }
}

/** A refused `use` of the NS/DB headers (not an authentication problem). */
export class UseFailure extends RpcFailure {}

/** Runs one RPC call on the engine and decodes the answer; throws RpcFailure on {error}. */
export async function call(engine, method, params, sessionUuid) {
  const req = { id: 0, method };
  if (params !== undefined) req.params = params;
  if (sessionUuid) req.session = new Tagged(37, sessionUuid);
  const res = decode(await engine.execute(encode(req)));
  if (res && typeof res === 'object' && res.error && typeof res.error === 'object' && 'code' in res.error) {
    throw new RpcFailure(res.error);
  }
  return res;
}

function header(headers, ...names) {
  for (const n of names) {
    const v = headers[n];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

export function nsDbFromHeaders(headers) {
  return {
    ns: header(headers, 'surreal-ns', 'ns'),
    db: header(headers, 'surreal-db', 'db'),
  };
}

/**
 * Credentials in headers: {type: 'basic', params} | {type: 'bearer', token} | null.
 * Throws RpcFailure for an Authorization header that cannot be read.
 */
export function credentialsFromHeaders(headers) {
  const auth = header(headers, 'authorization');
  if (!auth) return null;
  const m = /^(\w+)\s+(.+)$/.exec(auth.trim());
  if (m && m[1].toLowerCase() === 'basic') {
    const text = Buffer.from(m[2], 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0) throw new RpcFailure({ code: -32002, kind: 'NotAllowed', message: 'Invalid Basic authorization header' });
    const params = { user: text.slice(0, colon), pass: text.slice(colon + 1) };
    const ns = header(headers, 'surreal-auth-ns');
    const db = header(headers, 'surreal-auth-db');
    const ac = header(headers, 'surreal-auth-access', 'surreal-auth-ac');
    if (ns) params.ns = ns;
    if (db) params.db = db;
    if (ac) params.ac = ac;
    return { type: 'basic', params };
  }
  if (m && m[1].toLowerCase() === 'bearer') return { type: 'bearer', token: m[2].trim() };
  throw new RpcFailure({ code: -32002, kind: 'NotAllowed', message: 'Unsupported Authorization header' });
}

/**
 * One engine session. With a 3.x engine it is a fresh attached session; with 2.x it stands
 * for the engine's single shared session (uuid = null, attach/detach are no-ops).
 */
export class Session {
  constructor(engine, uuidString) {
    this.engine = engine;
    this.authed = false;
    if (engine.sessions) {
      this.uuidString = uuidString ?? randomUUID();
      this.uuid = uuidFromString(this.uuidString);
      this.hex = Buffer.from(this.uuid).toString('hex');
      this.entry = sessionEntry(this.uuid);
    } else {
      this.uuidString = null;
      this.uuid = null;
      this.hex = 'shared';
      this.entry = null;
    }
  }

  static async open(engine) {
    const s = new Session(engine);
    if (engine.sessions) await call(engine, 'attach', undefined, s.uuid);
    return s;
  }

  call(method, params) {
    return call(this.engine, method, params, this.uuid);
  }

  /**
   * Signs in with the credentials in headers (if any), then `use`s the NS/DB headers.
   * Returns true when credentials were present and accepted; throws RpcFailure when they
   * were present and refused.
   */
  async applyHeaders(headers) {
    const cred = credentialsFromHeaders(headers);
    if (cred?.type === 'basic') {
      await this.call('signin', [cred.params]);
      this.authed = true;
    } else if (cred?.type === 'bearer') {
      await this.call('authenticate', [cred.token]);
      this.authed = true;
    }
    const { ns, db } = nsDbFromHeaders(headers);
    if (ns !== undefined || db !== undefined) {
      const NONE = new Tagged(6, null);
      // `use` may create the namespace/database: concurrent first uses can conflict (retryable)
      for (let attempt = 1; ; attempt++) {
        try {
          await this.call('use', [ns ?? NONE, db ?? NONE]);
          break;
        } catch (e) {
          if (!(e instanceof RpcFailure) || attempt >= 5 || !/can be retried|conflict/i.test(e.error?.message ?? '')) {
            throw new UseFailure(e.error ?? { code: -32000, message: String(e?.message ?? e) });
          }
          await new Promise((r) => setTimeout(r, 2 * attempt));
        }
      }
    }
    return this.authed;
  }

  /** Kills the session's live queries and transactions (reset), then detaches it. */
  async close() {
    if (!this.engine.sessions) return;
    await closeSession(this.engine, this.uuid);
  }
}

export async function closeSession(engine, uuid) {
  try {
    await call(engine, 'reset', undefined, uuid);
  } catch {
    // already gone
  }
  try {
    await call(engine, 'detach', undefined, uuid);
  } catch {
    // already gone
  }
}

// HTTP endpoints: /health /status /version /rpc /sql /import /export /signin /signup.
// Every request that touches data gets its own engine session (3.x): attach, sign in from the
// Authorization header, `use` the NS/DB headers, run, then reset + detach.

import { CborError, Tagged, encode, decode } from './cbor.mjs';
import { parseRequest, replaceSession, errorOffset, frame, frameError, errors } from './rpc.mjs';
import { Session, RpcFailure, UseFailure, nsDbFromHeaders } from './session.mjs';
import { cborToJson } from './json.mjs';
import { OPEN_METHODS } from './ws.mjs';
import { log } from './log.mjs';

/** Methods that need a connection (live queries, interactive transactions, sessions). */
const WS_ONLY = new Set(['live', 'kill', 'begin', 'commit', 'cancel', 'attach', 'detach', 'sessions']);

class HttpError extends Error {
  constructor(status, message, close = false) {
    super(message);
    this.status = status;
    this.close = close;
  }
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body larger than ${limit} bytes`, true));
      return;
    }
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (c) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `Request body larger than ${limit} bytes`, true));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) {
        failed = true;
        reject(e);
      }
    });
  });
}

function send(res, status, type, body, extraHeaders) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body ?? Buffer.alloc(0);
  const headers = { 'Content-Length': buf.length, ...extraHeaders };
  if (type) headers['Content-Type'] = type;
  res.writeHead(status, headers);
  res.end(buf);
}

const JSON_TYPE = 'application/json';
const CBOR_TYPE = 'application/cbor';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function jsonError(res, status, information) {
  send(
    res,
    status,
    JSON_TYPE,
    JSON.stringify({
      code: status,
      details: status === 401 ? 'Authentication failed' : 'Request problems detected',
      description: status === 401 ? 'Your authentication details are invalid.' : 'There is a problem with your request.',
      information,
    }),
  );
}

function wantsCbor(req) {
  return /application\/cbor/i.test(req.headers.accept || '');
}

/**
 * Opens a per-request session seeded from the headers. Throws HttpError(401) for refused
 * credentials, or when the server requires auth and none were given (unless allowAnonymous).
 */
async function openSession(ctx, req, { allowAnonymous = false } = {}) {
  const session = await Session.open(ctx.engine);
  try {
    const authed = await session.applyHeaders(req.headers);
    if (ctx.requireAuth && !authed && !allowAnonymous) throw new HttpError(401, 'Authentication required');
    return session;
  } catch (e) {
    releaseSession(session);
    if (e instanceof UseFailure) {
      const err = new HttpError(400, e.error?.message ?? 'Cannot use this namespace/database');
      err.rpcError = e.error;
      throw err;
    }
    if (e instanceof RpcFailure) throw new HttpError(401, e.error?.message ?? 'There was a problem with authentication');
    throw e;
  }
}

function releaseSession(session) {
  session.close().catch((e) => log.debug(`session clean-up failed: ${e.message}`));
}

async function checkCredentials(ctx, req) {
  const session = await openSession(ctx, req);
  releaseSession(session);
}

// ---------------------------------------------------------------------------------

async function rpc(ctx, req, res) {
  const body = await readBody(req, ctx.maxMessageSize);
  let r;
  try {
    r = parseRequest(body);
  } catch (e) {
    if (!(e instanceof CborError)) throw e;
    send(res, 400, CBOR_TYPE, frameError(null, errors.parse(e.message)));
    return;
  }
  if (r.notMap) {
    send(res, 400, CBOR_TYPE, frameError(null, errors.invalidRequest('a request must be a CBOR map')));
    return;
  }
  if (WS_ONLY.has(r.method)) {
    send(res, 200, CBOR_TYPE, frameError(r.idBytes, errors.methodNotAllowed(r.method)));
    return;
  }
  let session;
  try {
    session = await openSession(ctx, req, { allowAnonymous: OPEN_METHODS.has(r.method) });
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) {
      send(res, 401, CBOR_TYPE, frameError(r.idBytes, errors.notAllowed(r.method)));
      return;
    }
    if (e instanceof HttpError && e.rpcError) {
      // a refused `use` of the NS/DB headers is an RPC error: HTTP 200 with {id, error}
      send(res, 200, CBOR_TYPE, frameError(r.idBytes, e.rpcError));
      return;
    }
    throw e;
  }
  try {
    const out = session.entry ? replaceSession(body, r, session.entry) : body;
    const answer = await ctx.engine.execute(out);
    send(res, 200, CBOR_TYPE, frame(r.idBytes, answer, errorOffset(answer)));
  } finally {
    releaseSession(session);
  }
}

function varsFromQuery(url) {
  const vars = {};
  for (const [k, v] of url.searchParams) vars[k] = v;
  return vars;
}

async function sql(ctx, req, res, url) {
  const body = (await readBody(req, ctx.maxMessageSize)).toString('utf8');
  const session = await openSession(ctx, req);
  try {
    const call = { id: 0, method: 'query', params: [body, varsFromQuery(url)] };
    if (session.uuid) call.session = new Tagged(37, session.uuid);
    const answer = await ctx.engine.execute(encode(call));
    const errOff = errorOffset(answer);
    if (wantsCbor(req)) {
      send(res, errOff >= 0 ? 400 : 200, CBOR_TYPE, answer);
      return;
    }
    if (errOff >= 0) {
      const err = decode(answer).error;
      jsonError(res, 400, err?.message ?? 'Query failed');
      return;
    }
    send(res, 200, JSON_TYPE, cborToJson(answer));
  } finally {
    releaseSession(session);
  }
}

function requireNsDb(req, needDb) {
  const { ns, db } = nsDbFromHeaders(req.headers);
  if (!ns || (needDb && !db)) {
    throw new HttpError(400, 'Specify a namespace and a database with the Surreal-NS and Surreal-DB headers');
  }
  return { ns, db };
}

async function importSql(ctx, req, res) {
  const { ns, db } = requireNsDb(req, true);
  await checkCredentials(ctx, req);
  const text = (await readBody(req, ctx.maxMessageSize)).toString('utf8');
  try {
    await ctx.engine.withDefaultSession(ns, db, () => ctx.engine.importSql(text));
  } catch (e) {
    jsonError(res, 400, e?.message ?? String(e));
    return;
  }
  send(res, 200, JSON_TYPE, JSON.stringify({ status: 'OK' }));
}

async function exportSql(ctx, req, res) {
  const { ns, db } = requireNsDb(req, true);
  await checkCredentials(ctx, req);
  let options = {};
  if (req.method === 'POST') {
    const body = (await readBody(req, ctx.maxMessageSize)).toString('utf8').trim();
    if (body) {
      try {
        options = JSON.parse(body);
      } catch {
        throw new HttpError(400, 'The export options must be a JSON object');
      }
      if (!options || typeof options !== 'object' || Array.isArray(options)) {
        throw new HttpError(400, 'The export options must be a JSON object');
      }
    }
  }
  let text;
  try {
    text = await ctx.engine.withDefaultSession(ns, db, () => ctx.engine.exportSql(options));
  } catch (e) {
    jsonError(res, 400, e?.message ?? String(e));
    return;
  }
  send(res, 200, TEXT_TYPE, String(text));
}

async function signinOrUp(ctx, req, res, method) {
  const body = (await readBody(req, ctx.maxMessageSize)).toString('utf8');
  let params;
  try {
    params = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'The body must be a JSON object');
  }
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new HttpError(400, 'The body must be a JSON object');
  const session = await Session.open(ctx.engine);
  try {
    const token = await session.call(method, [params]);
    send(res, 200, JSON_TYPE, JSON.stringify({ code: 200, details: 'Authentication succeeded', token }));
  } catch (e) {
    if (e instanceof RpcFailure) {
      jsonError(res, 401, e.error?.message ?? 'There was a problem with authentication');
      return;
    }
    throw e;
  } finally {
    releaseSession(session);
  }
}

async function health(ctx, req, res) {
  try {
    const answer = await ctx.engine.execute(encode({ id: 0, method: 'ping' }));
    if (errorOffset(answer) >= 0) throw new Error(decode(answer).error.message);
    send(res, 200, null, '');
  } catch (e) {
    log.error('health check failed:', e);
    send(res, 500, TEXT_TYPE, 'engine unavailable');
  }
}

const ROUTES = {
  '/health': { GET: health, HEAD: health },
  '/status': { GET: (c, q, s) => send(s, 200, null, ''), HEAD: (c, q, s) => send(s, 200, null, '') },
  '/version': { GET: (c, q, s) => send(s, 200, TEXT_TYPE, c.engine.version) },
  '/rpc': { POST: rpc },
  '/sql': { POST: sql },
  '/import': { POST: importSql },
  '/export': { GET: exportSql, POST: exportSql },
  '/signin': { POST: (c, q, s) => signinOrUp(c, q, s, 'signin') },
  '/signup': { POST: (c, q, s) => signinOrUp(c, q, s, 'signup') },
};

export function createRequestHandler(ctx) {
  return (req, res) => {
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      send(res, 400, TEXT_TYPE, 'Bad request URL');
      return;
    }
    const route = ROUTES[url.pathname];
    if (!route) {
      send(res, 404, TEXT_TYPE, 'Not found');
      return;
    }
    const handler = route[req.method];
    if (!handler) {
      send(res, 405, TEXT_TYPE, 'Method not allowed', { Allow: Object.keys(route).join(', ') });
      return;
    }
    Promise.resolve()
      .then(() => handler(ctx, req, res, url))
      .catch((e) => {
        if (e instanceof HttpError) {
          if (e.close) res.setHeader('Connection', 'close');
          if (url.pathname === '/rpc') send(res, e.status, CBOR_TYPE, frameError(null, e.status === 401 ? errors.notAllowed('rpc') : errors.invalidRequest(e.message)));
          else jsonError(res, e.status, e.message);
          return;
        }
        log.error(`HTTP ${req.method} ${url.pathname} failed:`, e);
        try {
          jsonError(res, 500, 'Internal server error');
        } catch {
          res.destroy();
        }
      });
  };
}

// Command line parsing for server.mjs.

export const HELP = `Usage: node server.mjs [options]

Hosts SurrealDB's official embedded engine behind the real RPC protocol:
WebSocket at /rpc (CBOR) plus the HTTP endpoints /rpc /sql /import /export
/health /status /version /signin /signup, all on one port.

Options:
  --bind ADDR              address to listen on (default 127.0.0.1)
  --port N                 port (default 8000; 0 = any free port)
  --storage URL            mem:// (default) | surrealkv://PATH | rocksdb://PATH
  --user U --pass P        define root user U (OWNER) and require authentication
  --tls-cert FILE          PEM certificate: serve https/wss (needs --tls-key)
  --tls-key FILE           PEM private key
  --engine 3|2             3 = SurrealDB 3.0.2 via @surrealdb/node (default)
                           2 = SurrealDB 2.6.0 via @surrealdb/wasm (memory only,
                               one session shared by all clients)
  --strict                 start the engine in strict mode
  --max-message-size N     largest WebSocket message / HTTP body in bytes
                           (suffixes K, M, G, KiB, MiB, GiB; default 128MiB)
  --exit-with-stdin        exit when stdin closes (for parent processes)
  --log-level LEVEL        error | warn | info (default) | debug | trace | none
  --help                   show this help

On start-up the server prints exactly one line 'READY port=<port>' on stdout;
all logging goes to stderr.
`;

export class UsageError extends Error {}

function parseSize(s) {
  const m = /^(\d+)\s*(k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(String(s).trim());
  if (!m) throw new UsageError(`Invalid size '${s}'`);
  const mult = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] || '').charAt(0).toLowerCase()] || 1;
  const n = Number(m[1]) * mult;
  if (!Number.isSafeInteger(n) || n < 1024) throw new UsageError(`Size '${s}' out of range (min 1KiB)`);
  return n;
}

export function parseArgs(argv) {
  const o = {
    bind: '127.0.0.1',
    port: 8000,
    storage: 'mem://',
    user: null,
    pass: null,
    tlsCert: null,
    tlsKey: null,
    engine: 3,
    strict: false,
    maxMessageSize: 128 * 1024 * 1024,
    exitWithStdin: false,
    logLevel: 'info',
    help: false,
  };
  const valued = {
    '--bind': (v) => (o.bind = v),
    '--port': (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`Invalid port '${v}'`);
      o.port = n;
    },
    '--storage': (v) => (o.storage = v),
    '--user': (v) => (o.user = v),
    '--pass': (v) => (o.pass = v),
    '--tls-cert': (v) => (o.tlsCert = v),
    '--tls-key': (v) => (o.tlsKey = v),
    '--engine': (v) => {
      if (v !== '2' && v !== '3') throw new UsageError(`Invalid engine '${v}' (use 3 or 2)`);
      o.engine = Number(v);
    },
    '--max-message-size': (v) => (o.maxMessageSize = parseSize(v)),
    '--log-level': (v) => (o.logLevel = v),
  };
  const flags = {
    '--exit-with-stdin': () => (o.exitWithStdin = true),
    '--strict': () => (o.strict = true),
    '--help': () => (o.help = true),
    '-h': () => (o.help = true),
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (flags[arg]) {
      if (value !== undefined) throw new UsageError(`Option ${arg} takes no value`);
      flags[arg]();
    } else if (valued[arg]) {
      if (value === undefined) {
        if (i + 1 >= argv.length) throw new UsageError(`Option ${arg} needs a value`);
        value = argv[++i];
      }
      valued[arg](value);
    } else {
      throw new UsageError(`Unknown option '${argv[i]}' (see --help)`);
    }
  }
  if ((o.user === null) !== (o.pass === null)) throw new UsageError('--user and --pass go together');
  if (o.user === '') throw new UsageError('--user must not be empty');
  if ((o.tlsCert === null) !== (o.tlsKey === null)) throw new UsageError('--tls-cert and --tls-key go together');
  if (!/^(mem:\/\/|memory$|surrealkv(\+versioned)?:\/\/.+|rocksdb:\/\/.+)/.test(o.storage)) {
    throw new UsageError(`Invalid --storage '${o.storage}' (mem://, surrealkv://PATH or rocksdb://PATH)`);
  }
  if (o.storage === 'memory') o.storage = 'mem://';
  if (o.engine === 2 && o.storage !== 'mem://') throw new UsageError('--engine 2 supports mem:// storage only');
  return o;
}

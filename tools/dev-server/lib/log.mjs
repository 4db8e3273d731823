// Minimal leveled logger writing to stderr (stdout is reserved for the READY line).

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };
let current = LEVELS.info;

export function setLevel(name) {
  const n = String(name).toLowerCase();
  if (n === 'none' || n === 'off' || n === 'silent') {
    current = -1;
    return;
  }
  if (!(n in LEVELS)) throw new Error(`Unknown log level '${name}' (use error, warn, info, debug, trace or none)`);
  current = LEVELS[n];
}

export function enabled(level) {
  return LEVELS[level] <= current;
}

function fmt(a) {
  if (a instanceof Error) return a.stack || String(a);
  if (typeof a === 'string') return a;
  try {
    return JSON.stringify(a);
  } catch {
    return String(a);
  }
}

function write(level, args) {
  if (LEVELS[level] > current) return;
  const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${args.map(fmt).join(' ')}\n`;
  try {
    process.stderr.write(line);
  } catch {
    // stderr gone: nothing sensible left to do
  }
}

export const log = {
  error: (...a) => write('error', a),
  warn: (...a) => write('warn', a),
  info: (...a) => write('info', a),
  debug: (...a) => write('debug', a),
  trace: (...a) => write('trace', a),
};

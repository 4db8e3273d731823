#!/usr/bin/env node
// Runs `npm ci` only when node_modules is missing or older than package-lock.json / package.json,
// or when an installed package's version differs from the lock file. Used by the Maven build.
// `--force` always reinstalls.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const marker = join(root, 'node_modules', '.package-lock.json');

function why() {
  if (process.argv.includes('--force')) return 'forced';
  if (!existsSync(marker)) return 'node_modules is missing';
  const installed = statSync(marker).mtimeMs;
  if (statSync(lockFile).mtimeMs > installed) return 'package-lock.json is newer than node_modules';
  if (statSync(join(root, 'package.json')).mtimeMs > installed) return 'package.json is newer than node_modules';
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  for (const [path, meta] of Object.entries(lock.packages || {})) {
    if (!path || !meta.version) continue;
    const pj = join(root, path, 'package.json');
    if (!existsSync(pj)) return `${path} is missing`;
    const v = JSON.parse(readFileSync(pj, 'utf8')).version;
    if (v !== meta.version) return `${path} is ${v}, the lock file wants ${meta.version}`;
  }
  return null;
}

const reason = why();
if (!reason) {
  console.log('dev-server: node_modules is up to date (npm ci skipped)');
  process.exit(0);
}
console.log(`dev-server: running npm ci (${reason})`);
const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (r.error) {
  console.error(`dev-server: cannot run npm: ${r.error.message}`);
  process.exit(1);
}
process.exit(r.status ?? 1);

// Reproduces, WITHOUT SurrealJ and without the dev server, two isolation problems of SurrealDB 3.0.2's
// embedded engine (@surrealdb/node 3.0.3) that tools/reliability's BankTransferTest runs into:
//
//   1. lost updates: 8 concurrent sessions move money between 10 accounts, each transfer one interactive
//      transaction (begin; UPDATE a SET balance -= x; UPDATE b SET balance += x; commit), conflicts
//      retried. The total must stay 10000. With surrealkv:// and mem:// it drifts; with rocksdb:// it holds.
//   2. mem:// snapshots lose records: a transaction that has read a table no longer sees records that two
//      later transactions updated and committed.
//
// Uses the official JS SDK (surrealdb 2.0.8) and engine installed in tools/dev-server/node_modules:
//   node tools/reliability/engine-repro/bank-invariant.mjs            # all three storages
//   node tools/reliability/engine-repro/bank-invariant.mjs surrealkv  # one of mem, surrealkv, rocksdb
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const modules = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dev-server', 'node_modules');
const { Surreal, RecordId } = await import(pathToFileURL(join(modules, 'surrealdb/dist/surrealdb.server.mjs')).href);
const { createNodeEngines } = await import(pathToFileURL(join(modules, '@surrealdb/node/dist/surrealdb-node.mjs')).href);

async function open(kind) {
  const url = kind === 'mem' ? 'mem://' : `${kind}://${join(mkdtempSync(join(tmpdir(), 'repro-')), 'db')}`;
  const db = new Surreal({ engines: createNodeEngines() });
  await db.connect(url);
  await db.query('DEFINE NAMESPACE ns; USE NS ns; DEFINE DATABASE db;');
  await db.use({ namespace: 'ns', database: 'db' });
  return db;
}

async function lostUpdates(kind) {
  const root = await open(kind);
  for (let i = 1; i <= 10; i++) await root.query(`CREATE account:${i} SET balance = 1000`);
  let committed = 0, conflicts = 0;
  async function worker() {
    const s = await root.newSession();
    await s.use({ namespace: 'ns', database: 'db' });
    for (let i = 0; i < 150; i++) {
      const a = 1 + Math.floor(Math.random() * 10);
      let b = 1 + Math.floor(Math.random() * 9);
      if (b >= a) b++;
      const x = 1 + Math.floor(Math.random() * 299);
      for (;;) {
        const tx = await s.beginTransaction();
        try {
          await tx.query('UPDATE $a SET balance -= $x', { a: new RecordId('account', a), x });
          await tx.query('UPDATE $a SET balance += $x', { a: new RecordId('account', b), x });
          await tx.commit();
          committed++;
          break;
        } catch (e) {
          if (!String(e.message).includes('can be retried')) throw e;
          conflicts++;
          try { await tx.cancel(); } catch { /* already gone */ }
        }
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker));
  const [total] = await root.query('RETURN math::sum(SELECT VALUE balance FROM account)');
  console.log(`${kind}: lost updates: total ${total} after ${committed} transfers (${conflicts} conflicts retried); `
    + `expected 10000 -> ${Number(total) === 10000 ? 'OK' : 'BROKEN'}`);
  await root.close();
}

async function snapshot(kind) {
  const root = await open(kind);
  await root.query('CREATE probe:1 SET v = 1; CREATE probe:2 SET v = 2; CREATE probe:3 SET v = 3;');
  const a = await root.newSession();
  await a.use({ namespace: 'ns', database: 'db' });
  const b = await root.newSession();
  await b.use({ namespace: 'ns', database: 'db' });
  const ta = await a.beginTransaction();
  const [first] = await ta.query('SELECT VALUE v FROM probe ORDER BY v');
  for (let i = 0; i < 2; i++) {
    const tb = await b.beginTransaction();
    await tb.query('UPDATE probe:1 SET v += 10');
    await tb.commit();
  }
  const [second] = await ta.query('SELECT VALUE v FROM probe ORDER BY v');
  await ta.commit();
  const same = JSON.stringify(first) === JSON.stringify(second);
  console.log(`${kind}: snapshot: first read ${JSON.stringify(first)}, after two commits elsewhere `
    + `${JSON.stringify(second)} -> ${same ? 'OK' : 'BROKEN'}`);
  await root.close();
}

for (const kind of process.argv[2] ? [process.argv[2]] : ['mem', 'surrealkv', 'rocksdb']) {
  await snapshot(kind);
  await lostUpdates(kind);
}
process.exit(0);

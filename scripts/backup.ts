/** npm run backup -- <dir>: snapshot of the embedded database, local uploads and DATA_DIR's secrets (bff/src/backup). */
import { backup } from '../bff/src/backup/backup';
import { MONGODB_ADVICE } from '../bff/src/backup/snapshot';
import { runCommand, usage } from '../bff/src/backup/cli';
import { embeddedEngine } from '../bff/src/db/embedded-server';

async function main(): Promise<number> {
  const target = process.argv[2];
  const dataDir = process.env.DATA_DIR || './data';
  if (!target) return usage('usage: npm run backup -- <empty or new directory>   (DATA_DIR from the environment, default ./data)');
  if (process.env.MONGODB_URI) return usage(MONGODB_ADVICE);
  if (embeddedEngine() !== 'postgresql') return usage('EMBEDDED_DB=sqlite: stop the BFF and copy DATA_DIR (db/ and uploads/) as it is; npm run backup serves the PostgreSQL engine');
  const manifest = await backup(dataDir, target, (m) => console.log(m));
  for (const [name, f] of Object.entries(manifest.files)) console.log(`  ${name.padEnd(22)} ${String(f.bytes).padStart(12)} bytes  sha256 ${f.sha256.slice(0, 16)}…`);
  console.log(`backup of ${dataDir} written to ${target}`);
  return 0;
}

runCommand('backup', main);

/** npm run restore -- <dir>: a backup (npm run backup) into an empty DATA_DIR (bff/src/backup). */
import { restore } from '../bff/src/backup/restore';
import { MONGODB_ADVICE } from '../bff/src/backup/snapshot';
import { runCommand, usage } from '../bff/src/backup/cli';

async function main(): Promise<number> {
  const source = process.argv[2];
  const dataDir = process.env.DATA_DIR || './data';
  if (!source) return usage('usage: DATA_DIR=<new or empty directory> npm run restore -- <backup directory>');
  if (process.env.MONGODB_URI) return usage(MONGODB_ADVICE);
  const manifest = await restore(source, dataDir, (m) => console.log(m));
  console.log(`backup of ${manifest.createdAt} restored into ${dataDir}; start the BFF with DATA_DIR=${dataDir}`);
  return 0;
}

runCommand('restore', main);

import { loadConfig, migrate, openDatabase, SocialProjector } from '@cardtable/server';
import { progressBar } from '../simulate/progress.ts';

const USAGE = `Usage: cardtable social rebuild [--database-url URL] [--database-schema NAME] [--data-dir DIR]

Empties the social projection (ratings, rating history, stats, achievements) and folds every
finished match again, in feed order: the same result as the incremental projection. Safe while
servers run (their projectors wait on the same lock). The database comes from the flags, else
from DATABASE_URL / DATABASE_SCHEMA / DATA_DIR as for \`cardtable serve\` (embedded by default).`;

const FLAGS: Record<string, string> = {
  '--database-url': 'DATABASE_URL',
  '--database-schema': 'DATABASE_SCHEMA',
  '--data-dir': 'DATA_DIR',
};

/** `cardtable social rebuild`: the admin's rebuild of the social projection from zero. */
export async function socialCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === '--help' || action === '-h' || action === undefined) {
    console.log(USAGE);
    return action === undefined ? 2 : 0;
  }
  if (action !== 'rebuild') {
    console.error(`Unknown social command: ${action}\n\n${USAGE}`);
    return 2;
  }
  const env: Record<string, string | undefined> = { ...process.env };
  for (let i = 0; i < rest.length; i += 2) {
    const name = FLAGS[rest[i] ?? ''];
    const value = rest[i + 1];
    if (!name || value === undefined) {
      console.error(`Unexpected argument: ${rest[i]}\n\n${USAGE}`);
      return 2;
    }
    env[name] = value;
  }
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    console.error(loaded.errors.join('\n'));
    return 2;
  }
  const db = await openDatabase(loaded.config);
  try {
    await migrate(db);
    const projector = new SocialProjector(db, { pollMs: 1000, batch: 200 });
    const bar = progressBar('Rebuilding', await projector.finishedCount());
    const folded = await projector.rebuild((done) => bar.update(done));
    bar.finish();
    console.log(`Rebuilt the social projection from ${folded} finished matches.`);
    return 0;
  } finally {
    await db.close();
  }
}

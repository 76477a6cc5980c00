import { rm } from 'node:fs/promises';
import { embeddedDataDir } from '../../server/test/helpers/embedded-template.ts';
import { startServerProcess, type ServerProcess } from '../src/load/server-process.ts';

/**
 * `cardtable serve` as a child on embedded PGlite, its DATA_DIR a copy of the migrated template
 * that vitest's global set-up makes (a new cluster takes seconds: on a loaded machine one took
 * the whole minute a start may take). `env` adds to and overrides the rest.
 */
export async function startEmbeddedServerProcess(
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dataDir = embeddedDataDir('cardtable-child-');
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    const server = await startServerProcess({ ...env, DATABASE_URL: '', DATA_DIR: dataDir });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await removeDataDir();
      },
    };
  } catch (error) {
    await removeDataDir();
    throw error;
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer, type ServerOptions } from '../../src/app.ts';
import { loadConfig, type ServerConfig } from '../../src/config.ts';
import { gameRegistry, type GameRegistry } from '../../src/games.ts';
import { secretDraw } from '../fixtures/secret-draw.ts';
import { embeddedDataDir } from './embedded-template.ts';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type StoreKind = 'embedded' | 'postgres';

/** A unique schema name, so parallel runs on one PostgreSQL never collide. */
export const uniqueSchema = (prefix = 't') =>
  `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

export const tempDir = (prefix = 'cardtable-') => mkdtempSync(join(tmpdir(), prefix));

/** The environment of a test server: quiet, fast CPUs, loopback, a free port, no quotas. */
export function testEnv(
  store: StoreKind,
  extra: Record<string, string> = {},
): Record<string, string> {
  const base: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CPU_THINK_MS: '0',
    ACK_TIMEOUT_MS: '500',
    DISCONNECT_GRACE_MS: '60000',
    WEB_ROOT: 'none',
    RATE_HTTP_PER_MIN: '100000',
    HTTP_IN_FLIGHT_PER_IP: '100000',
    // Uploads are budgeted per user and address; tested on their own (hostile-sockets.test.ts).
    LARGE_BODY_BYTES_PER_MIN: '100000000000',
    LARGE_BODY_BYTES_PER_IP_PER_MIN: '100000000000',
    SOCKET_OPEN_BURST: '100000',
    // Every test client is a guest of one address; the guest limit is tested on its own.
    GUESTS_PER_IP_PER_HOUR: '100000',
    // Every test client shares one address; quotas are tested on their own (quotas.test.ts).
    MATCH_CREATE_PER_USER: '0',
    MATCH_CREATE_PER_IP: '0',
    MATCH_ACTIVE_PER_USER: '0',
    MATCH_ACTIVE_PER_IP: '0',
    QUEUE_SEATED_PER_USER: '0',
    JOINED_TABLES_PER_USER: '0',
  };
  if (store === 'postgres') {
    base.DATABASE_URL = TEST_DATABASE_URL;
    base.DATABASE_SCHEMA = uniqueSchema();
  } else {
    base.DATA_DIR = embeddedDataDir();
  }
  return { ...base, ...extra };
}

export function configFrom(env: Record<string, string>): ServerConfig {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.config;
}

export const testGames: GameRegistry = gameRegistry({ game: secretDraw, timeoutProfile: 'steady' });

export async function startTestServer(
  store: StoreKind,
  extra: Record<string, string> = {},
  games: GameRegistry = testGames,
  options: ServerOptions = {},
): Promise<RunningServer & { env: Record<string, string> }> {
  const env = testEnv(store, extra);
  const server = await startServer(configFrom(env), games, options);
  return Object.assign(server, { env });
}

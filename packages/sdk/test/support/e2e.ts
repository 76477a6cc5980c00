/** Helpers for the end-to-end tests: a real server child, signed-in clients, frame recorders. */
import type { ServerProcess } from '../../../cli/src/load/server-process.ts';
import { startEmbeddedServerProcess } from '../../../cli/test/embedded-server-process.ts';
import { CardtableClient, type MatchConnection } from '../../src/index.ts';
import type { ServerMessage } from '../../src/protocol.ts';
import type { Position } from './golf-secrets.ts';

/**
 * `cardtable serve` on loopback with embedded PGlite in a temporary DATA_DIR (even when the
 * environment names a PostgreSQL), CPU seats moving without delay, a message rate that players
 * acting at machine speed stay under, and quiet logs.
 */
export function startTestServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  return startEmbeddedServerProcess({
    CPU_THINK_MS: '0',
    RATE_MESSAGES_PER_S: '1000',
    RATE_MESSAGE_BURST: '1000',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

export async function signedIn(baseUrl: string, name: string): Promise<CardtableClient> {
  const client = new CardtableClient({ baseUrl });
  expectOk(await client.api.guest(name));
  return client;
}

export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface RecordedFrame {
  message: ServerMessage;
  /** Where the connection's stream stood when the frame came: what it must be judged against. */
  position: Position;
}

export interface Recording {
  frames: RecordedFrame[];
  /** The view after every step, as the SDK rebuilt it from the diffs. */
  views: { position: Position; view: unknown }[];
}

/** Records every frame a connection receives, and every view it rebuilds. */
export function record(connection: MatchConnection): Recording {
  const recording: Recording = { frames: [], views: [] };
  let position: Position = { version: 0, step: 0 };
  connection.on('message', (message) => {
    if (message.type === 'EVENT') position = message.event;
    else if (message.type === 'WELCOME') position = message;
    recording.frames.push({
      message,
      position: { version: position.version, step: position.step },
    });
  });
  connection.on('step', ({ event, view }) => {
    recording.views.push({ position: { version: event.version, step: event.step }, view });
  });
  return recording;
}

/** Acks every step as it comes out of the queue, as a renderer with instant animations would. */
export async function consumeInstantly(connection: MatchConnection): Promise<void> {
  for await (const delivery of connection.events) delivery.ack();
}

/** Resolves once `check` holds, polling; rejects after 10 s. */
export async function until(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 10_000) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

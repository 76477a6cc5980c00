import { parseArgs } from 'node:util';
import { formatProgress, formatReport } from '../load/report.ts';
import { runLoad, type LoadReport } from '../load/run.ts';
import { startServerProcess, type ServerProcess } from '../load/server-process.ts';

const USAGE = `Usage: cardtable load --matches N --think MS [--duration S] [--url URL] [--json]

Drives N concurrent two-player Golf matches over real sockets and prints actions/s, action
latency (ACTION sent to ACTION_RESULT received), server CPU per action and server RSS.
Without --url it starts a server on loopback (embedded PGlite in a temporary DATA_DIR, or
PostgreSQL when DATABASE_URL is set).`;

export interface LoadArgs {
  matches: number;
  thinkMs: number;
  durationS: number;
  url: string | null;
  json: boolean;
}

/** `cardtable load`: exit 0 after printing the report, 1 when the run failed, 2 on bad usage. */
export async function loadCommand(argv: string[]): Promise<number> {
  const args = parseLoadArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${USAGE}`);
    return 2;
  }
  let server: ServerProcess | null = null;
  try {
    if (!args.url) {
      const store = process.env.DATABASE_URL
        ? 'PostgreSQL'
        : 'embedded PGlite in a temporary DATA_DIR';
      console.error(`Starting a server on loopback (${store})...`);
      server = await startServerProcess(loadServerEnv());
    }
    const url = args.url ?? (server as ServerProcess).url;
    const store = server?.store ?? url;
    const report = await runWithProgress(url, args);
    console.log(args.json ? JSON.stringify({ store, ...report }) : formatReport(report, store));
    return 0;
  } catch (error) {
    console.error(`Load run failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await server?.stop();
  }
}

/**
 * The settings for a server under load: every client comes from one loopback address, so the
 * per-IP HTTP and join limits, the per-connection message rate and the match quotas are lifted
 * (they guard against people, not against this benchmark), and logs are kept to warnings.
 */
export function loadServerEnv(): Record<string, string> {
  return {
    LOG_LEVEL: 'warn',
    RATE_HTTP_PER_MIN: '10000000',
    HTTP_IN_FLIGHT_PER_IP: '10000000',
    GUESTS_PER_IP_PER_HOUR: '10000000',
    RATE_JOIN_PER_MIN: '10000000',
    RATE_JOIN_IP_PER_MIN: '10000000',
    RATE_MESSAGES_PER_S: '100000',
    RATE_MESSAGE_BURST: '100000',
    MAX_CONNECTIONS_PER_IP: '100000',
    SOCKET_OPEN_BURST: '100000',
    SOCKET_OPENS_PER_MIN: '10000000',
    MATCH_CREATE_PER_USER: '0',
    MATCH_CREATE_PER_IP: '0',
    MATCH_ACTIVE_PER_USER: '0',
    MATCH_ACTIVE_PER_IP: '0',
    QUEUE_SEATED_PER_USER: '0',
    JOINED_TABLES_PER_USER: '0',
  };
}

async function runWithProgress(url: string, args: LoadArgs): Promise<LoadReport> {
  const live = process.stderr.isTTY === true;
  try {
    return await runLoad({
      url,
      matches: args.matches,
      thinkMs: args.thinkMs,
      durationS: args.durationS,
      onProgress: live
        ? (progress) =>
            process.stderr.write(
              `\r\x1b[2K${formatProgress(progress, args.matches, args.durationS)}`,
            )
        : undefined,
    });
  } finally {
    if (live) process.stderr.write('\r\x1b[2K');
  }
}

export function parseLoadArgs(argv: string[]): LoadArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        matches: { type: 'string' },
        think: { type: 'string' },
        duration: { type: 'string' },
        url: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const matches = positiveInteger(values.matches ?? '10', 1);
  const thinkMs = positiveInteger(values.think ?? '1000', 0);
  const durationS = positiveInteger(values.duration ?? '20', 1);
  if (matches === null)
    return `--matches must be an integer of at least 1, got "${values.matches}".`;
  if (thinkMs === null)
    return `--think must be a whole number of milliseconds, got "${values.think}".`;
  if (durationS === null)
    return `--duration must be a whole number of seconds (at least 1), got "${values.duration}".`;
  if (values.url !== undefined && !/^https?:\/\/[^/]+/.test(values.url)) {
    return `--url must be an http:// or https:// URL, got "${values.url}".`;
  }
  return { matches, thinkMs, durationS, url: values.url ?? null, json: values.json ?? false };
}

function positiveInteger(raw: string, min: number): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= min ? value : null;
}

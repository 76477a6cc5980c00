/**
 * `cardtable load` end to end, small: a real server child, two matches played at machine speed
 * for two seconds. Asserts what was measured, never how fast; and that the child runs as
 * `npm start` runs it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishGame, tidepoolPackage } from '../../server/test/helpers/content.ts';
import { guest } from '../../server/test/helpers/http.ts';
import { SERVER_BUNDLE } from '../src/bundle/server-bundle.ts';
import { loadServerEnv } from '../src/commands/load.ts';
import { runLoad, type LoadReport } from '../src/load/run.ts';
import type { ServerProcess } from '../src/load/server-process.ts';
import { startEmbeddedServerProcess } from './embedded-server-process.ts';

let server: ServerProcess;
let report: LoadReport;

beforeAll(async () => {
  // NODE_DEBUG=worker: Node prints the script each worker thread starts, its loader-hooks
  // thread (`internal/modules/esm/worker`, for a module.register() such as tsx's) included.
  server = await startEmbeddedServerProcess({ ...loadServerEnv(), NODE_DEBUG: 'worker' });
  report = await runLoad({ url: server.url, matches: 2, thinkMs: 0, durationS: 2 });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('runLoad', () => {
  it('plays the matches and measures client latency and server usage', () => {
    expect(server.store).toBe('pglite');
    expect(report.matches).toBe(2);
    expect(report.actions).toBeGreaterThan(0);
    expect(report.actionsPerSecond).toBe(report.actions / 2);
    const { p50, p95, p99, max } = report.latencyMs;
    expect(p50).not.toBeNull();
    expect([p50, p95, p99, max]).toEqual([p50, p95, p99, max].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(report.serverCpuMsPerAction).toBeGreaterThan(0);
    expect(report.serverRssMiB).toBeGreaterThan(0);
  });

  it.runIf(process.platform === 'linux')(
    'runs the server as npm start does: one process, its bundle, its malloc setting in place',
    () => {
      const procFile = (name: string) =>
        readFileSync(`/proc/${server.pid}/${name}`, 'utf8').split('\0');
      // serve.sh execs node: the child's pid is the server's own, so signals reach it.
      expect(procFile('cmdline')[0]).toBe(process.execPath);
      // Plain JavaScript, built from the source: no TypeScript loader in the server's process.
      expect(resolve(procFile('cmdline')[1]!)).toBe(SERVER_BUNDLE);
      expect(procFile('environ')).toContain('MALLOC_MMAP_THRESHOLD_=131072');
    },
  );

  it('checks a studio save and a publish on its bundled validation thread, with no loader', async () => {
    const { accessToken } = await guest(server.url, 'Creator');
    const published = await publishGame(
      server.url,
      accessToken,
      'tidepool',
      await tidepoolPackage(),
    );
    expect(published.version).toBe(1);
    const started = [...server.output().matchAll(/starts worker script (\S+)/g)].map((m) => m[1]);
    expect(started).toEqual([join(dirname(SERVER_BUNDLE), 'validate-worker.js')]);
  });
});

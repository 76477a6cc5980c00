import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVE_SCRIPT, serverBundleBuilt } from '../../../cli/src/bundle/server-bundle.ts';
import { childEnv } from '../../../server/test/helpers/child-env.ts';
import { embeddedDataDir } from '../../../server/test/helpers/embedded-template.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const webDir = join(repoRoot, 'packages/web');

/** Everything the web bundle is built from: when one is newer than the build, build again. */
const SOURCES = [
  'packages/web/src',
  'packages/web/public',
  'packages/web/index.html',
  'packages/web/vite.config.ts',
  'packages/engine/src',
  'packages/sdk/src',
  'games/golf/src',
  'games/tcg/src',
  // The built-in sets' cards are bundled for their replays.
  'games/tcg/content',
].map((path) => join(repoRoot, path));

function newestMtime(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the app the way `npm start` does, unless the build is already newer than its sources.
 * Test files run in parallel, so a lock directory lets one build while the others wait.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = join(tmpdir(), 'cardtable-web-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    const built = newestMtime(join(webDir, 'dist/index.html'));
    if (built > Math.max(...SOURCES.map(newestMtime))) return;
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const { NODE_ENV: _testMode, ...env } = process.env;
    const result = spawnSync('npm', ['run', 'build', '-w', '@cardtable/web'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServedApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * `cardtable serve` as `npm start` runs it, on a free port with its own embedded database and
 * quick CPUs. External services are switched off so parallel runs never share state.
 */
export async function serveApp(extraEnv: Record<string, string> = {}): Promise<ServedApp> {
  await Promise.all([ensureWebBuild(), serverBundleBuilt()]);
  const port = await freePort();
  const dataDir = embeddedDataDir('cardtable-web-e2e-');
  const env = childEnv({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CPU_THINK_MS: '40',
    LOG_LEVEL: 'warn',
    NODE: process.execPath,
    ...extraEnv,
  });
  const child = spawn('sh', [SERVE_SCRIPT], { cwd: repoRoot, env, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child, () => output);
  return {
    url,
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  // Generous: on a loaded machine (several builds and servers at once) start-up can take minutes.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cardtable serve exited:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok && (await response.text()).includes('<div id="root">')) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`cardtable serve did not answer at ${url}:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

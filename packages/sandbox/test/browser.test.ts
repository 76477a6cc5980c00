import { TEST_EFFECTS } from './fixtures/effects.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../src/index.ts';
import { runSmokeSuite } from './fixtures/smoke-suite.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const skip = !haveChromium && process.env.CARDTABLE_SKIP_BROWSER === '1';
if (skip)
  console.warn(`browser smoke test skipped: ${CHROMIUM} is absent and CARDTABLE_SKIP_BROWSER=1`);

const here = dirname(fileURLToPath(import.meta.url));
const wasmFile = join(dirname(createRequire(import.meta.url).resolve('wasmoon')), 'glue.wasm');

describe.skipIf(skip)('browser smoke test (Chromium)', () => {
  let dir: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`${CHROMIUM} is missing (set CARDTABLE_SKIP_BROWSER=1 to skip this test)`);
    dir = mkdtempSync(join(tmpdir(), 'cardtable-sandbox-browser-'));
    await build({
      entryPoints: [join(here, 'fixtures/browser-entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'bundle.js'),
      // wasmoon's Node branch (never taken in a page) names these
      external: ['module', 'fs', 'path', 'url', 'crypto'],
      logLevel: 'silent',
    });
    const files: Record<string, [string, Buffer]> = {
      '/': [
        'text/html',
        Buffer.from('<!doctype html><script type="module" src="/bundle.js"></script>'),
      ],
      '/bundle.js': ['text/javascript', readFileSync(join(dir, 'bundle.js'))],
      '/glue.wasm': ['application/wasm', readFileSync(wasmFile)],
    };
    server = createServer((req, res) => {
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks and dry-runs scripts in a page exactly as in Node', async () => {
    const runtime = new SandboxRuntime({ effects: TEST_EFFECTS, heaps: 2 });
    const inNode = await runSmokeSuite(runtime);
    runtime.dispose();

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(origin);
      await page.waitForFunction(
        () => (globalThis as { __sandboxSmoke?: unknown }).__sandboxSmoke !== undefined,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const smoke = await page.evaluate(
        () =>
          (globalThis as unknown as { __sandboxSmoke: { ok: boolean; output: string } })
            .__sandboxSmoke,
      );
      expect(pageErrors).toEqual([]);
      expect(smoke.ok, smoke.output).toBe(true);
      expect(smoke.output).toBe(inNode);
      expect(requests.every((url) => url.startsWith(origin))).toBe(true);
      expect(inNode).toContain('"code":"BUDGET_EXCEEDED"');
      expect(inNode).toContain('UNDECLARED_GLOBAL');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, tempDir } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

describe('operations: health, metrics, docs and the web app', () => {
  let server: RunningServer;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = tempDir('cardtable-web-');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(
      join(webRoot, 'index.html'),
      `<!doctype html><title>Cardtable</title><script>${THEME_SCRIPT}</script>` +
        '<script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("app")');
    server = await startTestServer('postgres', { WEB_ROOT: webRoot });
  });
  afterAll(async () => server?.close());

  it('reports alive and ready', async () => {
    expect(await call(server.url, 'GET', '/health')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await call(server.url, 'GET', '/ready')).toMatchObject({
      status: 200,
      body: { status: 'ready' },
    });
  });

  it('exposes Prometheus metrics that move with play', async () => {
    const dave = await guest(server.url, 'Dave');
    const created = await createMatch(server.url, dave.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    const client = await RawClient.open(server.url, created.matchId, dave.accessToken);
    await client.act('draw');
    await client.act('not-a-move');
    const response = await fetch(`${server.url}/metrics`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(text).toMatch(/cardtable_action_latency_seconds_bucket\{[^}]*outcome="ok"/);
    expect(text).toMatch(/cardtable_live_matches\{status="active"\} [1-9]/);
    expect(text).toMatch(/cardtable_connections\{role="player"\} [1-9]/);
    expect(text).toMatch(/cardtable_persisted_events_total [1-9]/);
    expect(text).toMatch(/cardtable_rejected_actions_total\{code="INVALID_PAYLOAD"\} [1-9]/);
    expect(text).toMatch(/cardtable_ack_wait_seconds_count\{outcome="acked"\} [1-9]/);
    await client.close();
  });

  it('serves the OpenAPI document, a readable page, and the socket messages as JSON Schema', async () => {
    const openapi = await call<{ openapi: string; paths: Record<string, unknown> }>(
      server.url,
      'GET',
      '/api/docs/json',
    );
    expect(openapi.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/guest',
      '/api/matches',
      '/api/matches/join',
      '/api/matches/{id}/export',
      '/api/replays/import',
    ]) {
      expect(Object.keys(openapi.body.paths)).toContain(path);
    }
    const page = await fetch(`${server.url}/api/docs`, { redirect: 'follow' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const socket = await call<{
      definitions: Record<string, { properties: Record<string, unknown> }>;
    }>(server.url, 'GET', '/api/docs/socket.json');
    for (const name of [
      'ActionMessage',
      'FlowAckMessage',
      'ResumeMessage',
      'WelcomeMessage',
      'EventMessage',
      'ActionResultMessage',
      'ErrorMessage',
    ]) {
      expect(socket.body.definitions[name]).toBeDefined();
    }
  });

  it('serves the web app with a fallback to index.html, but never for API paths', async () => {
    const index = await fetch(`${server.url}/`);
    expect(await index.text()).toContain('<title>Cardtable</title>');
    expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toContain('console.log');
    const deepLink = await fetch(`${server.url}/matches/m_123`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Cardtable</title>');
    const api = await call<{ code: string }>(server.url, 'GET', '/api/nothing-here');
    expect(api).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('serves a file the web app gained after the server started (a rebuild under it)', async () => {
    writeFileSync(join(webRoot, 'assets', 'app-rebuilt.js'), 'console.log("rebuilt")');
    const script = await fetch(`${server.url}/assets/app-rebuilt.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toBe('console.log("rebuilt")');
  });

  it("sends the app's pages with a Content-Security-Policy that admits their own inline script", async () => {
    const themeHash = createHash('sha256').update(THEME_SCRIPT).digest('base64');
    for (const path of ['/', '/matches/m_123']) {
      const page = await fetch(`${server.url}${path}`);
      const policy = page.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
      );
      // No 'unsafe-eval' or 'wasm-unsafe-eval': nothing on a page compiles code.
      expect(directives.get('script-src')).toEqual(["'self'", `'sha256-${themeHash}'`]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // A worker's script brings its own policy, none: the validator and the Lua sandbox compile.
    const script = await fetch(`${server.url}/assets/app.js`);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('content-security-policy')).toBeNull();
    const api = await fetch(`${server.url}/api/nothing-here`);
    expect(api.headers.get('content-security-policy')).toBeNull();
  });
});

/** An inline script such as the theme's head script (its hash must be in the policy). */
const THEME_SCRIPT = 'try{document.documentElement.dataset.theme="dark"}catch(e){}';

describe('configuration', () => {
  it('has working defaults', () => {
    const loaded = loadConfig({ WEB_ROOT: 'none' });
    expect(loaded.ok && loaded.config).toMatchObject({
      port: 8080,
      databaseUrl: null,
      webRoot: null,
      nodeUrl: null,
      matchLeaseMs: 10_000,
    });
  });

  it('names every bad value at once', () => {
    const loaded = loadConfig({
      PORT: '99999',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      CPU_THINK_MS: '900-400',
      TOKEN_SECRET: 'short',
      WEB_ROOT: '/nonexistent/cardtable-web',
      NODE_URL: 'http://10.0.0.5:8080/api',
      MATCH_LEASE_MS: '10',
    });
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.errors.join('\n');
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'DATABASE_URL',
      'CPU_THINK_MS',
      'TOKEN_SECRET',
      'WEB_ROOT',
      'NODE_URL',
      'MATCH_LEASE_MS',
    ]) {
      expect(errors).toContain(name);
    }
  });
});

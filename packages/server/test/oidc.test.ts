import type { LinkedIdentities } from '@cardtable/sdk/accounts';
import type { AuthResponse } from '@cardtable/sdk/protocol';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { launchBrowser } from '../../web/test/browser/browser.ts';
import { account } from './helpers/accounts.ts';
import { call } from './helpers/http.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-idp.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';

/**
 * Sign-in with OpenID Connect against a real provider (`oidc-provider`, its development login
 * and consent pages) on loopback, driven by a real browser: PKCE, state and nonce are checked by
 * openid-client on our side and by the provider on its.
 */
describe.each<StoreKind>(['embedded', 'postgres'])('OpenID Connect sign-in on %s', (store) => {
  let idp: TestIdp;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [idp, browser] = await Promise.all([startTestIdp(), launchBrowser()]);
    server = await startTestServer(store, {
      DEV_MAILBOX: 'true',
      RATE_AUTH_IP_PER_MIN: '10000',
      ...idp.env,
    });
    idp.trust(server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  /** Opens `url` in a fresh browser, signs in at the provider as `login`, returns where it ends. */
  async function throughProvider(url: string, login: string, endsAt: RegExp): Promise<URL> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('input[name=login]').fill(login);
      await page.locator('input[name=password]').fill('anything');
      await page.locator('button[type=submit]').click();
      await page.locator('button[type=submit]', { hasText: 'Continue' }).click();
      await page.waitForURL(endsAt);
      return new URL(page.url());
    } finally {
      await context.close();
    }
  }

  const complete = (code: string) =>
    call<AuthResponse & { code?: string }>(server.url, 'POST', '/api/auth/oidc/complete', {
      body: { code },
    });

  it('lists the provider, signs a new user up, and signs the same identity in again', async () => {
    const options = await call<{ providers: unknown[] }>(server.url, 'GET', '/api/auth/options');
    expect(options.body.providers).toEqual([{ id: 'test', label: 'Test IdP' }]);

    const first = await throughProvider(
      `${server.url}/api/auth/oidc/test/start`,
      'alice',
      /\/auth\/complete\?code=/,
    );
    const code = first.searchParams.get('code') as string;
    const signedIn = await complete(code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ name: 'Idp alice', guest: false });
    expect((await complete(code)).status).toBe(401);
    const profile = await call(server.url, 'GET', '/api/account', {
      token: signedIn.body.accessToken,
    });
    expect(profile.body).toMatchObject({ email: 'alice@idp.example', emailVerified: true });

    const again = await throughProvider(
      `${server.url}/api/auth/oidc/test/start`,
      'alice',
      /\/auth\/complete\?code=/,
    );
    const second = await complete(again.searchParams.get('code') as string);
    expect(second.body.user.id).toBe(signedIn.body.user.id);

    // Its only way to sign in cannot be unlinked.
    const unlink = await call(server.url, 'DELETE', '/api/account/identities/test', {
      token: second.body.accessToken,
    });
    expect(unlink.status).toBe(409);
  });

  it("drops control and bidi characters and stacked marks from the provider's name, as from any name", async () => {
    const landed = await throughProvider(
      `${server.url}/api/auth/oidc/test/start`,
      `mallory\u202etxt.exe\u0007o${'\u0301'.repeat(12)}`,
      /\/auth\/complete\?code=/,
    );
    const signedIn = await complete(landed.searchParams.get('code') as string);
    expect(signedIn.body.user).toMatchObject({ name: `Idp mallorytxt.exeo${'\u0301'.repeat(4)}` });
  });

  it('links a provider to a signed-in account, refuses one linked elsewhere, and unlinks', async () => {
    const linker = await account(server.url, `linker_${store}`);
    const started = await call<{ url: string }>(server.url, 'POST', '/api/auth/oidc/test/link', {
      token: linker.accessToken,
    });
    expect(started.status).toBe(200);
    const linked = await throughProvider(
      started.body.url,
      `bob_${store}`,
      /\/account\?linked=test/,
    );
    expect(linked.pathname).toBe('/account');
    const identities = await call<LinkedIdentities>(server.url, 'GET', '/api/account/identities', {
      token: linker.accessToken,
    });
    expect(identities.body.identities).toMatchObject([
      { provider: 'test', email: `bob_${store}@idp.example` },
    ]);

    // Signing in with that identity now signs the linked account in.
    const viaIdp = await throughProvider(
      `${server.url}/api/auth/oidc/test/start`,
      `bob_${store}`,
      /\/auth\/complete/,
    );
    expect((await complete(viaIdp.searchParams.get('code') as string)).body.user.id).toBe(
      linker.user.id,
    );

    // Another account cannot take the same identity.
    const other = await account(server.url, `other_${store}`);
    const otherStart = await call<{ url: string }>(server.url, 'POST', '/api/auth/oidc/test/link', {
      token: other.accessToken,
    });
    const refused = await throughProvider(otherStart.body.url, `bob_${store}`, /\/login\?error=/);
    expect(refused.searchParams.get('error')).toMatch(/linked to another account/);

    // The password remains, so unlinking is allowed.
    const unlink = await call(server.url, 'DELETE', '/api/account/identities/test', {
      token: linker.accessToken,
    });
    expect(unlink.status).toBe(200);
  });

  it('limits link starts per account, and drops expired flows as new ones start', async () => {
    const linker = await account(server.url, `starter_${store}`);
    await server.db.query(
      `INSERT INTO oidc_flows (state_hash, provider, code_verifier, nonce, expires_at)
       VALUES ('stale_${store}', 'test', 'v', 'n', now() - interval '1 second')`,
    );
    const start = () =>
      call<{ details?: { limit: string } }>(server.url, 'POST', '/api/auth/oidc/test/link', {
        token: linker.accessToken,
      });
    // RATE_AUTH_ACCOUNT_PER_MIN (10): each start stores a flow, so the starts are counted.
    for (let i = 0; i < 10; i++) expect((await start()).status).toBe(200);
    expect(await start()).toMatchObject({
      status: 429,
      body: { code: 'RATE_LIMITED', details: { limit: 'auth_per_account' } },
    });
    const [stale] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM oidc_flows WHERE state_hash = 'stale_${store}'`,
    );
    expect(stale?.n).toBe(0);
    const [flows] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM oidc_flows WHERE link_user_id = $1',
      [linker.user.id],
    );
    expect(flows?.n).toBe(10);
  });

  it('refuses a callback whose state it never issued, and an unknown provider', async () => {
    const response = await fetch(
      `${server.url}/api/auth/oidc/test/callback?code=forged&state=forged`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/\/login\?error=/);
    const unknown = await fetch(`${server.url}/api/auth/oidc/nope/start`, { redirect: 'manual' });
    expect(unknown.status).toBe(404);
  });
});

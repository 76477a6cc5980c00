import * as oidc from 'openid-client';
import type { LinkedIdentity } from '@cardtable/sdk/accounts';
import type { Database } from '../store/database.ts';
import { apiError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { OidcProviderConfig } from './oidc-settings.ts';
import type { SignupPolicy } from './signup-policy.ts';
import { sha256 } from '../sha256.ts';
import { randomToken } from './tokens.ts';
import { displayNameFrom } from './account-rules.ts';

/** The ID token's claims, completed from the userinfo endpoint. */
type Claims = Record<string, unknown> & { sub: string };

const FLOW_TTL_S = 600;
const HANDOFF_TTL_S = 120;

/** What a provider's callback ends in: the web page to send the browser to. */
export type CallbackOutcome =
  | { kind: 'signed-in'; handoffCode: string }
  | { kind: 'linked'; provider: string }
  | { kind: 'failed'; message: string };

const isLoopback = (url: string) =>
  /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(`${url}/`);

/**
 * Sign-in with OpenID Connect (authorization code with PKCE, state and nonce checked by
 * openid-client): each flow is a row keyed by the state's hash, used once. A new identity signs
 * up a new account (the signup mode applies); an existing one signs its account in; a signed-in
 * user can link several providers and unlink one while another way to sign in remains. An email a
 * provider reports never merges accounts by itself: linking is always done signed in.
 */
export class OidcService {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(
    private readonly db: Database,
    private readonly providers: OidcProviderConfig[],
    private readonly signups: SignupPolicy,
    private readonly publicUrl: () => string,
  ) {}

  list(): { id: string; label: string }[] {
    return this.providers.map(({ id, label }) => ({ id, label }));
  }

  /** The provider's authorization URL for a new flow (sign-in, or linking to `linkUserId`). */
  async start(providerId: string, linkUserId: string | null): Promise<string> {
    const provider = this.provider(providerId);
    const config = await this.config(provider);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    // Flows nobody finished are dropped once expired, as new ones come, so they never pile up.
    await this.db.query(
      `WITH expired AS (DELETE FROM oidc_flows WHERE expires_at <= now())
       INSERT INTO oidc_flows (state_hash, provider, code_verifier, nonce, link_user_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
      [sha256(state), provider.id, codeVerifier, nonce, linkUserId, FLOW_TTL_S],
    );
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(provider.id),
      scope: provider.scope,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /** The provider sent the browser back to `currentUrl`: finish the flow it names. */
  async callback(providerId: string, currentUrl: URL): Promise<CallbackOutcome> {
    const provider = this.providers.find((p) => p.id === providerId);
    const state = currentUrl.searchParams.get('state');
    if (!provider || !state) return { kind: 'failed', message: 'This sign-in link is not valid.' };
    const flows = await this.db.query<{
      code_verifier: string;
      nonce: string;
      link_user_id: string | null;
    }>(
      `DELETE FROM oidc_flows WHERE state_hash = $1 AND provider = $2 AND expires_at > now()
       RETURNING code_verifier, nonce, link_user_id`,
      [sha256(state), provider.id],
    );
    const flow = flows[0];
    if (!flow)
      return { kind: 'failed', message: 'This sign-in expired or was already used: try again.' };
    let claims: Claims;
    try {
      const config = await this.config(provider);
      const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims() as oidc.IDToken;
      // Providers may keep email and name out of the ID token: ask the userinfo endpoint.
      const info =
        idToken.email === undefined || idToken.name === undefined
          ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)
          : {};
      claims = { ...info, ...idToken };
    } catch (error) {
      return {
        kind: 'failed',
        message: `${provider.label} refused the sign-in: ${(error as Error).message}`,
      };
    }
    const email =
      typeof claims.email === 'string' && claims.email_verified === true
        ? claims.email.toLowerCase()
        : null;
    if (flow.link_user_id !== null)
      return this.link(provider, claims.sub, email, flow.link_user_id);
    try {
      const userId = await this.userFor(provider, claims, email);
      const code = randomToken();
      await this.db.query(
        `INSERT INTO oidc_handoffs (code_hash, user_id, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3))`,
        [sha256(code), userId, HANDOFF_TTL_S],
      );
      return { kind: 'signed-in', handoffCode: code };
    } catch (error) {
      return { kind: 'failed', message: (error as Error).message };
    }
  }

  /** Trades a handoff code (once) for its user id. */
  async redeem(code: string): Promise<string | null> {
    const rows = await this.db.query<{ user_id: string }>(
      `DELETE FROM oidc_handoffs WHERE code_hash = $1 AND expires_at > now() RETURNING user_id`,
      [sha256(code)],
    );
    return rows[0]?.user_id ?? null;
  }

  async identities(userId: string): Promise<LinkedIdentity[]> {
    const rows = await this.db.query<{ provider: string; email: string | null; linked_at: Date }>(
      'SELECT provider, email, linked_at FROM user_identities WHERE user_id = $1 ORDER BY linked_at',
      [userId],
    );
    return rows.map((row) => ({
      provider: row.provider,
      label: this.providers.find((p) => p.id === row.provider)?.label ?? row.provider,
      email: row.email,
      linkedAt: row.linked_at.toISOString(),
    }));
  }

  /** Unlinks a provider, refused when it is the account's last way to sign in. */
  async unlink(userId: string, providerId: string): Promise<void> {
    await this.db.transaction(async (query) => {
      // The user's row locked first: two unlinks at once each counted the other's provider
      // still there, and both went, leaving no way to sign in at all.
      await query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
      const [ways] = await query<{ password: boolean; identities: number }>(
        `SELECT (SELECT password_hash IS NOT NULL FROM users WHERE id = $1) AS password,
                (SELECT count(*)::integer FROM user_identities WHERE user_id = $1) AS identities`,
        [userId],
      );
      const removed = await query(
        'DELETE FROM user_identities WHERE user_id = $1 AND provider = $2 RETURNING provider',
        [userId, providerId],
      );
      if (removed.length === 0) throw apiError('NOT_FOUND', 'That provider is not linked.');
      if (!ways?.password && (ways?.identities ?? 0) <= 1) {
        throw apiError(
          'CONFLICT',
          'This is your only way to sign in: set a password or link another provider first.',
        );
      }
    });
  }

  private async link(
    provider: OidcProviderConfig,
    subject: string,
    email: string | null,
    userId: string,
  ): Promise<CallbackOutcome> {
    const owner = await this.db.query<{ user_id: string }>(
      'SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2',
      [provider.id, subject],
    );
    if (owner[0] && owner[0].user_id !== userId) {
      return {
        kind: 'failed',
        message: `That ${provider.label} account is linked to another account.`,
      };
    }
    await this.db.query(
      `INSERT INTO user_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, provider) DO UPDATE SET subject = excluded.subject, email = excluded.email`,
      [provider.id, subject, userId, email],
    );
    return { kind: 'linked', provider: provider.id };
  }

  /** The account of this identity; a new one (signup rules apply) when it has none. */
  private async userFor(
    provider: OidcProviderConfig,
    claims: Claims,
    email: string | null,
  ): Promise<string> {
    const found = await this.db.query<{ user_id: string }>(
      `SELECT i.user_id FROM user_identities i JOIN users u ON u.id = i.user_id
       WHERE i.provider = $1 AND i.subject = $2 AND u.deleted_at IS NULL`,
      [provider.id, claims.sub],
    );
    if (found[0]) return found[0].user_id;
    const id = newId('u');
    // The provider's name is shown to other players as ours are: by the display-name rule.
    const name = displayNameFrom(
      String(claims.name ?? claims.preferred_username ?? ''),
      `${provider.label} player`,
    );
    await this.db.transaction(async (query) => {
      await this.signups.admit(query, undefined);
      // The provider's verified email becomes the account's, unless another account has it.
      const taken = email ? await query('SELECT 1 FROM users WHERE email = $1', [email]) : [];
      await query(
        `INSERT INTO users (id, name, guest, email, email_verified_at, registered_at)
         VALUES ($1, $2, false, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, now())`,
        [id, name, taken.length > 0 ? null : email],
      );
      await query(
        'INSERT INTO user_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)',
        [provider.id, claims.sub, id, email],
      );
    });
    return id;
  }

  private provider(id: string): OidcProviderConfig {
    const provider = this.providers.find((p) => p.id === id);
    if (!provider) throw apiError('NOT_FOUND', `No sign-in provider "${id}" here.`);
    return provider;
  }

  private redirectUri(providerId: string): string {
    return `${this.publicUrl()}/api/auth/oidc/${providerId}/callback`;
  }

  /** Discovery once per provider (retried after a failure); plain http only on loopback. */
  private config(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let config = this.configs.get(provider.id);
    if (!config) {
      config = oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        undefined,
        oidc.ClientSecretPost(provider.clientSecret),
        isLoopback(provider.issuer) ? { execute: [oidc.allowInsecureRequests] } : {},
      );
      config.catch(() => this.configs.delete(provider.id));
      this.configs.set(provider.id, config);
    }
    return config;
  }
}

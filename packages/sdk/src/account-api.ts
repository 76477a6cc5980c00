import type {
  Accepted,
  AuthOptions,
  LinkedIdentities,
  RedirectUrl,
  ChangePasswordRequest,
  Profile,
  RegisterRequest,
  SessionList,
  UpdateProfileRequest,
} from './accounts.ts';
import type { ApiResult, CardtableApi } from './http.ts';
import type { AuthResponse } from './protocol.ts';

/**
 * Accounts over HTTP (docs/accounts.md): signup (or a guest's upgrade, keeping its id), login,
 * logout, sessions, the email links, the profile, password, export and deletion. Signing in or
 * out changes the session of the `CardtableApi` it wraps.
 */
export class AccountApi {
  constructor(private readonly api: CardtableApi) {}

  options(): Promise<ApiResult<AuthOptions>> {
    return this.api.request('GET', '/api/auth/options', undefined, false);
  }

  /** Makes an account; a signed-in guest becomes that account instead, with its history. */
  async signUp(body: RegisterRequest): Promise<ApiResult<AuthResponse>> {
    const asGuest = this.api.session?.user.guest === true;
    const result = asGuest
      ? await this.api.request<AuthResponse>('POST', '/api/auth/upgrade', body)
      : await this.api.request<AuthResponse>('POST', '/api/auth/register', body, false);
    if (result.ok) this.api.adopt(result.value);
    return result;
  }

  async logIn(login: string, password: string): Promise<ApiResult<AuthResponse>> {
    const result = await this.api.request<AuthResponse>(
      'POST',
      '/api/auth/login',
      { login, password },
      false,
    );
    if (result.ok) this.api.adopt(result.value);
    return result;
  }

  /** Signs this session out on the server and forgets it here (even when the server is away). */
  async logOut(): Promise<ApiResult<Accepted>> {
    const result = await this.api.request<Accepted>('POST', '/api/auth/logout');
    this.api.signOut();
    return result;
  }

  async logOutEverywhere(): Promise<ApiResult<Accepted>> {
    const result = await this.api.request<Accepted>('POST', '/api/auth/logout-all');
    this.api.signOut();
    return result;
  }

  sessions(): Promise<ApiResult<SessionList>> {
    return this.api.request('GET', '/api/auth/sessions');
  }

  revokeSession(sessionId: string): Promise<ApiResult<Accepted>> {
    return this.api.request('DELETE', `/api/auth/sessions/${encodeURIComponent(sessionId)}`);
  }

  verifyEmail(token: string): Promise<ApiResult<Accepted>> {
    return this.api.request('POST', '/api/auth/verify-email', { token }, false);
  }

  resendVerification(): Promise<ApiResult<Accepted>> {
    return this.api.request('POST', '/api/auth/verify-email/resend');
  }

  forgotPassword(email: string): Promise<ApiResult<Accepted>> {
    return this.api.request('POST', '/api/auth/password/forgot', { email }, false);
  }

  resetPassword(token: string, password: string): Promise<ApiResult<Accepted>> {
    return this.api.request('POST', '/api/auth/password/reset', { token, password }, false);
  }

  profile(): Promise<ApiResult<Profile>> {
    return this.api.request('GET', '/api/account');
  }

  /**
   * Changes the profile. The session's tokens carry the user's name (a seat or a queue takes
   * it from them), so a new name is followed by a refresh: until then new tables and the
   * session still said the old one.
   */
  async updateProfile(body: UpdateProfileRequest): Promise<ApiResult<Profile>> {
    const result = await this.api.request<Profile>('PUT', '/api/account', body);
    if (result.ok && this.api.session && this.api.session.user.name !== result.value.displayName) {
      await this.api.refresh();
    }
    return result;
  }

  changePassword(body: ChangePasswordRequest): Promise<ApiResult<Accepted>> {
    return this.api.request('POST', '/api/account/password', body);
  }

  exportData(): Promise<ApiResult<Record<string, unknown>>> {
    return this.api.request('GET', '/api/account/export');
  }

  /** Where the browser goes to sign in with a provider (a page navigation, not a fetch). */
  providerSignInUrl(providerId: string): string {
    return new URL(`/api/auth/oidc/${encodeURIComponent(providerId)}/start`, this.api.baseUrl).href;
  }

  /** Trades the one-time code a provider's sign-in ended with for a session. */
  async completeProviderSignIn(code: string): Promise<ApiResult<AuthResponse>> {
    const result = await this.api.request<AuthResponse>(
      'POST',
      '/api/auth/oidc/complete',
      { code },
      false,
    );
    if (result.ok) this.api.adopt(result.value);
    return result;
  }

  /** The provider's URL that links it to this account; open it in the browser. */
  linkProvider(providerId: string): Promise<ApiResult<RedirectUrl>> {
    return this.api.request('POST', `/api/auth/oidc/${encodeURIComponent(providerId)}/link`);
  }

  identities(): Promise<ApiResult<LinkedIdentities>> {
    return this.api.request('GET', '/api/account/identities');
  }

  unlinkProvider(providerId: string): Promise<ApiResult<Accepted>> {
    return this.api.request('DELETE', `/api/account/identities/${encodeURIComponent(providerId)}`);
  }

  /** Deletes the account (guests need no password); signed out afterwards. */
  async deleteAccount(password?: string): Promise<ApiResult<Accepted>> {
    const result = await this.api.request<Accepted>(
      'POST',
      '/api/account/delete',
      password === undefined ? {} : { password },
    );
    if (result.ok) this.api.signOut();
    return result;
  }
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

const CLIENT_ID = 'cardtable';
const CLIENT_SECRET = 'a client secret for tests only';

/** A real OpenID Connect provider on loopback, for the sign-in tests. */
export interface TestIdp {
  /** The server's settings that make the provider `test` ("Test IdP") trust this one. */
  env: Record<string, string>;
  /** Registers the app at `appUrl` as this provider's client; call once the app is listening. */
  trust(appUrl: string): void;
  close(): Promise<void>;
}

/**
 * `oidc-provider` with its development login and consent pages: any login name and password
 * sign in as that account (`<login>@idp.example`, email verified), PKCE required.
 */
export async function startTestIdp(): Promise<TestIdp> {
  const idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  return {
    env: {
      OIDC_PROVIDERS: 'test',
      OIDC_TEST_ISSUER: issuer,
      OIDC_TEST_CLIENT_ID: CLIENT_ID,
      OIDC_TEST_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_TEST_LABEL: 'Test IdP',
    },
    trust(appUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [`${appUrl}/api/auth/oidc/test/callback`],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        findAccount: (_context, id) => ({
          accountId: id,
          claims: () => ({
            sub: id,
            email: `${id}@idp.example`,
            email_verified: true,
            name: `Idp ${id}`,
          }),
        }),
      });
      idp.on('request', provider.callback());
    },
    close: () => new Promise((resolve) => idp.close(() => resolve())),
  };
}

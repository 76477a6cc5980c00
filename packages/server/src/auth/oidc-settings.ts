/** A configured OpenID Connect provider. */
export interface OidcProviderConfig {
  /** The id in URLs (`google`, `discord`, or the name given in OIDC_PROVIDERS). */
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

type Text = (name: string) => string | null;

const PRESETS: Record<string, { label: string; issuer: string; scope: string }> = {
  google: { label: 'Google', issuer: 'https://accounts.google.com', scope: 'openid email profile' },
  discord: { label: 'Discord', issuer: 'https://discord.com', scope: 'openid identify email' },
};

/**
 * `OIDC_PROVIDERS=google,discord,corp`: for each, `OIDC_<ID>_CLIENT_ID` and `_CLIENT_SECRET`;
 * `_ISSUER` (needed unless a preset), `_LABEL` and `_SCOPE` optional.
 */
export function oidcProviders(text: Text, errors: string[]): OidcProviderConfig[] {
  const ids = (text('OIDC_PROVIDERS') ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  return ids.flatMap((id) => {
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(id)) {
      errors.push(`OIDC_PROVIDERS: "${id}" is not a provider id (a-z, 0-9, -).`);
      return [];
    }
    const key = (name: string) => text(`OIDC_${id.toUpperCase().replace(/-/g, '_')}_${name}`);
    const preset = PRESETS[id];
    const issuer = key('ISSUER') ?? preset?.issuer ?? null;
    const clientId = key('CLIENT_ID');
    const clientSecret = key('CLIENT_SECRET');
    if (issuer === null || !/^https?:\/\//.test(issuer)) {
      errors.push(
        `OIDC provider "${id}" needs an http(s) issuer URL (OIDC_${id.toUpperCase()}_ISSUER).`,
      );
    }
    if (clientId === null || clientSecret === null) {
      errors.push(`OIDC provider "${id}" needs a client id and secret.`);
    }
    if (issuer === null || clientId === null || clientSecret === null) return [];
    return [
      {
        id,
        label: key('LABEL') ?? preset?.label ?? id,
        issuer,
        clientId,
        clientSecret,
        scope: key('SCOPE') ?? preset?.scope ?? 'openid email profile',
      },
    ];
  });
}

import { accounts } from '../net/session.ts';
import { useAuthOptions } from './useAuthOptions.ts';

/** "Continue with Google" and so on: links to the server, which sends the browser to the provider. */
export function ProviderButtons() {
  const providers = useAuthOptions()?.providers ?? [];
  if (providers.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="providers-title">
      <h2 id="providers-title">Or continue with</h2>
      <p className="provider-list">
        {providers.map((provider) => (
          <a key={provider.id} className="button" href={accounts.providerSignInUrl(provider.id)}>
            {provider.label}
          </a>
        ))}
      </p>
    </section>
  );
}

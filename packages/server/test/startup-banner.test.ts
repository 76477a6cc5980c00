import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startupBanner } from '../src/run.ts';

const configOf = (env: Record<string, string>) => {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return loaded.config;
};

describe('the startup banner', () => {
  it('says where to open the app, where the data lives and which database it uses', () => {
    const built = { ...configOf({ DATA_DIR: '/srv/cards' }), webRoot: '/srv/web' };
    const banner = startupBanner('http://127.0.0.1:8080', built);
    expect(banner).toContain('listening on http://127.0.0.1:8080 : open it in a browser');
    expect(banner).toMatch(/Data directory\s+\/srv\/cards/);
    expect(banner).toMatch(/Database\s+embedded PGlite in \/srv\/cards/);
    expect(banner).toContain('LOG_LEVEL=debug logs every action');
  });

  it('names PostgreSQL without printing its password', () => {
    const banner = startupBanner(
      'http://127.0.0.1:8080',
      configOf({
        DATABASE_URL: 'postgres://cards:s3cret@db.example:5432/cards',
        LOG_LEVEL: 'debug',
      }),
    );
    expect(banner).toMatch(
      /Database\s+PostgreSQL at postgres:\/\/cards:\*\*\*@db\.example:5432\/cards/,
    );
    expect(banner).not.toContain('s3cret');
    expect(banner).not.toContain('LOG_LEVEL=debug');
  });

  it('says there is no app to open when the web app is not built', () => {
    const banner = startupBanner('http://127.0.0.1:8080', configOf({ WEB_ROOT: 'none' }));
    expect(banner).not.toContain('open it in a browser');
    expect(banner).toContain('the API only');
    expect(banner).toContain('npm run build -w @cardtable/web');
  });
});

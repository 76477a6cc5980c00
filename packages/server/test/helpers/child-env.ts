/** What a child process needs of ours: where programs, home and temporary files are. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'] as const;

/**
 * A child server's environment: those few of ours plus its own settings, nothing else. A test
 * run's DATABASE_URL, REDIS_URL or DATA_DIR (CI sets some) never reaches a child, so an embedded
 * run stays embedded and each child uses only the services its test chose.
 */
export function childEnv(own: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...own };
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The server as `npm start` runs it: `cardtable serve` and the workspace's TypeScript it imports
 * bundled into one JavaScript module, run by plain `node`. Running the source through tsx costs
 * the server 60-75 MiB of memory for its whole life (its loader thread and the transpiled
 * modules it keeps; docs/benchmarks.md, "Session 17"); the bundle takes under two seconds.
 */
export const SERVER_BUNDLE = fileURLToPath(new URL('../../dist/serve.js', import.meta.url));
/** Runs SERVER_BUNDLE as `npm start` does (its memory setting included). */
export const SERVE_SCRIPT = fileURLToPath(new URL('../../bin/serve.sh', import.meta.url));
/**
 * What the bundle builds, by output name: the server, and the validation thread it starts
 * (packages/server/src/content/validate.ts looks for it beside the bundle), so no thread of the
 * server registers a TypeScript loader.
 */
const ENTRIES = {
  serve: fileURLToPath(new URL('./serve-entry.ts', import.meta.url)),
  'validate-worker': fileURLToPath(
    new URL('../../../server/src/content/validate-worker.ts', import.meta.url),
  ),
};
/** Marks the resolutions dependenciesStayInstalled asks esbuild for, so it answers them itself. */
const SKIP = Symbol('resolved by esbuild');

/** Builds SERVER_BUNDLE from the current source. */
export const buildServerBundle = (): Promise<void> =>
  bundleModules(ENTRIES, dirname(SERVER_BUNDLE));

/**
 * Bundles each TypeScript module of `entries` (and the workspace's modules it imports) into one
 * JavaScript module `outdir/NAME.js`, for plain `node`: the server and its worker, and the
 * benchmark's other servers (so every system compared runs without a TypeScript loader). Each
 * file is replaced in one step (a rename), so a process starting from it meanwhile (another
 * test file's) never reads half; the first entry, the one processes start from, is replaced
 * last, so it never starts with an older build of the others.
 *
 * `import.meta.bundleUrl` is the URL of the bundle a module is in (undefined from source):
 * how a module finds a worker bundled beside it.
 */
export async function bundleModules(
  entries: Record<string, string>,
  outdir: string,
): Promise<void> {
  const { outputFiles } = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    define: { 'import.meta.bundleUrl': 'import.meta.url' },
    plugins: [modulesKeepTheirPlace(outdir), dependenciesStayInstalled(outdir)],
    write: false,
  });
  await mkdir(outdir, { recursive: true });
  const startedFrom = resolve(outdir, `${Object.keys(entries)[0]}.js`);
  const lastIfStartedFrom = (path: string) => Number(path === startedFrom);
  const written = await Promise.all(
    outputFiles.map(async ({ path, contents }) => {
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, contents);
      return { temporary, path };
    }),
  );
  written.sort((a, b) => lastIfStartedFrom(a.path) - lastIfStartedFrom(b.path));
  for (const { temporary, path } of written) await rename(temporary, path);
}

let built: Promise<void> | undefined;

/** Builds SERVER_BUNDLE once a process: what starts servers from it calls this first. */
export const serverBundleBuilt = (): Promise<void> => (built ??= buildServerBundle());

/**
 * Modules find their files beside their source: migrations, the word list, the demo content,
 * the web app's build. Inside the bundle each keeps the URL and folder of its source file
 * (written relative to the bundle, so a moved checkout still works).
 */
function modulesKeepTheirPlace(outdir: string): Plugin {
  const fromBundle = (path: string) =>
    `new URL(${JSON.stringify(relative(outdir, path))}, import.meta.url)`;
  return {
    name: 'modules-keep-their-place',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const contents = source
          .replaceAll('import.meta.url', `${fromBundle(path)}.href`)
          .replaceAll(
            'import.meta.dirname',
            `decodeURIComponent(${fromBundle(`${dirname(path)}/`)}.pathname)`,
          );
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Installed packages are imported from where they are installed, as the source imports them
 * (several ship WebAssembly or native files beside their code, and a workspace may have its own
 * version of one): each import is resolved as from its importer, and written as a path relative
 * to the bundle, since Node resolves a bare name from the bundle's folder instead. The
 * workspace's own packages (`@cardtable/*`) and JSON files are bundled.
 */
function dependenciesStayInstalled(outdir: string): Plugin {
  return {
    name: 'dependencies-stay-installed',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async ({ path, kind, resolveDir, pluginData }) => {
        const own = path.startsWith('@cardtable/') || path.startsWith('node:');
        if (own || pluginData === SKIP) return undefined;
        const resolved = await build.resolve(path, { kind, resolveDir, pluginData: SKIP });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.path.endsWith('.json')) return { path: resolved.path };
        const fromBundle = relative(outdir, resolved.path);
        return {
          path: fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`,
          external: true,
        };
      });
    },
  };
}

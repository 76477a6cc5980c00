import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { SETTINGS_KEY } from './src/settings/settings-key.ts';
import { earlyThemeScript } from './src/theme/apply-theme.ts';

/**
 * The workspace packages the app bundles are pure modules (the kernel and the games are pure by
 * lint rule), so importing one name from a package barrel must not pull in the whole package:
 * without this the entire Golf rule engine would land in the table's chunk.
 */
const PURE_WORKSPACE_SOURCE =
  /[\\/](packages[\\/](engine|sdk|sandbox)|games[\\/][^\\/]+)[\\/]src[\\/]/;

/** The stored theme is applied in the page's head, before the first paint and the bundle. */
const earlyTheme: Plugin = {
  name: 'cardtable-early-theme',
  transformIndexHtml: () => [
    { tag: 'script', children: earlyThemeScript(SETTINGS_KEY), injectTo: 'head-prepend' },
  ],
};

/** The app is served by `cardtable serve` from ./dist; `vite` (dev) proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), earlyTheme],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The browsers with CSS light-dark(): older targets get it rewritten into variables that
    // resolve once at the root, and the dark card tables inside a light page would lose theirs.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    reportCompressedSize: true,
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => !PURE_WORKSPACE_SOURCE.test(id) },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});

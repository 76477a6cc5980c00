import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The workspace packages the app bundles are pure modules (the kernel and the games are pure by
 * lint rule), so importing one name from a package barrel must not pull in the whole package:
 * without this the entire Golf rule engine would land in the table's chunk.
 */
const PURE_WORKSPACE_SOURCE =
  /[\\/](packages[\\/](engine|sdk|sandbox)|games[\\/][^\\/]+)[\\/]src[\\/]/;

/** The app is served by `cardtable serve` from ./dist; `vite` (dev) proxies the API to it. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
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

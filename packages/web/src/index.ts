import { fileURLToPath } from 'node:url';

/** Where `vite build` puts the app: the server serves this folder at `/` with an SPA fallback. */
export const webDistDir = fileURLToPath(new URL('../dist', import.meta.url));

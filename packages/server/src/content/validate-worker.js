// A worker thread runs plain JavaScript: register tsx here (as bin/cardtable.js does for the
// main thread), then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');

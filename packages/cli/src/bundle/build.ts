// `npm run build -w @cardtable/cli`: the server bundle `npm start` runs (server-bundle.ts).
import { buildServerBundle, SERVER_BUNDLE } from './server-bundle.ts';

await buildServerBundle();
console.log(`Built ${SERVER_BUNDLE}`);

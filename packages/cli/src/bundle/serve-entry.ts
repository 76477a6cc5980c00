// The server bundle's entry (server-bundle.ts): `node dist/serve.js [options]` is `cardtable serve`.
import { serveCommand } from '../commands/serve.ts';

process.exitCode = await serveCommand(process.argv.slice(2));

/**
 * boardgame.io 0.50's own server (Koa, socket.io, in-memory storage) hosting the Golf anchor:
 * `node bgio-server.js PORT`, bundled and started by `npm run bench:compare`.
 */
import { Server } from 'boardgame.io/server';
import { BgioGolf } from './bgio-golf.ts';

const port = Number(process.argv[2]);
const server = Server({ games: [BgioGolf], origins: [/.*/] });
await server.run({ port });
process.on('SIGTERM', () => process.exit(0));

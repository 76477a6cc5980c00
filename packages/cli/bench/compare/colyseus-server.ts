/**
 * Colyseus 0.16's own server (@colyseus/core, the `ws` transport, its default in-memory
 * presence and driver) hosting the Golf room: `node colyseus-server.js PORT`, bundled and
 * started by `npm run bench:compare`; GET /ready answers once it listens.
 */
import { createServer } from 'node:http';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ColyseusGolfRoom } from './colyseus-golf.ts';

const port = Number(process.argv[2]);
// Colyseus answers its matchmaking routes itself and passes every other request on to this.
const http = createServer((request, response) => {
  response.writeHead(request.url === '/ready' ? 200 : 404).end();
});
const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
server.define('golf', ColyseusGolfRoom);
await server.listen(port, '127.0.0.1');

/**
 * A scripted protocol peer on loopback: a test plays the server's side of an exchange frame by
 * frame. The real server is exercised by the e2e tests.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../src/protocol.ts';

export interface Peer {
  socket: WebSocket;
  url: URL;
  /** The next frame the client sends (PINGs skipped). */
  next(): Promise<ClientMessage>;
  send(message: ServerMessage): void;
}

export interface ScriptedServer {
  baseUrl: string;
  /** The next client socket to connect. */
  accept(): Promise<Peer>;
  close(): void;
}

export async function scriptedServer(): Promise<ScriptedServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const waiting: ((peer: Peer) => void)[] = [];
  const arrived: Peer[] = [];
  server.on('connection', (socket, request) => {
    const inbox: ClientMessage[] = [];
    const readers: ((message: ClientMessage) => void)[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ClientMessage;
      if (message.type === 'PING') return;
      const reader = readers.shift();
      if (reader) reader(message);
      else inbox.push(message);
    });
    const peer: Peer = {
      socket,
      url: new URL(request.url ?? '/', 'http://localhost'),
      next: () => {
        const message = inbox.shift();
        return message ? Promise.resolve(message) : new Promise((resolve) => readers.push(resolve));
      },
      send: (message) => socket.send(JSON.stringify(message)),
    };
    const taker = waiting.shift();
    if (taker) taker(peer);
    else arrived.push(peer);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    /** The next client socket to connect. */
    accept: (): Promise<Peer> => {
      const peer = arrived.shift();
      return peer ? Promise.resolve(peer) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}

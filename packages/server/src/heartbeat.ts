import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Pings every socket it watches each `everyMs` and drops one that did not answer the previous
 * ping: a peer that vanished without closing (a phone off the network) must not keep its seat's
 * presence, its chat membership or its place in a queue. One per socket kind, stopped with the app.
 */
export class Heartbeat {
  private readonly answered = new Map<WebSocket, boolean>();

  constructor(app: FastifyInstance, everyMs: number) {
    const timer = setInterval(() => this.beat(), everyMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  watch(socket: WebSocket): void {
    this.answered.set(socket, true);
    socket.on('pong', () => this.answered.set(socket, true));
    socket.on('close', () => this.answered.delete(socket));
  }

  private beat(): void {
    for (const [socket, alive] of this.answered) {
      if (!alive) {
        socket.terminate();
        continue;
      }
      this.answered.set(socket, false);
      socket.ping();
    }
  }
}

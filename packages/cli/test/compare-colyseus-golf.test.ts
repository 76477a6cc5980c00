import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { Client, type Room } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColyseusGolfRoom } from '../bench/compare/colyseus-golf.ts';
import { freePort } from '../src/load/server-process.ts';

/** What a client decodes of the room's state (by reflection). */
interface Slot {
  faceUp: boolean;
  rank?: number;
}
interface GolfView {
  phase: string;
  turn: number;
  moves: number;
  seats: { at(i: number): { hand: { at(i: number): Slot; toArray(): Slot[] } } };
  discard: { length: number; at(i: number): number };
  holding?: { source: string; rank?: number };
}

let server: Server;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  server = new Server({
    transport: new WebSocketTransport(),
    greet: false,
    gracefullyShutdown: false,
  });
  server.define('golf', ColyseusGolfRoom);
  await server.listen(port, '127.0.0.1');
  url = `ws://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.gracefullyShutdown(false);
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((done) => setTimeout(done, 10));
  expect(condition()).toBe(true);
}

const hand = (room: Room<GolfView>, seat: number) => room.state.seats.at(seat).hand.toArray();

describe("bench:compare's Colyseus Golf room", () => {
  it('sends a card to a client only once that client may see it', async () => {
    const client = new Client(url);
    const a = await client.create<GolfView>('golf');
    const b = await client.joinById<GolfView>(a.roomId);
    try {
      await until(() => a.state.phase === 'opening' && b.state.phase === 'opening');
      // Face down: nobody, not even its owner, gets a rank.
      for (const room of [a, b])
        for (const seat of [0, 1])
          expect(hand(room, seat).map((slot) => slot.rank)).toEqual(Array(6).fill(undefined));

      a.send('initialFlip', [0, 1]);
      await until(() => hand(b, 0)[1]?.rank !== undefined);
      const flipped = hand(a, 0).map((slot) => slot.rank);
      expect(hand(b, 0).map((slot) => slot.rank)).toEqual(flipped);
      expect(flipped.slice(2)).toEqual(Array(4).fill(undefined));

      b.send('initialFlip', [2, 3]);
      await until(() => a.state.phase === 'play' && b.state.phase === 'play');
      expect(a.state.turn).toBe(0);

      // A move that is not legal now is ignored; the next one counts once.
      const before = a.state.moves;
      a.send('discard');
      a.send('drawDeck');
      await until(() => a.state.holding?.rank !== undefined && b.state.holding !== undefined);
      expect(a.state.moves).toBe(before + 1);
      // The card drawn from the deck: its drawer sees it, the other seat only that there is one.
      expect(b.state.holding).toMatchObject({ source: 'deck' });
      expect(b.state.holding?.rank).toBeUndefined();
      const drawn = a.state.holding?.rank;

      a.send('discard');
      await until(() => b.state.discard.length === 2);
      expect(b.state.discard.at(1)).toBe(drawn);
      expect(b.state.turn).toBe(1);
    } finally {
      await Promise.all([a.leave(), b.leave()]);
    }
  });
});

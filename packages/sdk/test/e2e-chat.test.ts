/**
 * The SDK's chat room against a real server: history on connect, live messages, emotes, mutes
 * (kept by the room's `messages`), reports, typed refusals, and reconnecting after the
 * connection is cut, with the history intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../cli/src/load/server-process.ts';
import { CardtableClient, CHAT_MUTE_BATCH, type ChatEmote, type ChatRoom } from '../src/index.ts';
import { expectOk, signedIn, startTestServer, until } from './support/e2e.ts';
import { startTcpProxy } from './support/tcp-proxy.ts';

let server: ServerProcess;
const rooms: ChatRoom[] = [];

beforeAll(async () => {
  server = await startTestServer({
    CHAT_BURST: '4',
    CHAT_PER_MIN: '1',
    // A long mute list names real users: each a guest made here, from one address.
    RATE_AUTH_IP_PER_MIN: '1000',
    GUESTS_PER_IP_PER_HOUR: '1000',
  });
}, 120_000);

afterAll(async () => {
  for (const room of rooms) room.close();
  await server?.stop();
});

async function join(client: CardtableClient, room: string): Promise<ChatRoom> {
  const chat = client.chat(room);
  rooms.push(chat);
  await until(() => chat.state === 'open' || chat.state === 'refused');
  return chat;
}

describe('ChatRoom', () => {
  it('chats at a table: history, live messages, emotes, mutes and typed refusals', async () => {
    const alice = await signedIn(server.url, 'Alice');
    const bob = await signedIn(server.url, 'Bob');
    const carol = await signedIn(server.url, 'Carol');
    const created = expectOk(
      await alice.api.createMatch({
        game: 'golf',
        options: { rounds: 1 },
        seats: [{ kind: 'human' }, { kind: 'human' }],
      }),
    );
    expectOk(await bob.api.joinMatch(created.code));
    const room = `match:${created.matchId}`;

    const aliceChat = await join(alice, room);
    expect(aliceChat.welcome).toMatchObject({ role: 'player', emotes: true });
    expect(await aliceChat.send('players', 'hi Bob')).toMatchObject({ ok: true });

    const bobChat = await join(bob, room);
    expect(bobChat.messages.map((m) => m.text)).toEqual(['hi Bob']);
    const emotes: ChatEmote[] = [];
    bobChat.on('emote', (emote) => emotes.push(emote));
    expect(await aliceChat.emote('gg')).toEqual({ ok: true });
    await until(() => emotes.length === 1);
    expect(emotes[0]).toMatchObject({ emote: 'gg', seat: 0, name: 'Alice' });

    const carolChat = await join(carol, room);
    expect(carolChat.welcome?.role).toBe('spectator');
    expect(await carolChat.send('players', 'psst')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await carolChat.send('spectators', 'go Alice')).toMatchObject({ ok: true });
    expect(await aliceChat.send('players', 'x'.repeat(301))).toMatchObject({
      error: { code: 'TOO_LONG' },
    });

    expect(await bobChat.mute(alice.api.session?.user.id ?? '')).toEqual({ ok: true });
    await until(() => bobChat.messages.length === 0);
    expect(bobChat.muted.has(alice.api.session?.user.id ?? '')).toBe(true);
    expect(await aliceChat.send('players', 'can you hear me?')).toMatchObject({ ok: true });
    expect(await bobChat.send('players', 'quiet here')).toMatchObject({ ok: true });
    await until(() => aliceChat.messages.length === 3);
    expect(bobChat.messages.map((m) => m.text)).toEqual(['quiet here']);
    expect(await bobChat.report(aliceChat.messages[0]?.id ?? '', 'rude')).toEqual({ ok: true });

    // A closed room answers without the server.
    carolChat.close();
    expect(await carolChat.send('spectators', 'gone')).toMatchObject({
      error: { code: 'NOT_CONNECTED' },
    });
  });

  it("sends a guest's long mute list again in batches: no frame refused, every one muted", async () => {
    const guest = await signedIn(server.url, 'Gail');
    const chat = await join(guest, 'lobby:golf');
    const others = await Promise.all(
      Array.from({ length: 2 * CHAT_MUTE_BATCH + 7 }, (_, i) => signedIn(server.url, `Muted ${i}`)),
    );
    const ids = others.map((other) => other.api.session!.user.id);
    // An id that names no user any more (the list is the browser's) is passed over.
    expect(await chat.muteMany([...ids, 'u_gone'])).toEqual({ ok: true });
    await until(() => chat.muted.size === ids.length);
    expect([...chat.muted].sort()).toEqual([...ids].sort());
  });

  it('is refused for good in a room that does not exist', async () => {
    const dave = await signedIn(server.url, 'Dave');
    const chat = await join(dave, 'lobby:no-such-game');
    expect(chat.state).toBe('refused');
  });

  it('reconnects on its own when the connection is cut, with the history', async () => {
    const proxy = await startTcpProxy(server.url);
    try {
      const erin = await signedIn(server.url, 'Erin');
      const chat = erin.chat('lobby:golf');
      rooms.push(chat);
      const relayed = new CardtableClient({
        baseUrl: proxy.url,
        session: erin.api.session,
      }).chat('lobby:golf', { backoff: { initialMs: 20, maxMs: 100 } });
      rooms.push(relayed);
      await until(() => chat.state === 'open' && relayed.state === 'open');
      expect(await chat.send('lobby', 'anyone for golf?')).toMatchObject({ ok: true });
      await until(() => relayed.messages.length === 1);
      const states: string[] = [];
      relayed.on('state', (state) => states.push(state));
      proxy.cut();
      await until(() => states.includes('reconnecting') && relayed.state === 'open');
      expect(relayed.messages.map((m) => m.text)).toEqual(['anyone for golf?']);
    } finally {
      await proxy.close();
    }
  });
});

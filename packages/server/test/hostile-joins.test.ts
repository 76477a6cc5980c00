import type { ErrorBody, JoinMatchResponse, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { call, callFrom, createMatch, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';

/**
 * A hostile client taking seats: guests cost nothing to make, so one address must not get more
 * joins by making more of them, at open tables as with room codes.
 */
const JOINS_PER_ADDRESS = 4;
const human = { kind: 'human' as const };

describe('a hostile client joining open tables', () => {
  let server: RunningServer;
  let host: string;

  beforeAll(async () => {
    server = await startTestServer('embedded', {
      RATE_JOIN_PER_MIN: '10',
      RATE_JOIN_IP_PER_MIN: String(JOINS_PER_ADDRESS),
      OPEN_TABLES_PER_USER: '20',
    });
    host = (await guest(server.url, 'Host')).accessToken;
  });
  afterAll(async () => server?.close());

  const openTable = async () =>
    (
      await createMatch(server.url, host, {
        game: 'secret-draw',
        seats: [human, human],
        listed: true,
      })
    ).matchId;

  it('limits one-click joins per address, whoever the guests are; the tables stay free; another address joins', async () => {
    const tables = await Promise.all(
      Array.from({ length: JOINS_PER_ADDRESS + 2 }, () => openTable()),
    );
    const squatters = await Promise.all(tables.map((_, i) => guest(server.url, `Squatter ${i}`)));
    const join = (token: string, matchId: string) =>
      call<JoinMatchResponse & ErrorBody>(server.url, 'POST', `/api/tables/${matchId}/join`, {
        token,
      });
    // A fresh guest for each table: no user is over its own limit, only the address is.
    for (let i = 0; i < JOINS_PER_ADDRESS; i++) {
      expect((await join(squatters[i]!.accessToken, tables[i]!)).status).toBe(200);
    }
    const refused = await join(
      squatters[JOINS_PER_ADDRESS]!.accessToken,
      tables[JOINS_PER_ADDRESS]!,
    );
    expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    const seats = await call<MatchMetadata>(
      server.url,
      'GET',
      `/api/matches/${tables[JOINS_PER_ADDRESS]}`,
      { token: host },
    );
    expect(seats.body.seats[1]).toMatchObject({ taken: false });

    // Someone on another address sits down at once.
    const neighbour = await guest(server.url, 'Neighbour');
    const elsewhere = await callFrom<JoinMatchResponse>(
      '127.0.0.2',
      server.url,
      'POST',
      `/api/tables/${tables[JOINS_PER_ADDRESS + 1]}/join`,
      { token: neighbour.accessToken },
    );
    expect(elsewhere).toMatchObject({ status: 200, body: { seat: 1 } });
  });
});

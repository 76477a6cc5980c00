import type { AuthResponse, ErrorBody } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import { call, guest } from './helpers/http.ts';
import { startTestServer } from './helpers/server.ts';
import { DISPLAY_NAME_MAX_LENGTH } from '@cardtable/sdk/accounts';
import { displayNameFrom, displayNameProblem } from '../src/auth/account-rules.ts';

/**
 * A hostile client naming itself and its games: every name others are shown (a guest's, a
 * game's) holds printable characters only, never controls, line breaks or the bidirectional
 * controls that make the words next to it read backwards, nor marks stacked on a letter until
 * they cover the names above and below it, nor only characters that draw nothing (a seat that
 * looks empty). Refused with a typed error, and nothing is stored.
 */
const UNPRINTABLE = [
  'Alice\u202E',
  '\u2066admin',
  'a\u200Fb',
  'two\nlines',
  'line\u2028separator',
  'bell\u0007',
  'next line\u0085',
  `Zalgo${'\u0336\u0489'.repeat(3)}`,
  '\u200B',
  '\u2060\uFEFF\u00AD',
  '\u3164',
  '\u2800 \u2800',
  '\u0301\u0301',
];
/** What those rules let through: accents (combining ones too), emoji sequences, other scripts. */
const SHOWABLE = [
  'Zoë',
  '👩‍👩‍👧 family',
  'مرحبا',
  'Nguye\u0302\u0303n',
  '1\uFE0F\u20E3 keycap',
  'नमस्ते',
];

describe('a hostile client choosing names', () => {
  let server: RunningServer;
  let creator: string;
  const count = async (table: string) =>
    Number((await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

  beforeAll(async () => {
    server = await startTestServer('embedded');
    creator = (await guest(server.url, 'Creator')).accessToken;
  });
  afterAll(async () => server?.close());

  it('refuses a guest name with unprintable characters as BAD_REQUEST; emoji and accents pass', async () => {
    const users = await count('users');
    for (const name of UNPRINTABLE) {
      const reply = await call<ErrorBody>(server.url, 'POST', '/api/auth/guest', {
        body: { name },
      });
      expect(reply, JSON.stringify(name)).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST', details: { field: 'name' } },
      });
    }
    expect(await count('users')).toBe(users);
    for (const name of SHOWABLE) {
      const reply = await call<AuthResponse>(server.url, 'POST', '/api/auth/guest', {
        body: { name },
      });
      expect(reply.status).toBe(200);
      expect(reply.body.user.name).toBe(name);
    }
  });

  it('refuses an unprintable CPU seat name; the match is not made', async () => {
    const matches = await count('matches');
    for (const name of UNPRINTABLE) {
      const reply = await call<ErrorBody>(server.url, 'POST', '/api/matches', {
        token: creator,
        body: {
          game: 'secret-draw',
          seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady', name }],
        },
      });
      expect(reply, JSON.stringify(name)).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST', details: { field: 'seats/1/name' } },
      });
    }
    expect(await count('matches')).toBe(matches);
  });

  it('refuses a blank or unprintable game name, on creation and on renaming; the name stays', async () => {
    const games = await count('content_games');
    for (const name of ['   ', ...UNPRINTABLE]) {
      const reply = await call<ErrorBody>(server.url, 'POST', '/api/content/games', {
        token: creator,
        body: { slug: `named-${games}`, name },
      });
      expect(reply, JSON.stringify(name)).toMatchObject({
        status: 400,
        body: { code: 'BAD_REQUEST', details: { field: 'name' } },
      });
    }
    expect(await count('content_games')).toBe(games);

    const created = await call(server.url, 'POST', '/api/content/games', {
      token: creator,
      body: { slug: 'well-named', name: '  Well named  ' },
    });
    expect(created).toMatchObject({ status: 201, body: { game: { name: 'Well named' } } });
    for (const name of ['   ', ...UNPRINTABLE]) {
      const renamed = await call<ErrorBody>(server.url, 'PATCH', '/api/content/games/well-named', {
        token: creator,
        body: { name },
      });
      expect(renamed.status, JSON.stringify(name)).toBe(400);
    }
    const after = await call(server.url, 'GET', '/api/content/games/well-named', {
      token: creator,
    });
    expect(after.body).toMatchObject({ game: { name: 'Well named' } });
  });
});

describe("a name taken from elsewhere (a sign-in provider's)", () => {
  const a = (n: number) => 'a'.repeat(n);
  const fromProvider = (given: string) => displayNameFrom(given, 'Idp player');

  it("is cut to the display-name rule's length, never inside an emoji, a flag or a letter's accents", () => {
    expect(DISPLAY_NAME_MAX_LENGTH).toBe(40);
    const cases: [string, string][] = [
      // An emoji is two of the rule's 40: the 40th and 41st do not fit, and half is never kept.
      [`${a(39)}\u{1F600}\u{1F600}`, a(39)],
      [`${a(38)}\u{1F600}\u{1F600}`, `${a(38)}\u{1F600}`],
      // A letter keeps its accents or goes with them.
      [`${a(39)}e\u0301\u0302`, a(39)],
      [`${a(37)}e\u0301\u0302`, `${a(37)}e\u0301\u0302`],
      // A flag is one picture of two letters; a family of four is one of seven emoji and joiners.
      [`${a(37)}\u{1F1EB}\u{1F1F7}`, a(37)],
      [`${a(30)}\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}`, a(30)],
      // Spaces left at the cut are trimmed, as the rule trims a name.
      [`${a(30)}${' '.repeat(20)}b`, a(30)],
      ['short', 'short'],
    ];
    for (const [given, expected] of cases) {
      const name = fromProvider(given);
      expect(name, JSON.stringify(given)).toBe(expected);
      // What the rule itself would take: the same name saved from the account page passes.
      expect(displayNameProblem(name), JSON.stringify(given)).toBeNull();
    }
  });

  it('falls back when nothing of it shows within the length', () => {
    expect(fromProvider(`${'\u200B'.repeat(45)}visible`)).toBe('Idp player');
    expect(fromProvider('\u202E\u0007')).toBe('Idp player');
    expect(fromProvider('')).toBe('Idp player');
  });
});

import type { Profile, SessionList } from '@cardtable/sdk/accounts';
import type { AuthResponse, MatchList, MatchMetadata } from '@cardtable/sdk/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.ts';
import {
  account,
  devMail,
  GOOD_PASSWORD,
  login,
  mailedToken,
  register,
  until,
} from './helpers/accounts.ts';
import { call, createMatch, guest } from './helpers/http.ts';
import { startTestServer, type StoreKind } from './helpers/server.ts';
import { RawClient } from './helpers/socket-client.ts';

const ENV = {
  DEV_MAILBOX: 'true',
  RATE_AUTH_IP_PER_MIN: '10000',
  SIGNUPS_PER_IP_PER_HOUR: '10000',
};

describe.each<StoreKind>(['embedded', 'postgres'])('accounts over HTTP on %s', (store) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer(store, ENV);
  });
  afterAll(async () => server?.close());

  const refresh = (refreshToken: string) =>
    call<AuthResponse & { code?: string }>(server.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken },
    });
  const me = (token: string) =>
    call<{ id: string; code?: string }>(server.url, 'GET', '/api/me', { token });

  /** A started two-seat match that a new account named `name` hosts and the guest Zed joined. */
  const hostedWithZed = async (name: string) => {
    const host = await account(server.url, name);
    const zed = await guest(server.url, 'Zed');
    const match = await createMatch(server.url, host.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'human' }],
    });
    await call(server.url, 'POST', '/api/matches/join', {
      token: zed.accessToken,
      body: { code: match.code },
    });
    return { host, zed, match };
  };

  it('validates registration field by field, with a clear password rule', async () => {
    const short = await register(server.url, 'ab');
    expect(short).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST', details: { field: 'username' } },
    });
    const long = await register(server.url, 'a'.repeat(31));
    expect(long.body.details).toEqual({
      field: 'username',
      fields: { username: 'A username has 3 to 30 characters.' },
    });
    // Every refused field at once, each with its sentence (the form places each at its field).
    const several = await register(server.url, 'ab', {
      email: 'not-an-email',
      password: 'short1',
    });
    expect(several.body.details).toEqual({
      field: 'username',
      fields: {
        username: 'A username has 3 to 30 characters.',
        email: 'That is not an email address (name@example.com).',
        password: expect.stringMatching(/too short/),
      },
    });
    const email = await register(server.url, 'valid_name', { email: 'not-an-email' });
    expect(email).toMatchObject({ status: 400, body: { details: { field: 'email' } } });
    const weak = await register(server.url, 'valid_name', { password: 'short1' });
    expect(weak).toMatchObject({ status: 400, body: { details: { field: 'password' } } });
    expect(weak.body.message).toMatch(/at least one digit or symbol/);
    const common = await register(server.url, 'valid_name', { password: 'password123' });
    expect(common.body.message).toMatch(/most common/);
    const ownName = await register(server.url, 'valid_name', { password: 'valid_name-2024!' });
    expect(ownName.body.message).toMatch(/username or email/);
    // Nothing was made by the refusals.
    const made = await server.db.query(`SELECT id FROM users WHERE lower(username) = 'valid_name'`);
    expect(made).toEqual([]);
  });

  it('registers, signs in by username or email, and answers wrong logins alike', async () => {
    const ada = await account(server.url, 'Ada');
    expect(ada.user).toMatchObject({ name: 'Ada', guest: false, role: 'player' });
    expect((await me(ada.accessToken)).body.id).toBe(ada.user.id);
    expect(await register(server.url, 'ADA', { email: 'other@example.com' })).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', details: { field: 'username' } },
    });
    for (const name of ['ada', 'ADA@example.com']) {
      const signedIn = await login(server.url, name);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.id).toBe(ada.user.id);
    }
    const wrongPassword = await login(server.url, 'ada', 'not the password 1');
    const unknown = await login(server.url, 'nobody-here', 'not the password 1');
    expect(wrongPassword).toEqual(unknown);
    expect(unknown).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });

  it('verifies an email once through its mailed link, and never tells whether an address is taken', async () => {
    const grace = await account(server.url, 'Grace', 'grace@example.com');
    const token = await mailedToken(server.url, 'grace@example.com', '/verify-email');
    const verify = (t: string) =>
      call(server.url, 'POST', '/api/auth/verify-email', { body: { token: t } });
    expect((await verify(token)).status).toBe(200);
    expect(await verify(token)).toMatchObject({
      status: 400,
      body: { details: { reason: 'link_invalid' } },
    });
    const profile = await call<Profile>(server.url, 'GET', '/api/account', {
      token: grace.accessToken,
    });
    expect(profile.body).toMatchObject({ email: 'grace@example.com', emailVerified: true });

    // A second signup with the verified address looks the same; its owner is told instead.
    const copycat = await register(server.url, 'Copycat', { email: 'Grace@Example.com' });
    expect(copycat.status).toBe(200);
    const mail = await devMail(server.url);
    expect(mail[0]).toMatchObject({
      to: 'grace@example.com',
      subject: 'Someone signed up with your address',
    });
    expect(mail[0]?.body).not.toMatch(/token=/);
    // The copycat cannot sign in with Grace's address: it names her account.
    expect((await login(server.url, 'grace@example.com')).body.user.id).toBe(grace.user.id);
  });

  it('resets a forgotten password with a single-use link and signs every session out', async () => {
    const lin = await account(server.url, 'Lin', 'lin@example.com');
    const forgot = (email: string) =>
      call<{ ok: boolean; message: string }>(server.url, 'POST', '/api/auth/password/forgot', {
        body: { email },
      });
    const known = await forgot('lin@example.com');
    const unknownAddress = await forgot('nobody@example.com');
    expect(known).toEqual(unknownAddress);
    expect(known.status).toBe(200);
    const token = await mailedToken(server.url, 'lin@example.com', '/reset-password');
    const reset = (password: string) =>
      call<{ code?: string }>(server.url, 'POST', '/api/auth/password/reset', {
        body: { token, password },
      });
    expect(await reset('weak')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    // A refused password does not use the link up.
    expect((await reset('a brand new secret 7')).status).toBe(200);
    expect((await reset('another new secret 8')).status).toBe(400);
    expect((await me(lin.accessToken)).status).toBe(401);
    expect(await refresh(lin.refreshToken)).toMatchObject({
      status: 401,
      body: { code: 'SESSION_REVOKED' },
    });
    expect((await login(server.url, 'lin')).status).toBe(401);
    expect((await login(server.url, 'lin', 'a brand new secret 7')).status).toBe(200);
  });

  it('rotates refresh tokens and signs the whole family out when one is reused', async () => {
    const kay = await account(server.url, 'Kay');
    const second = await refresh(kay.refreshToken);
    expect(second.status).toBe(200);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    // The first token again: stolen. Its session ends, newest tokens included.
    expect(await refresh(kay.refreshToken)).toMatchObject({
      status: 401,
      body: { code: 'SESSION_REVOKED' },
    });
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await me(third.body.accessToken)).status).toBe(401);
    // Another sign-in of Kay's is another family and keeps working.
    const elsewhere = await login(server.url, 'kay');
    expect((await me(elsewhere.body.accessToken)).status).toBe(200);
    expect((await refresh('never-issued')).body.code).toBe('UNAUTHORIZED');
  });

  it('lists sessions with their device, revokes one, logs out and logs out everywhere', async () => {
    const max = await account(server.url, 'Max');
    const firefox = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
      },
      body: JSON.stringify({ login: 'max', password: GOOD_PASSWORD }),
    }).then((r) => r.json() as Promise<AuthResponse>);
    const list = await call<SessionList>(server.url, 'GET', '/api/auth/sessions', {
      token: max.accessToken,
    });
    expect(list.body.sessions).toHaveLength(2);
    const other = list.body.sessions.find((s) => !s.current);
    expect(other?.device).toBe('Firefox on Linux');
    expect(list.body.sessions.find((s) => s.current)?.lastSeenAt).toBeTruthy();

    // Someone else's session cannot be revoked by id.
    const eve = await account(server.url, 'Eve');
    const stranger = await call(server.url, 'DELETE', `/api/auth/sessions/${other?.id}`, {
      token: eve.accessToken,
    });
    expect(stranger.status).toBe(404);
    expect((await me(firefox.accessToken)).status).toBe(200);

    const revoke = await call(server.url, 'DELETE', `/api/auth/sessions/${other?.id}`, {
      token: max.accessToken,
    });
    expect(revoke.status).toBe(200);
    expect((await me(firefox.accessToken)).status).toBe(401);

    const phone = await login(server.url, 'max');
    const out = await call(server.url, 'POST', '/api/auth/logout', {
      token: max.accessToken,
      body: {},
    });
    expect(out.status).toBe(200);
    expect((await me(max.accessToken)).status).toBe(401);
    expect((await me(phone.body.accessToken)).status).toBe(200);
    const laptop = await login(server.url, 'max');
    await call(server.url, 'POST', '/api/auth/logout-all', { token: laptop.body.accessToken });
    expect((await me(phone.body.accessToken)).status).toBe(401);
    expect((await me(laptop.body.accessToken)).status).toBe(401);
  });

  it('changes a password only with the current one, keeping this session and ending the others', async () => {
    const noa = await account(server.url, 'Noa');
    const tablet = await login(server.url, 'noa');
    const change = (currentPassword: string, newPassword: string) =>
      call<{ code?: string }>(server.url, 'POST', '/api/account/password', {
        token: noa.accessToken,
        body: { currentPassword, newPassword },
      });
    expect(await change('wrong password 1', 'a new password 99')).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await change(GOOD_PASSWORD, 'tiny')).status).toBe(400);
    expect((await change(GOOD_PASSWORD, 'a new password 99')).status).toBe(200);
    expect((await me(noa.accessToken)).status).toBe(200);
    expect((await me(tablet.body.accessToken)).status).toBe(401);
    expect((await login(server.url, 'noa', 'a new password 99')).status).toBe(200);
  });

  it('upgrades a guest to an account with the same id, keeping its finished match', async () => {
    const visitor = await guest(server.url, 'Visitor');
    const match = await createMatch(server.url, visitor.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    await call(server.url, 'POST', `/api/matches/${match.matchId}/surrender`, {
      token: visitor.accessToken,
    });
    const upgraded = await register(server.url, 'Visitor1', { token: visitor.accessToken });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.user).toMatchObject({ id: visitor.user.id, guest: false });
    expect(
      (await register(server.url, 'Visitor2', { token: upgraded.body.accessToken })).status,
    ).toBe(409);
    const signedIn = await login(server.url, 'visitor1');
    expect(signedIn.body.user.id).toBe(visitor.user.id);
    const mine = await call<MatchList>(server.url, 'GET', '/api/me/matches', {
      token: signedIn.body.accessToken,
    });
    expect(mine.body.matches.map((m) => [m.matchId, m.status])).toContainEqual([
      match.matchId,
      'over',
    ]);
  });

  it('keeps a profile, draws the same avatar for the same id, exports and deletes an account', async () => {
    const uma = await account(server.url, 'Uma');
    const updated = await call<Profile>(server.url, 'PUT', '/api/account', {
      token: uma.accessToken,
      body: { displayName: 'Uma the Bold', preferences: { theme: 'dark', sound: false } },
    });
    expect(updated.body).toMatchObject({
      displayName: 'Uma the Bold',
      preferences: { theme: 'dark', sound: false },
      avatarUrl: `/api/users/${uma.user.id}/avatar.svg`,
    });
    const bad = await call(server.url, 'PUT', '/api/account', {
      token: uma.accessToken,
      body: { preferences: { theme: 'neon' } },
    });
    expect(bad.status).toBe(400);
    const avatar = async (id: string) =>
      (await fetch(`${server.url}/api/users/${id}/avatar.svg`)).text();
    expect(await avatar(uma.user.id)).toBe(await avatar(uma.user.id));
    expect(await avatar(uma.user.id)).not.toBe(await avatar('u_someone_else'));
    expect(await avatar(uma.user.id)).toMatch(/^<svg /);

    const match = await createMatch(server.url, uma.accessToken, {
      game: 'secret-draw',
      seats: [{ kind: 'human' }, { kind: 'cpu', profile: 'steady' }],
    });
    await call(server.url, 'POST', `/api/matches/${match.matchId}/surrender`, {
      token: uma.accessToken,
    });
    const exported = await call<{
      profile: Profile;
      matches: { id: string }[];
      sessions: unknown[];
    }>(server.url, 'GET', '/api/account/export', { token: uma.accessToken });
    expect(exported.body.profile.username).toBe('Uma');
    expect(exported.body.matches.map((m) => m.id)).toEqual([match.matchId]);
    expect(exported.body.sessions).toHaveLength(1);

    const refused = await call(server.url, 'POST', '/api/account/delete', {
      token: uma.accessToken,
      body: { password: 'not my password 1' },
    });
    expect(refused.status).toBe(403);
    const deleted = await call(server.url, 'POST', '/api/account/delete', {
      token: uma.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    expect((await me(uma.accessToken)).status).toBe(401);
    expect((await login(server.url, 'uma')).status).toBe(401);
    const [row] = await server.db.query<{
      name: string;
      username: string | null;
      email: string | null;
    }>('SELECT name, username, coalesce(email, pending_email) AS email FROM users WHERE id = $1', [
      uma.user.id,
    ]);
    expect(row).toEqual({ name: 'Deleted player', username: null, email: null });
    // The match stays, its seat anonymised.
    const [kept] = await server.db.query<{ seats: { name?: string; userId?: string }[] }>(
      'SELECT seats FROM matches WHERE id = $1',
      [match.matchId],
    );
    expect(kept?.seats.find((seat) => seat.userId === uma.user.id)?.name).toBe('Deleted player');
    // The username is free again.
    expect((await register(server.url, 'Uma', { email: 'uma2@example.com' })).status).toBe(200);
  });

  it("gives up a deleted account's seats at waiting tables: its own table closes, others' seat opens", async () => {
    const vic = await account(server.url, 'Vic');
    const [wes, xan] = await Promise.all([guest(server.url, 'Wes'), guest(server.url, 'Xan')]);
    const three = [
      { kind: 'human' as const },
      { kind: 'human' as const },
      { kind: 'human' as const },
    ];
    const joinCode = (token: string, code: string) =>
      call(server.url, 'POST', '/api/matches/join', { token, body: { code } });
    const meta = async (matchId: string) =>
      (
        await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
          token: wes.accessToken,
        })
      ).body;
    const hosted = await createMatch(server.url, vic.accessToken, {
      game: 'secret-draw',
      seats: three,
    });
    expect((await joinCode(wes.accessToken, hosted.code)).status).toBe(200);
    const joined = await createMatch(server.url, xan.accessToken, {
      game: 'secret-draw',
      seats: three,
    });
    expect((await joinCode(vic.accessToken, joined.code)).status).toBe(200);
    const waiting = await RawClient.open(server.url, hosted.matchId, wes.accessToken);

    const deleted = await call(server.url, 'POST', '/api/account/delete', {
      token: vic.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    await server.lifecycle.sweep();

    // Vic's table is closed, and Wes, waiting there, is told; its code opens nothing.
    const told = await waiting.waitFor('MATCH_STATUS', (m) => m.status === 'over');
    expect(told.result?.reason).toBe('closed');
    waiting.socket.close();
    expect((await meta(hosted.matchId)).result?.reason).toBe('closed');
    expect((await joinCode(xan.accessToken, hosted.code)).status).toBe(404);
    // Closing wrote the seats back anonymised, not with the name the deletion removed.
    const [row] = await server.db.query<{ seats: { name?: string; userId?: string }[] }>(
      'SELECT seats FROM matches WHERE id = $1',
      [hosted.matchId],
    );
    expect(row?.seats.find((seat) => seat.userId === vic.user.id)?.name).toBe('Deleted player');
    // Vic's seat at Xan's table is free again, and the table still waits.
    const xans = await meta(joined.matchId);
    expect(xans.status).toBe('waiting');
    expect(xans.seats[1]).toMatchObject({ taken: false });
    expect((await joinCode(wes.accessToken, joined.code)).status).toBe(200);
  });

  it("never brings a deleted account's name back to a started match live in memory", async () => {
    const old = 'Yannick';
    const yan = await account(server.url, old);
    const [zed, ann, bea] = await Promise.all([
      guest(server.url, 'Zed'),
      guest(server.url, 'Ann'),
      guest(server.url, 'Bea'),
    ]);
    const join = async (token: string, code: string) =>
      expect(
        (await call(server.url, 'POST', '/api/matches/join', { token, body: { code } })).status,
      ).toBe(200);
    const lobby = (matchId: string, token: string, what: 'leave' | 'surrender') =>
      call(server.url, 'POST', `/api/matches/${matchId}/${what}`, { token });
    const storedSeats = async (matchId: string) =>
      (
        await server.db.query<{ seats: { name?: string; userId?: string }[] }>(
          'SELECT seats FROM matches WHERE id = $1',
          [matchId],
        )
      )[0]?.seats ?? [];
    const seatNames = (seats: readonly { name?: string }[]) => seats.map((seat) => seat.name);
    // Started matches Yannick hosts, live here: `people` human seats, everyone else joined.
    const started = async (people: number, joiners: { accessToken: string }[]) => {
      const match = await createMatch(server.url, yan.accessToken, {
        game: 'secret-draw',
        seats: Array.from({ length: people }, () => ({ kind: 'human' as const })),
      });
      for (const joiner of joiners) await join(joiner.accessToken, match.code);
      expect(server.registry.loaded(match.matchId)).toBeDefined();
      return match.matchId;
    };
    const written = await started(3, [zed, ann]); // a seat change writes the seats
    const watched = await started(2, [zed]); // Yannick is here, then signed out
    const swept = await started(2, [zed]); // nothing happens but the sweep
    const player = await RawClient.open(server.url, written, zed.accessToken);
    const yannick = await RawClient.open(server.url, watched, yan.accessToken);
    const spectators = await Promise.all(
      [watched, swept].map((id) => RawClient.open(server.url, id, bea.accessToken)),
    );
    const viewers = [player, ...spectators];
    for (const viewer of viewers) {
      expect(JSON.stringify((await viewer.waitFor('WELCOME')).seats)).toContain(old);
    }
    const seen = viewers.map((viewer) => viewer.received.length);

    const deleted = await call(server.url, 'POST', '/api/account/delete', {
      token: yan.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    expect(deleted.status).toBe(200);

    // Ann leaves the first match before any sweep: its live record still held the old name.
    expect((await lobby(written, ann.accessToken, 'leave')).status).toBe(200);
    const left = await player.waitFor('MATCH_STATUS', (m) => m.seats[2]?.away === true);
    expect(seatNames(left.seats)).toEqual(['Deleted player', 'Zed', 'Ann']);
    expect(seatNames(await storedSeats(written))).toEqual(['Deleted player', 'Zed', 'Ann']);
    // Yannick's socket is signed out; who watches is told his seat's new name as he goes.
    await until(() => yannick.closed !== null);
    expect(yannick.closed?.code).toBe(4403);
    const gone = await spectators[0]!.waitFor(
      'MATCH_STATUS',
      (m) => m.seats[0]?.connected === false,
    );
    expect(gone.seats[0]?.name).toBe('Deleted player');
    // Where nothing happens, the sweep tells who watches.
    await server.lifecycle.sweep();
    const renamed = await spectators[1]!.waitFor(
      'MATCH_STATUS',
      (m) => m.seats[0]?.name === 'Deleted player',
    );
    expect(seatNames(renamed.seats)).toEqual(['Deleted player', 'Zed']);
    // The end writes the seats again: still anonymised, stored, broadcast and read.
    for (const matchId of [written, watched, swept]) {
      expect((await lobby(matchId, zed.accessToken, 'surrender')).status).toBe(200);
    }
    await spectators[1]!.waitFor('MATCH_STATUS', (m) => m.status === 'over');
    for (const matchId of [written, watched, swept]) {
      expect((await storedSeats(matchId))[0]?.name).toBe('Deleted player');
      const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${matchId}`, {
        token: zed.accessToken,
      });
      expect(meta.body.seats[0]?.name).toBe('Deleted player');
    }
    // No viewer was shown the old name again after the deletion.
    for (const [index, viewer] of viewers.entries()) {
      expect(JSON.stringify(viewer.received.slice(seen[index]))).not.toContain(old);
      await viewer.close();
    }
  });

  it('renames at the sweep a seat whose deletion committed after the last sweep looked, asking only for deletions', async () => {
    const { host: xan, zed, match } = await hostedWithZed('Xanthe');
    const player = await RawClient.open(server.url, match.matchId, zed.accessToken);
    expect((await player.waitFor('WELCOME')).seats[0]?.name).toBe('Xanthe');
    await server.lifecycle.sweep();
    const deleted = await call(server.url, 'POST', '/api/account/delete', {
      token: xan.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    // As if its transaction began a minute ago, before the sweep above looked, and committed
    // only now: stamped before that look, seen only after it.
    await server.db.query(
      `UPDATE users SET deleted_at = deleted_at - interval '1 minute' WHERE id = $1`,
      [xan.user.id],
    );
    const sent: unknown[] = [];
    const query = server.db.query;
    server.db.query = (sql, params, name) => {
      sent.push(params);
      return query(sql, params, name);
    };
    try {
      await server.lifecycle.sweep();
    } finally {
      server.db.query = query;
    }
    const renamed = await player.waitFor(
      'MATCH_STATUS',
      (m) => m.seats[0]?.name === 'Deleted player',
    );
    expect(renamed.seats.map((seat) => seat.name)).toEqual(['Deleted player', 'Zed']);
    // The sweep did not send the database who sits where: only the deletions were asked for.
    const params = JSON.stringify(sent);
    expect(params).not.toContain(zed.user.id);
    expect(params).not.toContain(xan.user.id);
    await player.close();
  });

  // Transactions on the embedded store run one at a time: the race needs PostgreSQL's.
  it.runIf(store === 'postgres')(
    'never stores the old name from a seat write racing the deletion',
    async () => {
      const { host: yan, zed, match } = await hostedWithZed('Yolanda');
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let renamed = () => {};
      const seatsRenamed = new Promise<void>((resolve) => (renamed = resolve));
      // The deletion, as the server makes it, has renamed the user and the seats, uncommitted.
      const deletion = server.db.transaction(async (query) => {
        await query(`UPDATE users SET name = 'Deleted player', deleted_at = now() WHERE id = $1`, [
          yan.user.id,
        ]);
        await query(
          `UPDATE matches SET seats = (SELECT jsonb_agg(CASE WHEN seat->>'userId' = $1
             THEN seat || '{"name": "Deleted player"}' ELSE seat END ORDER BY position)
             FROM jsonb_array_elements(seats) WITH ORDINALITY AS s(seat, position))
           WHERE id = $2`,
          [yan.user.id, match.matchId],
        );
        renamed();
        await released;
      });
      await seatsRenamed;
      // Zed leaves meanwhile: the live match still holds the old name, and writes its seats.
      let settled = false;
      const left = call(server.url, 'POST', `/api/matches/${match.matchId}/leave`, {
        token: zed.accessToken,
      }).finally(() => (settled = true));
      while (!settled) {
        const waits = await server.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%seats%'`,
        );
        if (waits.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await deletion;
      expect((await left).status).toBe(200);
      const [row] = await server.db.query<{ seats: { name?: string; left?: boolean }[] }>(
        'SELECT seats FROM matches WHERE id = $1',
        [match.matchId],
      );
      expect(row?.seats.map((seat) => seat.name)).toEqual(['Deleted player', 'Zed']);
      expect(row?.seats[1]?.left).toBe(true);
      const meta = await call<MatchMetadata>(server.url, 'GET', `/api/matches/${match.matchId}`, {
        token: zed.accessToken,
      });
      expect(meta.body.seats[0]?.name).toBe('Deleted player');
    },
  );

  // Transactions on the embedded store run one at a time: the race needs PostgreSQL's.
  it.runIf(store === 'postgres')(
    "keeps an account's last way to sign in when two providers are unlinked at once",
    async () => {
      const user = await guest(server.url, 'Two providers');
      // An account made by two providers' sign-ins: no password, two identities.
      await server.db.query(
        `INSERT INTO user_identities (provider, subject, user_id) VALUES
           ('one', 'sub-one', $1), ('two', 'sub-two', $1)`,
        [user.user.id],
      );
      const identities = () =>
        server.db.query('SELECT provider FROM user_identities WHERE user_id = $1', [user.user.id]);
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let firstIn = () => {};
      const firstUnlinked = new Promise<void>((resolve) => (firstIn = resolve));
      // The first unlink, as the server makes it, has removed 'one' but not committed yet.
      const first = server.db.transaction(async (query) => {
        await query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [user.user.id]);
        await query(`DELETE FROM user_identities WHERE user_id = $1 AND provider = 'one'`, [
          user.user.id,
        ]);
        firstIn();
        await released;
      });
      await firstUnlinked;
      let settled = false;
      const second = call(server.url, 'DELETE', '/api/account/identities/two', {
        token: user.accessToken,
      }).finally(() => (settled = true));
      // The second either counts at once (no lock) or waits for the first's row lock.
      while (!settled) {
        const waits = await server.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'
             AND query LIKE 'SELECT 1 FROM users WHERE id = $1 FOR UPDATE%'`,
        );
        if (waits.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      release();
      await first;
      expect((await second).status).toBe(409);
      expect(await identities()).toEqual([{ provider: 'two' }]);
    },
  );

  it('serves the dev mailbox page only because no SMTP is configured', async () => {
    const page = await fetch(`${server.url}/dev/mail`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Dev mailbox/);
    const options = await call<{ devMailbox: boolean; signup: string }>(
      server.url,
      'GET',
      '/api/auth/options',
    );
    expect(options.body).toEqual({ devMailbox: true, signup: 'open', providers: [] });
  });
});

describe('mail with SMTP configured', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer('postgres', {
      SMTP_URL: 'smtp://127.0.0.1:1',
      RATE_AUTH_IP_PER_MIN: '1000',
    });
  });
  afterAll(async () => server?.close());

  it('has no dev mailbox and keeps undeliverable mail in the outbox to retry', async () => {
    expect((await fetch(`${server.url}/dev/mail.json`)).status).toBe(404);
    await account(server.url, 'Smtp');
    // The sender tried (connection refused on port 1), noted why, and will try again later.
    let row: { sent_at: Date | null; attempts: number; last_error: string | null } | undefined;
    for (let tries = 0; tries < 200 && !row?.attempts; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [row] = await server.db.query<NonNullable<typeof row>>(
        `SELECT sent_at, attempts, last_error FROM mail_outbox WHERE to_address = 'smtp@example.com'`,
      );
    }
    expect(row?.attempts).toBe(1);
    expect(row?.last_error).toBeTruthy();
    expect(row?.sent_at).toBeNull();
  });
});

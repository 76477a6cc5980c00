import { describe, expect, it } from 'vitest';
import type { PublicSeat } from '@cardtable/sdk';
import { accessRequest, DEFAULT_ACCESS, ratedBlock } from '../src/home/match-access.ts';
import { createRequest, defaultSetup } from '../src/game/table-setup.ts';
import {
  hostMayRemove,
  hostSeatOf,
  lobbySeatState,
  replayLinkUrl,
  replayShareUrl,
  seatsToFill,
  unreadyOthers,
} from '../src/live/lobby-seats.ts';

const seat = (n: number, extra: Partial<PublicSeat> = {}): PublicSeat => ({
  seat: n,
  kind: 'human',
  taken: false,
  connected: false,
  away: false,
  surrendered: false,
  ...extra,
});

describe('match access choices', () => {
  it('sends nothing for the defaults and each choice that differs', () => {
    expect(accessRequest()).toEqual({});
    expect(accessRequest(DEFAULT_ACCESS)).toEqual({});
    expect(accessRequest({ replayPrivacy: 'link', approveJoins: true })).toEqual({
      replayPrivacy: 'link',
      approveJoins: true,
    });
  });

  it('send the public and rated choices only when on', () => {
    expect(accessRequest({ ...DEFAULT_ACCESS, listed: true, rated: true })).toEqual({
      listed: true,
      rated: true,
    });
    expect(accessRequest({ ...DEFAULT_ACCESS, listed: false, rated: false })).toEqual({});
  });

  it('say why a table cannot be rated, as the server would refuse it', () => {
    const fine = { guest: false, standardRules: true, otherPeople: 1 };
    expect(ratedBlock(fine)).toBeNull();
    expect(ratedBlock({ ...fine, guest: true })).toMatch(/account/);
    expect(ratedBlock({ ...fine, standardRules: false })).toMatch(/standard rules/);
    expect(ratedBlock({ ...fine, otherPeople: 0 })).toMatch(/another person/);
  });

  it('reach the Golf create request', () => {
    const access = { replayPrivacy: 'link' as const, approveJoins: true };
    const request = createRequest({ ...defaultSetup(1), access }, 'Ada');
    expect(request.replayPrivacy).toBe('link');
    expect(request.approveJoins).toBe(true);
    expect(createRequest(defaultSetup(1), 'Ada')).not.toHaveProperty('approveJoins');
  });
});

describe('ready checks', () => {
  it('name who the host still waits for: seated, not the host, not ready', () => {
    const seats = [
      seat(0, { taken: true }),
      seat(1, { taken: true, ready: true }),
      seat(2, { taken: true }),
      seat(3),
      seat(4, { kind: 'cpu', taken: true }),
    ];
    expect(unreadyOthers(seats, 0).map((s) => s.seat)).toEqual([2]);
  });
});

describe('lobby seats', () => {
  const seats = [
    seat(0, { taken: true, connected: true }),
    seat(1, { taken: true, pending: true }),
    seat(2, { taken: true }),
    seat(3),
    seat(4, { kind: 'cpu', taken: true }),
  ];

  it('tells each seat apart', () => {
    expect(seats.map(lobbySeatState)).toEqual(['seated', 'pending', 'seated', 'open', 'cpu']);
    expect(seatsToFill(seats)).toBe(2);
  });

  it('lets the host (first human seat) remove only others who hold a seat', () => {
    const host = hostSeatOf(seats);
    expect(host).toBe(0);
    expect(seats.map((s) => hostMayRemove(s, host))).toEqual([false, true, true, false, false]);
    expect(hostSeatOf([seat(0, { kind: 'cpu', taken: true }), seat(1)])).toBe(1);
  });

  it('builds the shared replay link', () => {
    expect(replayLinkUrl('https://x.test', 'm 1', 'a/b')).toBe(
      'https://x.test/replay/m%201?link=a%2Fb',
    );
  });

  it('offers a replay to share only by an address that shows it to others', () => {
    const shared = { replayPrivacy: 'link' as const, replayLink: 'tok' };
    // A players' own replay: its bare address would only refuse whoever it is sent to.
    expect(replayShareUrl('https://x.test', 'm1', { replayPrivacy: 'private' }, undefined)).toBe(
      null,
    );
    expect(replayShareUrl('https://x.test', 'm1', null, undefined)).toBe(null);
    expect(replayShareUrl('https://x.test', 'm1', shared, undefined)).toBe(
      'https://x.test/replay/m1?link=tok',
    );
    // Opened by its link (the metadata is its players'): that link is handed on.
    expect(replayShareUrl('https://x.test', 'm1', null, 'given')).toBe(
      'https://x.test/replay/m1?link=given',
    );
  });
});

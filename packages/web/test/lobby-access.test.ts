import { describe, expect, it } from 'vitest';
import type { PublicSeat } from '@cardtable/sdk';
import { accessRequest, DEFAULT_ACCESS } from '../src/home/match-access.ts';
import { createRequest, defaultSetup } from '../src/game/table-setup.ts';
import {
  hostMayRemove,
  hostSeatOf,
  lobbySeatState,
  replayLinkUrl,
  seatsToFill,
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

  it('reach the Golf create request', () => {
    const access = { replayPrivacy: 'link' as const, approveJoins: true };
    const request = createRequest({ ...defaultSetup(1), access }, 'Ada');
    expect(request.replayPrivacy).toBe('link');
    expect(request.approveJoins).toBe(true);
    expect(createRequest(defaultSetup(1), 'Ada')).not.toHaveProperty('approveJoins');
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
});

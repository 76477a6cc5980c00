import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplayFile } from '@cardtable/engine';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { ReplayPlayer } from '../src/replay/player.ts';
import { TcgDirector } from '../src/tcg/animation/director.ts';
import { demoContentSource } from '../src/tcg/replay/demo-content.ts';
import { buildTcgTimeline, type TcgTimeline } from '../src/tcg/replay/tcg-timeline.ts';
import { playTcg } from './fixtures/tcg-match.ts';

const instant = () => Promise.resolve();

describe('the card game replay timeline', () => {
  let replay: ReplayFile;
  let timeline: TcgTimeline;
  beforeAll(async () => {
    replay = await playTcg('tcg-replay-1');
    const built = buildTcgTimeline(structuredClone(replay), demoContentSource);
    if (!built.ok) throw new Error(built.error.message);
    timeline = built.value;
  }, 60_000);

  it('folds the log with the content shipped with the app, to the same result', () => {
    const last = timeline.events.length;
    expect(last).toBe(replay.events.length);
    expect(timeline.view(last).outcome).toEqual(replay.match.result);
    expect(timeline.view(0).status).not.toBe('over');
  });

  it("shows everything, one seat's cards, or only what a spectator sees", () => {
    const middle = Math.round(timeline.events.length / 2);
    const all = timeline.view(middle);
    expect(Array.isArray(all.players[0]!.zones.hand)).toBe(true);
    expect(Array.isArray(all.players[1]!.zones.hand)).toBe(true);
    const ada = timeline.seenBy({ kind: 'seat', seat: 0 }).view(middle);
    expect(Array.isArray(ada.players[0]!.zones.hand)).toBe(true);
    expect(typeof ada.players[1]!.zones.hand).toBe('number');
    const spectator = timeline.seenBy({ kind: 'spectator' }).view(middle);
    expect(typeof spectator.players[0]!.zones.hand).toBe('number');
    expect(typeof spectator.players[1]!.zones.hand).toBe('number');
  });

  it('refuses what it cannot fold, with a code', () => {
    const wrongGame = { ...replay, match: { ...replay.match, game: 'golf' } };
    const refused = buildTcgTimeline(wrongGame, demoContentSource);
    expect(!refused.ok && refused.error.code).toBe('WRONG_GAME');
    const published = {
      ...replay,
      match: { ...replay.match, options: { ...(replay.match.options as object), ruleset: 'x' } },
    };
    const unknown = buildTcgTimeline(published, demoContentSource);
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_CONTENT');
  });

  it('plays through the shared replay player with the card game director', async () => {
    const director = new TcgDirector({
      timing: () => ({ reducedMotion: false, speed: 1 }),
      name: (seat) => `Seat ${seat}`,
      me: () => null,
      wait: instant,
    });
    const player = new ReplayPlayer<TcgEvent, TcgView>(timeline, director, instant);
    player.seek(10);
    expect(director.getSnapshot().view).toEqual(timeline.view(10));
    player.next();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(player.getSnapshot().position).toBe(11);
    expect(director.getSnapshot().view).toEqual(timeline.view(11));
    player.end();
    expect(director.getSnapshot().view?.outcome).toEqual(replay.match.result);
  });
});

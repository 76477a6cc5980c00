import { describe, expect, it } from 'vitest';
import { foldEvents } from '@cardtable/engine';
import { golf, isHidden } from '@cardtable/golf';
import { Director } from '../src/animation/director.ts';
import { describeEvent } from '../src/animation/plan.ts';
import { ReplayPlayer } from '../src/replay/player.ts';
import { buildTimeline, lastPosition, viewAt } from '../src/replay/timeline.ts';
import { playGolf } from './fixtures/golf-match.ts';

const finished = playGolf('timeline-1', 3);

describe('buildTimeline', () => {
  const built = buildTimeline(structuredClone(finished.replay));
  if (!built.ok) throw new Error(built.error.message);
  const timeline = built.value;

  it('folds to the same final state as the engine', () => {
    expect(timeline.states).toHaveLength(finished.replay.events.length + 1);
    expect(timeline.states.at(-1)).toEqual(
      foldEvents(golf, finished.config, finished.replay.events),
    );
    expect(timeline.states.at(-1)).toEqual(finished.match.state);
  });

  it('ends on the final standings with every card shown', () => {
    const end = viewAt(timeline, lastPosition(timeline));
    expect(end.phase).toEqual({ kind: 'gameOver', outcome: finished.outcome });
    const dealt = viewAt(timeline, 1);
    expect(dealt.players.flatMap((p) => p.hand).some((slot) => slot.faceUp)).toBe(false);
    expect(dealt.players.flatMap((p) => p.hand).some((slot) => isHidden(slot.card))).toBe(false);
  });

  it('refuses what it cannot replay, with a code', () => {
    const code = (raw: unknown) => {
      const result = buildTimeline(raw);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(code({ hello: 'world' })).toBe('NOT_A_REPLAY');
    expect(code({ ...finished.replay, formatVersion: 99 })).toBe('UNSUPPORTED_VERSION');
    expect(code({ ...finished.replay, match: { ...finished.replay.match, game: 'chess' } })).toBe(
      'WRONG_GAME',
    );
    expect(code(playGolf('timeline-2', 2, {}, 5).replay)).toBe('NOT_FINISHED');
    expect(
      code({ ...finished.replay, match: { ...finished.replay.match, options: { decks: 9 } } }),
    ).toBe('BAD_OPTIONS');
    const corrupt = structuredClone(finished.replay);
    corrupt.events[3] = { ...corrupt.events[3]!, data: null };
    expect(code(corrupt)).toBe('CORRUPT_LOG');
  });
});

describe('ReplayPlayer', () => {
  const built = buildTimeline(finished.replay);
  if (!built.ok) throw new Error(built.error.message);
  const timeline = built.value;
  const instant = () => Promise.resolve();
  const make = () => {
    const director = new Director({
      timing: () => ({ reducedMotion: true, speed: 4 }),
      name: String,
      tallyMs: 0,
      wait: instant,
    });
    return { director, player: new ReplayPlayer(timeline, director, instant) };
  };

  it('jumps to any position and shows the folded state there', () => {
    const { director, player } = make();
    player.seek(10);
    expect(director.getSnapshot().view).toEqual(viewAt(timeline, 10));
    expect(director.getSnapshot().caption).toBe(describeEvent(timeline.events[9]!, String));
    player.prev();
    expect(player.getSnapshot().position).toBe(9);
    player.end();
    expect(player.getSnapshot().position).toBe(lastPosition(timeline));
    player.seek(-5);
    expect(player.getSnapshot().position).toBe(0);
  });

  it('plays to the end and stops there', async () => {
    const { director, player } = make();
    player.play();
    await new Promise<void>((resolve) => {
      const stop = player.subscribe(() => {
        if (!player.getSnapshot().playing) {
          stop();
          resolve();
        }
      });
    });
    expect(player.getSnapshot().position).toBe(lastPosition(timeline));
    expect(director.getSnapshot().view).toEqual(viewAt(timeline, lastPosition(timeline)));
  });
});

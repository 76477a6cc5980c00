import { describe, expect, it } from 'vitest';
import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { TcgDirector } from '../src/tcg/animation/director.ts';
import { planTcgStep } from '../src/tcg/animation/plan.ts';
import { golfBeat } from '../src/sound/golf-beats.ts';
import { BEATS, SOUNDS, soundLength } from '../src/sound/beats.ts';

const name = (seat: number) => ['Ada', 'Bo'][seat] ?? `Seat ${seat}`;
const normal = { reducedMotion: false, speed: 1 };

/** A view with one unit on Bo's board and one card in Ada's hand. */
const view = {
  cards: {
    h1: { handle: 'h1', defId: 'demo/fire-imp' },
    u1: { handle: 'u1', defId: 'demo/fire-imp' },
  },
  faces: { 'demo/fire-imp': { id: 'demo/fire-imp', name: 'Fire Imp' } },
  glossary: { keywords: {}, resource: 'mana', life: 'life' },
  players: [],
} as unknown as TcgView;

const played: TcgEvent = {
  type: 'cardPlayed',
  data: {
    player: 0,
    card: 'h1',
    handle: 'b9',
    defId: 'demo/fire-imp',
    to: 'board',
    index: 0,
    spell: false,
    targets: {},
  },
};

describe('the card game animation plan', () => {
  it('flies a drawn card from the deck to the hand, face down for the other player', () => {
    const drawn: TcgEvent = {
      type: 'cardDrawn',
      data: { player: 1, card: null, handle: null, defId: null },
    };
    const plan = planTcgStep(drawn, view, view, normal, name, 0);
    expect(plan.flights).toEqual([{ from: 'deck-1', to: 'hand-1', defId: null, delayMs: 0 }]);
    expect(plan.moveMs).toBeGreaterThan(0);
    expect(plan.beat).toBe('draw');
    // The caption is the game log's sentence for the step, for this viewer (seat 0).
    expect(plan.caption).toBe('Bo draws a card.');
    const mine = planTcgStep(
      { type: 'cardDrawn', data: { player: 0, card: null, handle: null, defId: 'demo/fire-imp' } },
      view,
      view,
      normal,
      name,
      0,
    );
    expect(mine.caption).toBe('You draw Fire Imp.');
  });

  it('flies a played card from its place in the hand, which is left empty meanwhile', () => {
    const plan = planTcgStep(played, view, view, normal, name, 0);
    expect(plan.flights[0]).toMatchObject({ from: 'h1', to: 'board-0', defId: 'demo/fire-imp' });
    expect(plan.vacate).toEqual(['h1']);
    expect(plan.beat).toBe('play');
  });

  it('lunges an attacker at its target, then marks and shakes what is hit', () => {
    const attack: TcgEvent = { type: 'attackDeclared', data: { attacker: 'u1', target: 'hero:0' } };
    const lunge = planTcgStep(attack, view, view, normal, name, 0);
    expect(lunge.lunge).toEqual({ attacker: 'u1', target: 'hero:0' });
    expect(lunge.beat).toBe('attack');
    const damage: TcgEvent = {
      type: 'damageDealt',
      data: { source: 'u1', target: 'hero:0', amount: 3, combat: true },
    };
    const hit = planTcgStep(damage, view, view, normal, name, 0);
    expect(hit.marks).toEqual({ 'hero:0': { text: '-3', kind: 'hit' } });
    expect(hit.beat).toBe('damage');
    expect(hit.settleMs).toBeGreaterThan(0);
  });

  it('scales with the speed; reduced motion moves nothing but keeps the pauses', () => {
    const normalPlan = planTcgStep(played, view, view, normal, name, 0);
    const fast = planTcgStep(played, view, view, { reducedMotion: false, speed: 2 }, name, 0);
    expect(fast.moveMs).toBe(Math.round(normalPlan.moveMs / 2));
    const still = planTcgStep(played, view, view, { reducedMotion: true, speed: 1 }, name, 0);
    expect(still.flights).toEqual([]);
    expect(still.moveMs).toBe(0);
    expect(still.settleMs).toBe(normalPlan.settleMs);
  });

  it('sounds a turn start for the player whose turn it is, and the end as a win or a loss', () => {
    const turn: TcgEvent = { type: 'turnStarted', data: { player: 1, turn: 2 } };
    expect(planTcgStep(turn, view, view, normal, name, 1).beat).toBe('turn');
    expect(planTcgStep(turn, view, view, normal, name, 0).beat).toBeNull();
    const ended: TcgEvent = {
      type: 'gameEnded',
      data: { outcome: { winners: [1], tie: false, standings: [] } },
    };
    expect(planTcgStep(ended, view, view, normal, name, 1).beat).toBe('win');
    expect(planTcgStep(ended, view, view, normal, name, 0).beat).toBe('lose');
  });
});

describe('the card game director', () => {
  it('plays the flight over the old view, then shows the new one with its marks', async () => {
    const waits: { ms: number; resolve(): void }[] = [];
    const beats: string[] = [];
    const director = new TcgDirector({
      timing: () => normal,
      name,
      me: () => 0,
      onBeat: (beat) => beats.push(beat),
      wait: (ms) => new Promise<void>((resolve) => waits.push({ ms, resolve })),
    });
    const next = { ...view, seq: 2 } as TcgView;
    director.reset(view, { version: 1, step: 0 });
    const done = director.play(played, { version: 2, step: 1 }, next);
    expect(beats).toEqual(['play']);
    expect(director.getSnapshot()).toMatchObject({ view, busy: true });
    expect(director.getSnapshot().shown?.moving).toBe(true);
    waits.shift()!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(director.getSnapshot()).toMatchObject({ view: next, version: 2, step: 1 });
    expect(director.getSnapshot().shown?.moving).toBe(false);
    waits.shift()!.resolve();
    await done;
    expect(director.getSnapshot().busy).toBe(false);
  });

  it('drops a step still playing when reset', async () => {
    const waits: (() => void)[] = [];
    const director = new TcgDirector({
      timing: () => normal,
      name,
      me: () => null,
      wait: () => new Promise<void>((resolve) => waits.push(resolve)),
    });
    director.reset(view, { version: 1, step: 0 });
    const done = director.play(played, { version: 2, step: 1 }, { ...view, seq: 9 } as TcgView);
    director.reset(view, { version: 5, step: 0 });
    waits.shift()!();
    await done;
    expect(director.getSnapshot()).toMatchObject({ view, version: 5, busy: false });
  });
});

describe('sounds', () => {
  it('every beat has a short sound', () => {
    for (const beat of BEATS) {
      expect(SOUNDS[beat].length).toBeGreaterThan(0);
      expect(soundLength(beat)).toBeLessThanOrEqual(1000);
    }
  });

  it("Golf's steps sound for the viewer: their own turn, and the end as a win or a loss", () => {
    const turnTo = (to: number) =>
      ({ type: 'turnPassed', data: { from: 0, to } }) as Parameters<typeof golfBeat>[0];
    expect(golfBeat(turnTo(1), 1)).toBe('turn');
    expect(golfBeat(turnTo(1), 0)).toBeNull();
    const end = {
      type: 'gameEnded',
      data: { outcome: { winners: [2], tie: false, standings: [] } },
    } as Parameters<typeof golfBeat>[0];
    expect(golfBeat(end, 2)).toBe('win');
    expect(golfBeat(end, 0)).toBe('lose');
    expect(golfBeat(end, null)).toBe('win');
  });
});

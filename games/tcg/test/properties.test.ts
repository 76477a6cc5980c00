import {
  EVERYTHING,
  foldEvents,
  projectResolution,
  ReplayLog,
  seatViewer,
  stateHash,
  verifyReplay,
  type ReplayFile,
  type Viewer,
} from '@cardtable/engine';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TcgGame } from '../src/index.ts';
import type { TcgState } from '../src/engine/state.ts';
import { canSee } from '../src/engine/view.ts';
import {
  demoGame,
  hollowmereGame,
  lanternfallGame,
  orchardGame,
  hourglassGame,
  playRandomly,
  saltroadGame,
  spiritboundGame,
  titheGame,
} from './helpers.ts';

/** Each set, and the seeds of its (slow: every event for three viewers) leak test. */
const sets: [string, () => Promise<TcgGame> | TcgGame, string[]][] = [
  ['demo', demoGame, ['leak-1', 'leak-2', 'leak-3']],
  ['spiritbound (battler)', spiritboundGame, ['leak-1']],
  ["lanternfall (a creator's game)", lanternfallGame, ['leak-1']],
  ["hollowmere (a creator's game with activated abilities)", hollowmereGame, ['leak-1']],
  // Its cards go from the top of a hidden deck to a public road: what moves must show only then.
  ["saltroad (a creator's race, deck cards onto a public zone)", saltroadGame, ['leak-1']],
  // Hexes reveal an opponent's hand to one player only, and make the other discard: who sees what.
  ["orchard (a creator's duel of hand disruption, reveals to one side)", orchardGame, ['leak-1']],
  // Cards go into hidden decks at random from public zones and leave decks for public ones.
  ["hourglass (a creator's mill duel on a responses stack)", hourglassGame, ['leak-1']],
  // Coin moves between players' pools and a resource win rule can end a match mid-turn.
  ["tithe (a creator's coin-stealing duel with a hoard to win)", titheGame, ['leak-1']],
];

describe.each(sets)('%s', (_name, makeGame, leakSeeds) => {
  let game: TcgGame;
  beforeAll(async () => {
    game = await makeGame();
  });

  describe('random legal play', () => {
    it('always ends, never throws, and every legal action is accepted', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 8 }), (seed) => {
          const { match } = playRandomly(game, seed);
          const outcome = game.outcome(match.state);
          expect(outcome).not.toBeNull();
          expect(game.legalActions(match.state, 0)).toEqual([]);
        }),
        { numRuns: 12 },
      );
    });
  });

  /** Every card handle a viewer may not know about, in a state. */
  const hiddenHandles = (state: TcgState, viewer: Viewer) =>
    Object.values(state.cards)
      .filter((card) => !canSee(game.contentOf(state), viewer, card.zone, card.controller))
      .map((card) => card.handle);

  describe('hidden information', () => {
    it('no view or projected event names a card the viewer cannot see, nor an opponent draw', () => {
      const viewers: Viewer[] = [seatViewer(0), seatViewer(1), { kind: 'spectator' }];
      for (const seed of leakSeeds) {
        playRandomly(game, seed, ({ before, resolution }) => {
          for (const viewer of viewers) {
            const steps = projectResolution(game, before, resolution, viewer);
            steps.forEach((step, i) => {
              const after = resolution.statesAfter[i]!;
              const secret = new Set([
                ...hiddenHandles(before, viewer),
                ...hiddenHandles(after, viewer),
              ]);
              const text = JSON.stringify({ data: step.data, diff: step.stateDiff });
              for (const handle of secret)
                expect(text.includes(handle), `${step.type} leaks ${handle}`).toBe(false);
              if (
                step.type === 'cardDrawn' &&
                (viewer.kind !== 'seat' || viewer.seat !== (step.data as { player: number }).player)
              )
                expect((step.data as { defId: string | null }).defId).toBeNull();
            });
            const view = JSON.stringify(game.view(resolution.statesAfter.at(-1)!, viewer));
            for (const handle of hiddenHandles(resolution.statesAfter.at(-1)!, viewer))
              expect(view.includes(handle)).toBe(false);
            expect(view.includes('defaultPicks')).toBe(false);
          }
        });
      }
    });

    it('a view does not change when the cards hidden from its viewer are swapped', () => {
      playRandomly(game, 'swap', ({ resolution }) => {
        const state = resolution.statesAfter.at(-1)!;
        for (const seat of [0, 1]) {
          const viewer = seatViewer(seat);
          const hidden = hiddenHandles(state, viewer);
          if (hidden.length < 2) continue;
          const swapped = structuredClone(state);
          const ids = hidden.map((h) => swapped.cards[h]!.defId);
          hidden.forEach((h, i) => (swapped.cards[h]!.defId = ids[(i + 1) % ids.length]!));
          expect(game.view(swapped, viewer)).toEqual(game.view(state, viewer));
        }
      });
    });
  });

  describe('determinism', () => {
    it('folding the log rebuilds the live state, and re-executing the actions gives byte-identical events', () => {
      for (const seed of ['replay-1', 'replay-2']) {
        const log = new ReplayLog();
        const { match, resolutions } = playRandomly(game, seed);
        for (const resolution of resolutions) log.append(resolution);
        expect(stateHash(foldEvents(game, match.config, log.events))).toBe(stateHash(match.state));
        const replay: ReplayFile = {
          format: 'cardtable-replay',
          formatVersion: 1,
          match: {
            matchId: seed,
            game: game.name,
            rulesetVersion: game.version,
            engineVersion: '1.0.0',
            options: match.config.options,
            seats: match.config.seats,
            status: 'over',
            result: game.outcome(match.state),
            seed,
            finalStateHash: stateHash(match.state),
          },
          events: log.events,
          actions: log.actions,
        };
        const report = verifyReplay(game, replay);
        expect(report.ok, report.ok ? '' : report.message).toBe(true);
        const tampered = structuredClone(replay);
        // Any changed fact is caught: the first turn's number is as good as a damage amount.
        const turn = tampered.events.find((e) => e.type === 'turnStarted')!;
        (turn.data as { turn: number }).turn += 1;
        expect(verifyReplay(game, tampered).ok).toBe(false);
      }
    });

    it('the same seed and actions give the same events', () => {
      const a = playRandomly(game, 'same');
      const b = playRandomly(game, 'same');
      expect(JSON.stringify(a.resolutions.map((r) => r.steps))).toBe(
        JSON.stringify(b.resolutions.map((r) => r.steps)),
      );
      expect(game.view(a.match.state, EVERYTHING)).toEqual(game.view(b.match.state, EVERYTHING));
    });
  });
});

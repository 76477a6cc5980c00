/**
 * The e2e tests' hidden-information oracle must itself catch leaks: here it judges projections
 * made in-process by the kernel, proper ones and deliberately unprojected ones.
 */
import {
  applyAction,
  projectResolution,
  ReplayLog,
  seatViewer,
  SPECTATOR,
  EVERYTHING,
  startMatch,
  type MatchState,
} from '@cardtable/engine';
import { golf, type GolfState } from '@cardtable/golf';
import { describe, expect, it } from 'vitest';
import type { ReplayFileBody } from '../src/protocol.ts';
import { GolfTruth } from './support/golf-secrets.ts';

const options = golf.parseOptions({ rounds: 1 }, 2);
if (!options.ok) throw new Error(options.error.message);
const config = {
  options: options.value,
  seats: [{ kind: 'human' as const }, { kind: 'human' as const }],
  seed: 'oracle-seed-123',
};

/** Plays the first legal action until seat 0 holds a card drawn from the deck. */
function playUntilSeatZeroHoldsADeckCard() {
  const log = new ReplayLog();
  const started = startMatch(golf, config);
  log.append(started.resolution);
  let match: MatchState<GolfState> = started.match;
  let last = started.resolution;
  let before = started.match.state;
  for (let n = 0; n < 50; n++) {
    const { phase } = match.state;
    if (phase.kind === 'turn' && phase.seat === 0 && phase.step.kind === 'holding') break;
    const seat = golf.activeSeats(match.state)[0] as number;
    const legal = golf.legalActions(match.state, seat);
    const action = legal.find((a) => a.type === 'drawDeck') ?? legal[0];
    if (!action) throw new Error('no legal action');
    const applied = applyAction(golf, match, seat, action, `a${n}`);
    if (!applied.ok) throw new Error(applied.error.message);
    before = match.state;
    match = applied.value.match;
    last = applied.value.resolution;
    log.append(last);
  }
  const replay = {
    format: 'cardtable-replay',
    formatVersion: 1,
    match: {
      matchId: 'm1',
      game: 'golf',
      rulesetVersion: golf.version,
      engineVersion: '1.0.0',
      options: config.options,
      seats: config.seats,
      status: 'active',
      result: null,
      seed: config.seed,
    },
    events: log.events,
    actions: log.actions,
  } as ReplayFileBody;
  return { match, last, before, truth: new GolfTruth(replay) };
}

describe('GolfTruth (the hidden-information oracle)', () => {
  const { match, last, before, truth } = playUntilSeatZeroHoldsADeckCard();
  const position = truth.endOf(match.version);

  it('finds nothing in proper projections, for players and spectators', () => {
    for (const viewer of [seatViewer(0), seatViewer(1), SPECTATOR]) {
      expect(truth.leaks(golf.view(match.state, viewer), viewer, position)).toEqual([]);
      const steps = projectResolution(golf, before, last, viewer);
      for (const step of steps) {
        expect(truth.leaks(step, viewer, { version: step.version, step: step.step })).toEqual([]);
      }
    }
  });

  it('flags face-down cards, the deck order and another seat’s drawn card in an unprojected view', () => {
    const unprojected = golf.view(match.state, EVERYTHING);
    expect(truth.leaks(unprojected, seatViewer(0), position).join('\n')).toMatch(/is secret here/);
    const heldBySeatZero = { phase: unprojected.phase };
    expect(truth.leaks(heldBySeatZero, seatViewer(0), position)).toEqual([]);
    expect(truth.leaks(heldBySeatZero, seatViewer(1), position)).toHaveLength(1);
    expect(truth.leaks(heldBySeatZero, SPECTATOR, position)).toHaveLength(1);
    expect(truth.leaks({ deck: match.state.deck.slice(0, 2) }, SPECTATOR, position)).toHaveLength(
      2,
    );
  });

  it('flags a hidden card that carries more than its back, a relabelled card and the seed', () => {
    const faceDown = match.state.players[1]?.hand.find((slot) => !slot.faceUp)?.card;
    const faceUp = match.state.discard.at(-1);
    if (!faceDown || !faceUp) throw new Error('fixture: expected a face-down and a discard card');
    const viewer = seatViewer(0);
    expect(truth.leaks({ hidden: true, deck: 0, id: faceDown.id }, viewer, position)).toHaveLength(
      1,
    );
    expect(
      truth.leaks({ ...faceUp, rank: faceUp.rank === 'K' ? 'Q' : 'K' }, viewer, position),
    ).toHaveLength(1);
    expect(truth.leaks({ rank: faceDown.rank }, viewer, position)).toHaveLength(1);
    expect(truth.leaks({ note: `seed ${config.seed}` }, viewer, position)).toEqual([
      'the match seed',
    ]);
  });
});

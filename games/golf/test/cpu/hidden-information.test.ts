import {
  applyAction,
  createRng,
  seatViewer,
  startMatch,
  type MatchState,
  type Rng,
} from '@cardtable/engine';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  chooseAction,
  CPU_PROFILE_NAMES,
  DEFAULT_OPTIONS,
  golf,
  golfCpu,
  simulateGame,
  type Card,
  type GolfOptions,
  type GolfState,
  type GolfView,
} from '../../src/index.ts';

/** The state after the first `steps` actions of a CPU game. */
function stateAt(options: GolfOptions, seats: number, seed: string, steps: number): GolfState {
  const setup = { options, seats, profiles: null, seed, audit: false };
  const record = simulateGame(setup, 0);
  let match: MatchState<GolfState, GolfOptions> = startMatch(golf, {
    options,
    seats: record.profiles.map((profile) => ({ kind: 'cpu' as const, profile })),
    seed: `${seed}/0`,
  }).match;
  for (const { seat, action } of record.log.slice(0, steps)) {
    const applied = applyAction(golf, match, seat, action, 'a');
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
  }
  return match.state;
}

/**
 * Shuffles every card `seat` cannot see (face-down slots, the deck, a card another seat drew)
 * among the places such cards lie, keeping each place's card back (deck colour).
 */
function shuffleHidden(state: GolfState, seat: number, rng: Rng): GolfState {
  const next = structuredClone(state);
  const places: { get(): Card; set(card: Card): void }[] = [];
  next.players.forEach((player) =>
    player.hand.forEach((slot) => {
      if (!slot.faceUp) places.push({ get: () => slot.card, set: (card) => (slot.card = card) });
    }),
  );
  next.deck.forEach((_, index) =>
    places.push({ get: () => next.deck[index] as Card, set: (card) => (next.deck[index] = card) }),
  );
  const { phase } = next;
  if (phase.kind === 'turn' && phase.step.kind === 'holding' && phase.step.source === 'deck') {
    const step = phase.step;
    if (phase.seat !== seat)
      places.push({ get: () => step.card, set: (card) => (step.card = card) });
  }
  for (const back of new Set(places.map((place) => place.get().deck))) {
    const group = places.filter((place) => place.get().deck === back);
    const cards = rng.shuffle(group.map((place) => place.get()));
    group.forEach((place, index) => place.set(cards[index] as Card));
  }
  return next;
}

const hiddenRanks = (state: GolfState) =>
  JSON.stringify([
    state.players.map((p) => p.hand.map((slot) => (slot.faceUp ? '' : slot.card.rank))),
    state.deck.map((card) => card.rank),
  ]);

describe('CPU players never read hidden cards', () => {
  it('decide from the view alone (by type)', () => {
    expectTypeOf(golfCpu.choose).parameter(0).toHaveProperty('view').toEqualTypeOf<GolfView>();
  });

  it('decide alike whatever the face-down cards and the deck order really are', () => {
    let changed = 0;
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom(0, 1, 2),
        fc.integer({ min: 0, max: 60 }),
        fc.integer(),
        (seed, seats, decks, initialFlips, steps, shuffleSeed) => {
          const options = {
            ...DEFAULT_OPTIONS,
            rounds: 1,
            decks,
            initialFlips,
          } as GolfOptions;
          const state = stateAt(options, seats, seed, steps);
          const seat = golf.activeSeats(state)[0];
          if (seat === undefined) return;
          const shuffled = shuffleHidden(state, seat, createRng('shuffle', shuffleSeed));
          if (hiddenRanks(shuffled) !== hiddenRanks(state)) changed++;
          const view = golf.view(state, seatViewer(seat));
          expect(golf.view(shuffled, seatViewer(seat))).toEqual(view);
          const legal = golf.legalActions(state, seat);
          for (const profile of CPU_PROFILE_NAMES) {
            const decide = (v: GolfView) =>
              chooseAction({ view: v, legal, seat, profile, rng: createRng('cpu', steps) });
            expect(decide(golf.view(shuffled, seatViewer(seat)))).toEqual(decide(view));
          }
          expect(golf.timeoutAction(shuffled, seat)).toEqual(golf.timeoutAction(state, seat));
        },
      ),
      { numRuns: 100, seed: 7 },
    );
    // The property is only worth something if the shuffles really moved cards about.
    expect(changed).toBeGreaterThan(70);
  });
});

import { fail, type Seat } from '@cardtable/engine';
import { cardOf } from '../../content/content.ts';
import { combinations } from '../combinations.ts';
import type { TcgAction } from '../actions.ts';
import type { Runner } from '../runner.ts';
import { opponentOf, type TcgState } from '../state.ts';
import type { Content } from '../../content/content.ts';
import { drawCard, moveCard } from '../zones.ts';
import { battlerOf, isBasic } from './rules.ts';
import { pluralNoun } from '../../content/words.ts';

/** Reshuffles before a hand with a basic is forced from the deck (never in practice). */
const MAX_MULLIGANS = 50;

const basicsIn = (state: TcgState, content: Content, handles: readonly string[]) =>
  handles.filter((h) => isBasic(content, cardOf(content, state.cards[h]!.defId)));

/**
 * The battler's opening: each player draws the opening hand until it holds a basic creature
 * (each hand without one is shown to both players and shuffled back), the opponent draws
 * `mulliganDraws` for each mulligan more than their own, then both choose their setup.
 */
export function battlerOpening(r: Runner): void {
  const rules = battlerOf(r.content)!;
  const { openingHand } = r.content.ruleset;
  const first = r.state.firstPlayer;
  const mulligans = [0, 0];
  for (const seat of [first, opponentOf(first)]) {
    const size = seat === first ? openingHand.first : openingHand.second;
    for (;;) {
      for (let i = 0; i < size; i++) drawCard(r, seat);
      const hand = r.state.players[seat]!.zones.hand ?? [];
      if (basicsIn(r.state, r.content, hand).length > 0) break;
      if (mulligans[seat]! >= MAX_MULLIGANS) {
        const deck = r.state.players[seat]!.zones.deck ?? [];
        const [basic] = basicsIn(r.state, r.content, deck);
        if (basic) moveCard(r, basic, { player: seat, zone: 'hand' }, -1, 'mulligan');
        break;
      }
      mulligans[seat]! += 1;
      r.emit({
        type: 'mulliganRevealed',
        data: {
          player: seat,
          cards: hand.map((h) => ({ defId: r.state.cards[h]!.defId })),
          count: hand.length,
        },
      });
      for (const handle of [...hand])
        moveCard(r, handle, { player: seat, zone: 'deck' }, 0, 'mulligan');
      const deck = r.state.players[seat]!.zones.deck ?? [];
      r.emit({
        type: 'deckShuffled',
        data: { player: seat, zone: 'deck', count: deck.length, order: r.shuffle(deck) },
      });
    }
  }
  for (const seat of [first, opponentOf(first)]) {
    const extra =
      Math.max(0, mulligans[opponentOf(seat)]! - mulligans[seat]!) * rules.mulliganDraws;
    for (let i = 0; i < extra; i++) drawCard(r, seat);
  }
  r.emit({ type: 'mulliganStarted', data: { seats: [0, 1] } });
}

export function setupProblem(
  state: TcgState,
  content: Content,
  seat: Seat,
  active: string,
  bench: readonly string[],
): string | null {
  const rules = battlerOf(content)!;
  if (!state.mulligan.includes(seat)) return 'You have already set up.';
  const hand = state.players[seat]!.zones.hand ?? [];
  const basics = basicsIn(state, content, hand);
  const all = [active, ...bench];
  if (new Set(all).size !== all.length) return 'Choose each card once.';
  const units = pluralNoun(content.ruleset.vocabulary.unit);
  if (!all.every((h) => basics.includes(h))) return `Set up only basic ${units} from your hand.`;
  if (bench.length > rules.bench) return `Your bench holds ${rules.bench} ${units}.`;
  return null;
}

/**
 * A setup choice is kept (hidden from the other player) until both have chosen; then both
 * sides are revealed at once, the prizes are dealt face down and the first turn begins.
 */
export function chooseSetup(r: Runner, seat: Seat, active: string, bench: string[]) {
  const problem = setupProblem(r.state, r.content, seat, active, bench);
  if (problem) return fail('INVALID_SETUP', problem);
  r.emit({ type: 'setupChosen', data: { player: seat, active, bench } });
  r.emit({ type: 'mulliganDone', data: { player: seat, replaced: 0 } });
  if (r.state.mulligan.length > 0) return null;
  const rules = battlerOf(r.content)!;
  const first = r.state.firstPlayer;
  for (const player of [first, opponentOf(first)]) {
    const choice = r.state.battler!.setup[player]!;
    const placed = [choice.active, ...choice.bench].map((h) =>
      moveCard(r, h, { player, zone: 'board' }, -1, 'setup'),
    );
    r.emit({ type: 'activeSet', data: { player, card: placed[0]!, reason: 'setup' } });
  }
  for (const player of [first, opponentOf(first)])
    for (let i = 0; i < rules.prizes; i++) {
      const top = r.state.players[player]!.zones.deck?.at(-1);
      if (top) moveCard(r, top, { player, zone: rules.prizeZone }, -1, 'prize');
    }
  r.work.push({ kind: 'advance', endTurn: true, step: null });
  return null;
}

/** A default setup (the clock ran out): the first basic in hand, nothing benched. */
export function defaultSetup(state: TcgState, content: Content, seat: Seat) {
  const [active] = basicsIn(state, content, state.players[seat]!.zones.hand ?? []);
  return { active: active ?? '', bench: [] as string[] };
}

/** Every setup a player may choose (capped like other combinations). */
export function setupActions(state: TcgState, content: Content, seat: Seat): TcgAction[] {
  const rules = battlerOf(content)!;
  const basics = basicsIn(state, content, state.players[seat]!.zones.hand ?? []);
  return basics.flatMap((active) => {
    const others = basics.filter((h) => h !== active);
    return combinations(others, 0, Math.min(rules.bench, others.length)).map((bench) => ({
      type: 'setup' as const,
      payload: { active, bench },
    }));
  });
}

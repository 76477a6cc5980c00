import type { DecideContext } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import type { TcgEvent } from './events.ts';
import { Runner } from './runner.ts';
import type { ScriptHost } from './scripts.ts';
import type { TcgState } from './state.ts';
import { runWork } from './work.ts';
import { drawCard } from './zones.ts';
import { battlerOpening } from './battler/setup.ts';

/**
 * The opening resolution: a random first player, both decks shuffled, opening hands, the
 * second player's bonus card, then the mulligan or straight into the first turn.
 */
export function startEvents(
  state: TcgState,
  content: Content,
  decks: readonly string[][],
  ctx: DecideContext,
  scripts: ScriptHost | null,
): TcgEvent[] {
  const r = new Runner(state, content, ctx, scripts);
  const { ruleset } = content;
  const firstPlayer = r.randomIndex(2);
  r.emit({
    type: 'matchStarted',
    data: {
      ruleset: ruleset.id,
      version: ruleset.version,
      hash: content.hash,
      scripts: scripts?.engine ?? null,
      firstPlayer,
      life: ruleset.players.life,
    },
  });
  decks.forEach((deck, player) => {
    const cards = r.shuffle(deck).map((defId) => ({ handle: r.newHandle(), defId }));
    // Handles are drawn before the event so that each is unique in the state it enters.
    r.emit({ type: 'deckBuilt', data: { player, count: cards.length, cards } });
  });
  if (ruleset.mulligan === 'untilBasic') {
    battlerOpening(r);
    return r.events;
  }
  const second = firstPlayer === 0 ? 1 : 0;
  for (let i = 0; i < ruleset.openingHand.first; i++) drawCard(r, firstPlayer);
  for (let i = 0; i < ruleset.openingHand.second; i++) drawCard(r, second);
  if (ruleset.secondPlayerBonus)
    r.emit({
      type: 'cardCreated',
      data: {
        handle: r.newHandle(),
        defId: ruleset.secondPlayerBonus,
        player: second,
        zone: 'hand',
        index: -1,
      },
    });
  if (ruleset.mulligan === 'replaceChosen') {
    r.emit({ type: 'mulliganStarted', data: { seats: [0, 1] } });
    return r.events;
  }
  r.work.push({ kind: 'advance', endTurn: true, step: null });
  runWork(r);
  return r.events;
}

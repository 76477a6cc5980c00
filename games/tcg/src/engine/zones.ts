import type { Seat } from '@cardtable/engine';
import { cardOf } from '../content/content.ts';
import { attachedByUnit } from './attachments.ts';
import { dealDamage } from './damage.ts';
import type { EventData, ZoneRef } from './events.ts';
import type { Runner } from './runner.ts';
import { heroId, type CardInstance } from './state.ts';
import { raise } from './triggers.ts';

const zoneLimit = (r: Runner, zone: string) =>
  r.content.ruleset.zones.find((z) => z.id === zone)?.limit ?? Infinity;

export const zoneSize = (r: Runner, seat: Seat, zone: string) =>
  r.state.players[seat]!.zones[zone]?.length ?? 0;
export const zoneFull = (r: Runner, seat: Seat, zone: string) =>
  zoneSize(r, seat, zone) >= zoneLimit(r, zone);

/**
 * Draws one card: an empty deck deals fatigue damage (or loses, as the ruleset says); a full
 * hand burns the card (it goes to the discard, face up).
 */
export function drawCard(r: Runner, seat: Seat): void {
  const player = r.state.players[seat]!;
  const top = player.zones.deck?.at(-1);
  if (top === undefined) {
    if (r.content.ruleset.turn.draw.emptyDeck === 'lose') {
      r.emit({ type: 'playerLost', data: { player: seat, reason: 'deckOut' } });
      return;
    }
    const amount = player.fatigue + 1;
    r.emit({ type: 'fatigue', data: { player: seat, amount } });
    dealDamage(r, null, heroId(seat), amount, false);
    return;
  }
  const defId = r.state.cards[top]!.defId;
  if (zoneFull(r, seat, 'hand')) {
    moveCard(r, top, { player: seat, zone: 'discard' }, -1, 'burned');
    return;
  }
  const handle = r.newHandle();
  r.emit({ type: 'cardDrawn', data: { player: seat, card: top, handle, defId } });
  raise(r, { on: 'drawn', subject: handle, player: seat });
}

/** Moves a card to a zone with a new handle; energy attached to a unit that leaves goes too. */
export function moveCard(
  r: Runner,
  handle: string,
  to: ZoneRef,
  index: number,
  reason: EventData<'cardMoved'>['reason'],
): string {
  const card = r.state.cards[handle] as CardInstance;
  if (card.zone === 'board') detachAll(r, handle);
  const next = r.newHandle();
  r.emit({
    type: 'cardMoved',
    data: {
      card: handle,
      handle: next,
      defId: card.defId,
      from: { player: card.controller, zone: card.zone },
      to,
      index,
      reason,
    },
  });
  return next;
}

/** Energy attached to a unit leaving the board goes to its owner's discard. */
export function detachAll(r: Runner, unit: string): void {
  for (const energy of (attachedByUnit(r.state.cards).get(unit) ?? [])
    .map((handle) => r.state.cards[handle]!)
    .sort((a, b) => a.playOrder - b.playOrder))
    moveCard(r, energy.handle, { player: energy.owner, zone: 'discard' }, -1, 'detached');
}

/** Where a spell goes once it has resolved (or was countered). */
export function spellDestination(r: Runner, handle: string): ZoneRef {
  const card = r.state.cards[handle]!;
  const type = r.content.ruleset.cardTypes[cardOf(r.content, card.defId).type];
  return { player: card.owner, zone: type?.kind === 'spell' ? type.thenTo : 'discard' };
}

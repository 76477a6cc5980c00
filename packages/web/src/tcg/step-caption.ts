import type { Seat } from '@cardtable/engine';
import { abilityNames, logLine, type TcgEvent, type TcgView } from '@cardtable/tcg/ui';

/**
 * What an animated step shows: its caption, the game log's sentence for it (`logLine`, one
 * definition of what each step says; empty for steps the log passes over), and a mark on the
 * object it happened to.
 */
export function describeStep(
  event: TcgEvent,
  view: TcgView,
  name: (seat: number) => string,
  me: Seat | null,
): { caption: string; marks: Record<string, string> } {
  const cardName = (handle: string | null) =>
    handle && view.cards[handle]
      ? (view.faces[view.cards[handle].defId]?.name ?? 'a card')
      : 'a card';
  const caption =
    logLine(event, {
      me,
      seat: name,
      life: view.glossary.life,
      card: (defId) => (defId && view.faces[defId]?.name) || 'a card',
      object: cardName,
      ability: abilityNames(view),
    }) ?? '';
  return { caption, marks: marksOf(event) };
}

/** The marks a step leaves on the objects it happened to: played, attacking, -3, +2. */
function marksOf(event: TcgEvent): Record<string, string> {
  switch (event.type) {
    case 'cardPlayed':
    case 'cardCreated':
      return { [event.data.handle]: 'played' };
    case 'attackDeclared':
      return { [event.data.attacker]: 'attacking', [event.data.target]: 'targeted' };
    case 'damageDealt':
      return { [event.data.target]: `-${event.data.amount}` };
    case 'healed':
      return { [event.data.target]: `+${event.data.amount}` };
    case 'shieldBroken':
      return { [event.data.target]: 'shield' };
    default:
      return {};
  }
}

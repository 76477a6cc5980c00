import type { TcgEvent, TcgView } from '@cardtable/tcg/ui';

/** What an animated step shows: a caption, and a mark on the object it happened to. */
export function describeStep(
  event: TcgEvent,
  view: TcgView,
  name: (seat: number) => string,
): { caption: string; marks: Record<string, string> } {
  const cardName = (handle: string | null) =>
    handle && view.cards[handle]
      ? (view.faces[view.cards[handle].defId]?.name ?? 'a card')
      : 'a card';
  const objectName = (id: string) =>
    id.startsWith('hero:') ? name(Number(id.slice(5))) : cardName(id);
  switch (event.type) {
    case 'cardPlayed':
      return {
        caption: `${name(event.data.player)} plays ${view.faces[event.data.defId]?.name ?? 'a card'}`,
        marks: { [event.data.handle]: 'played' },
      };
    case 'cardDrawn':
      return { caption: `${name(event.data.player)} draws a card`, marks: {} };
    case 'attackDeclared':
      return {
        caption: `${objectName(event.data.attacker)} attacks ${objectName(event.data.target)}`,
        marks: { [event.data.attacker]: 'attacking', [event.data.target]: 'targeted' },
      };
    case 'damageDealt':
      return {
        caption: `${objectName(event.data.target)} takes ${event.data.amount} damage`,
        marks: { [event.data.target]: `-${event.data.amount}` },
      };
    case 'healed':
      return {
        caption: `${objectName(event.data.target)} is healed for ${event.data.amount}`,
        marks: { [event.data.target]: `+${event.data.amount}` },
      };
    case 'shieldBroken':
      return {
        caption: `${objectName(event.data.target)}'s shield breaks`,
        marks: { [event.data.target]: 'shield' },
      };
    case 'unitDied':
      return { caption: `${view.faces[event.data.defId]?.name ?? 'A unit'} dies`, marks: {} };
    case 'cardCreated':
      return {
        caption: `${view.faces[event.data.defId]?.name ?? 'A card'} appears`,
        marks: { [event.data.handle]: 'played' },
      };
    case 'stackItemAdded':
      return { caption: 'On the stack: the other player may respond', marks: {} };
    case 'stackItemRemoved':
      return {
        caption:
          event.data.result === 'resolved'
            ? 'It resolves'
            : event.data.result === 'countered'
              ? 'Countered!'
              : 'It fizzles',
        marks: {},
      };
    case 'cardRevealed':
      return {
        caption: `Revealed: ${(event.data.cards ?? []).map((c) => view.faces[c.defId]?.name ?? c.defId).join(', ') || `${event.data.count} card(s)`}`,
        marks: {},
      };
    case 'turnStarted':
      return { caption: `${name(event.data.player)}'s turn ${event.data.turn}`, marks: {} };
    case 'gameEnded':
      return { caption: 'The game is over', marks: {} };
    default:
      return { caption: '', marks: {} };
  }
}

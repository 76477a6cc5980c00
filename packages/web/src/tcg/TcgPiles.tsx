import type { Seat } from '@cardtable/engine';
import type { TcgView } from '@cardtable/tcg/ui';
import { tcgAnchor } from './animation/anchors.ts';
import { CardArt } from './CardFaceView.tsx';
import { counted } from '../ui/counted.ts';

const sizeOf = (entry: string[] | number | undefined) =>
  Array.isArray(entry) ? entry.length : (entry ?? 0);

/** A seat's deck (its back and count) and discard pile (its top card and count). */
export function TcgPiles({
  view,
  seat,
  who,
  art,
}: {
  view: TcgView;
  seat: Seat;
  who: string;
  /** Image URLs of the cards that have one, by card id. */
  art: Readonly<Record<string, string>>;
}) {
  const zones = view.players[seat]!.zones;
  const deck = sizeOf(zones.deck);
  const discard = Array.isArray(zones.discard) ? zones.discard : [];
  const top = discard.length ? view.cards[discard[discard.length - 1]!] : undefined;
  const topFace = top ? view.faces[top.defId] : undefined;
  return (
    <div className="tcg-piles">
      <div
        className="tcg-pile tcg-deck"
        data-anchor={tcgAnchor.deck(seat)}
        data-testid={`tcg-deck-${who}`}
        aria-label={`Deck: ${counted(deck, 'card')}`}
        role="img"
      >
        {deck > 0 ? <span className="tcg-card-back" /> : <span className="tcg-pile-empty" />}
        <span className="tcg-pile-count">{deck}</span>
      </div>
      <div
        className="tcg-pile tcg-discard"
        data-anchor={tcgAnchor.discard(seat)}
        data-testid={`tcg-discard-${who}`}
        aria-label={`Discard pile: ${counted(discard.length, 'card')}${topFace ? `, ${topFace.name} on top` : ''}`}
        role="img"
      >
        {topFace ? (
          <CardArt face={topFace} image={art[topFace.id]} crop />
        ) : (
          <span className="tcg-pile-empty" />
        )}
        <span className="tcg-pile-count">{discard.length}</span>
      </div>
    </div>
  );
}

/** A hand this viewer may not see: one back per card, in a row that overlaps rather than scrolls. */
export function HiddenHand({ count, seat, who }: { count: number; seat: Seat; who: string }) {
  return (
    <div
      className="tcg-hidden-hand"
      data-anchor={tcgAnchor.hand(seat)}
      data-testid={`tcg-hand-${who}`}
      role="img"
      aria-label={`Hand: ${counted(count, 'card')}`}
    >
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="tcg-card-back" />
      ))}
    </div>
  );
}

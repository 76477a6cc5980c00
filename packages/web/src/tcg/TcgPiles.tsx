import type { Seat } from '@cardtable/engine';
import type { CardFace, TcgView } from '@cardtable/tcg/ui';
import { tcgAnchor } from './animation/anchors.ts';
import { CardArt } from './CardFaceView.tsx';
import { counted } from '../ui/counted.ts';

const sizeOf = (entry: string[] | number | undefined) =>
  Array.isArray(entry) ? entry.length : (entry ?? 0);

/** The zones the table draws elsewhere: the rest are the ruleset's own, each a pile here. */
const DRAWN_ELSEWHERE = new Set(['deck', 'hand', 'board', 'discard']);

/**
 * The zones a ruleset declares beyond the four every ruleset has (an exile, a reliquary...),
 * in the view's order, without a battler's prize and stadium zones (drawn by the battler table).
 */
export function extraZones(view: TcgView, seat: Seat): string[] {
  const battler = view.battler?.rules;
  const elsewhere = new Set([...DRAWN_ELSEWHERE, battler?.prizeZone, battler?.stadiumZone]);
  return Object.keys(view.players[seat]!.zones).filter((zone) => !elsewhere.has(zone));
}

const zoneLabel = (zone: string) => zone.charAt(0).toUpperCase() + zone.slice(1);

/**
 * A seat's deck, discard pile and a pile for each zone of the ruleset's own: each with its name
 * (a new player could not tell the deck from the discard pile), its top card when the viewer may
 * see it, and its count.
 */
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
  const pile = (zone: string) => {
    const entry = view.players[seat]!.zones[zone];
    const count = sizeOf(entry);
    const top = Array.isArray(entry) && count ? view.cards[entry[count - 1]!] : undefined;
    return { count, topFace: top ? view.faces[top.defId] : undefined, art };
  };
  return (
    <div className="tcg-piles">
      <Pile
        name="Deck"
        className="tcg-deck"
        anchor={tcgAnchor.deck(seat)}
        testId={`tcg-deck-${who}`}
        {...pile('deck')}
      />
      <Pile
        name="Discard"
        className="tcg-discard"
        anchor={tcgAnchor.discard(seat)}
        testId={`tcg-discard-${who}`}
        {...pile('discard')}
      />
      {extraZones(view, seat).map((zone) => (
        <Pile
          key={zone}
          name={zoneLabel(zone)}
          className="tcg-zone-pile"
          testId={`tcg-zone-${zone}-${who}`}
          {...pile(zone)}
        />
      ))}
    </div>
  );
}

function Pile({
  name,
  className,
  anchor,
  testId,
  count,
  topFace,
  art,
}: {
  name: string;
  className: string;
  /** Where cards fly to and from (`tcgAnchor`). */
  anchor?: string;
  testId: string;
  count: number;
  topFace: CardFace | undefined;
  art: Readonly<Record<string, string>>;
}) {
  // The name is the pile's caption, beside it rather than inside it: across the pile's middle on
  // a laptop, under it on a phone, where a pile is narrower than "Discard" (it read "Disc…").
  // The pile's own label says it to screen readers.
  return (
    <div className="tcg-pile-slot">
      <div
        className={`tcg-pile ${className}`}
        data-anchor={anchor}
        data-testid={testId}
        aria-label={`${name}: ${counted(count, 'card')}${topFace ? `, ${topFace.name} on top` : ''}`}
        title={name}
        role="img"
      >
        {topFace ? (
          <CardArt face={topFace} image={art[topFace.id]} crop />
        ) : count > 0 ? (
          <span className="tcg-card-back" />
        ) : (
          <span className="tcg-pile-empty" />
        )}
        <span className="tcg-pile-count">{count}</span>
      </div>
      <span className="tcg-pile-name" aria-hidden="true">
        {name}
      </span>
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

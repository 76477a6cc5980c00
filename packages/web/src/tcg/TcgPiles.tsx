import type { Seat } from '@cardtable/engine';
import type { TcgView } from '@cardtable/tcg/ui';
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
 * A seat's deck (its back and count), discard pile (its top card and count), and a pile for each
 * zone of the ruleset's own (its name, its top card when the viewer may see it, its count).
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
      {extraZones(view, seat).map((zone) => (
        <ZonePile key={zone} view={view} zone={zone} seat={seat} who={who} art={art} />
      ))}
    </div>
  );
}

function ZonePile({
  view,
  zone,
  seat,
  who,
  art,
}: {
  view: TcgView;
  zone: string;
  seat: Seat;
  who: string;
  art: Readonly<Record<string, string>>;
}) {
  const entry = view.players[seat]!.zones[zone];
  const count = sizeOf(entry);
  const top = Array.isArray(entry) && count ? view.cards[entry[count - 1]!] : undefined;
  const topFace = top ? view.faces[top.defId] : undefined;
  const label = zoneLabel(zone);
  return (
    <div
      className="tcg-pile tcg-zone-pile"
      data-testid={`tcg-zone-${zone}-${who}`}
      aria-label={`${label}: ${counted(count, 'card')}${topFace ? `, ${topFace.name} on top` : ''}`}
      title={label}
      role="img"
    >
      {topFace ? (
        <CardArt face={topFace} image={art[topFace.id]} crop />
      ) : count > 0 ? (
        <span className="tcg-card-back" />
      ) : (
        <span className="tcg-pile-empty" />
      )}
      <span className="tcg-pile-name">{label}</span>
      <span className="tcg-pile-count">{count}</span>
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

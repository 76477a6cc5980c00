import type { Seat } from '@cardtable/engine';
import type { SeenCard } from '@cardtable/golf';
import { PlayingCard } from '../cards/PlayingCard.tsx';
import { seenCardName } from '../cards/describe.ts';

/**
 * Where a seat's drawn card waits beside its grid. The viewer's own place stays laid out while
 * empty (the grid does not jump when a card is drawn) and says what it is for: a bare dashed box
 * beside six cards read as a seventh, missing card.
 */
export function HeldCard({
  seat,
  card,
  vacated,
  owner,
  isMe,
}: {
  seat: Seat;
  card: SeenCard | null;
  vacated: boolean;
  owner: string;
  isMe: boolean;
}) {
  const visible = card !== null && !vacated;
  return (
    <div
      className={`held${visible ? '' : ' held-empty'}`}
      data-anchor={`held-${seat}`}
      data-testid={`held-${seat}`}
      role={visible ? 'img' : undefined}
      aria-label={visible ? `${owner} drawn card: ${seenCardName(card, true)}` : undefined}
    >
      {visible ? (
        <PlayingCard card={card} faceUp />
      ) : isMe ? (
        <span className="held-caption" aria-hidden="true">
          Your drawn card goes here
        </span>
      ) : null}
    </div>
  );
}

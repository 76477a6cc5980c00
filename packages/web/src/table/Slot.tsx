import { useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type { ViewSlot } from '@cardtable/golf';
import { PlayingCard } from '../cards/PlayingCard.tsx';
import { seenCardName } from '../cards/describe.ts';

interface SlotProps {
  seat: Seat;
  index: number;
  slot: ViewSlot | null;
  peek: boolean;
  /** Empty while its card is in the air. */
  vacated: boolean;
  /** Set when clicking this slot does something; the label says what. */
  action: { label: string; onActivate(): void } | null;
  selected?: boolean;
  /** A short badge (the score effect of a swap), shown on hover and focus. */
  badge?: string | null;
  onPreview?: (index: number | null) => void;
  ownerLabel: string;
  /**
   * The player's own slots stay buttons between turns (disabled while nothing is legal), so
   * keyboard focus stays where it was while the table moves on.
   */
  focusable?: boolean;
}

/** One of the six places of a hand: a button for its owner, a picture for everyone else. */
export function Slot(props: SlotProps) {
  const { seat, index, slot, peek, vacated, action, selected, badge, onPreview, ownerLabel } =
    props;
  const focusable = props.focusable ?? false;
  // Turning face up animates once, on the change: each flip remounts the card under a new key.
  const faceUp = slot?.faceUp ?? false;
  const [seenFaceUp, setSeenFaceUp] = useState(faceUp);
  const [flips, setFlips] = useState(0);
  if (faceUp !== seenFaceUp) {
    setSeenFaceUp(faceUp);
    if (faceUp) setFlips(flips + 1);
  }

  const description = `${ownerLabel} card ${index + 1}: ${slot ? seenCardName(slot.card, slot.faceUp) : 'empty'}`;
  const className = [
    'slot',
    flips > 0 ? 'slot-flipped' : '',
    action ? 'slot-active' : '',
    selected ? 'slot-selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const content =
    slot && !vacated ? (
      <PlayingCard key={flips} card={slot.card} faceUp={slot.faceUp} peek={peek} />
    ) : null;
  const common = {
    className,
    'data-anchor': `slot-${seat}-${index}`,
    'data-testid': `slot-${seat}-${index}`,
    'data-face': slot ? (slot.faceUp ? 'up' : 'down') : 'empty',
  };

  if (!action && !focusable) {
    return (
      <div {...common} role="img" aria-label={description}>
        {content}
      </div>
    );
  }
  return (
    <button
      {...common}
      type="button"
      aria-label={action ? `${description}. ${action.label}` : description}
      aria-disabled={action ? undefined : true}
      aria-pressed={selected === undefined || !action ? undefined : selected}
      onClick={action?.onActivate}
      onMouseEnter={() => onPreview?.(index)}
      onMouseLeave={() => onPreview?.(null)}
      onFocus={() => onPreview?.(index)}
      onBlur={() => onPreview?.(null)}
    >
      {content}
      {badge && action ? (
        <span className="slot-badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </button>
  );
}

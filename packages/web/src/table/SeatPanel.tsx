import type { ReactNode } from 'react';
import type { GolfView, PlayerView } from '@cardtable/golf';
import { visibleScore } from '../game/score-preview.ts';
import { HeldCard } from './HeldCard.tsx';
import { Slot } from './Slot.tsx';

export interface SlotControl {
  label: string;
  onActivate(): void;
}

interface SeatPanelProps {
  view: GolfView;
  player: PlayerView;
  name: string;
  isMe: boolean;
  peek: boolean;
  vacated: ReadonlySet<string>;
  slotControls?: (SlotControl | null)[];
  selectedSlots?: readonly number[];
  badges?: (string | null)[];
  onPreview?: (slot: number | null) => void;
  /** The viewer's own seat: its slots stay focusable buttons. */
  focusable?: boolean;
  /** Shown by the seat's name for a moment (a quick emote). */
  bubble?: ReactNode;
}

/** One seat: who, their running score, the card in their hand, and their 2x3 grid. */
export function SeatPanel(props: SeatPanelProps) {
  const { view, player, name, isMe, peek, vacated, slotControls, selectedSlots, badges } = props;
  const seat = player.seat;
  const phase = view.phase;
  const isTurn =
    (phase.kind === 'turn' && phase.seat === seat) ||
    (phase.kind === 'initialFlip' && phase.pending.includes(seat));
  const held =
    phase.kind === 'turn' && phase.seat === seat && phase.step.kind === 'holding'
      ? phase.step.card
      : null;
  const owner = isMe ? 'Your' : `${name}'s`;
  const tags = [
    view.dealer === seat && view.round > 0 ? 'dealer' : null,
    view.finisher === seat ? 'went out' : null,
  ].filter((tag): tag is string => tag !== null);

  return (
    <section
      className={`seat${isMe ? ' seat-me' : ''}${isTurn ? ' seat-turn' : ''}`}
      data-testid={`seat-${seat}`}
      data-turn={isTurn ? 'yes' : 'no'}
      aria-label={`${isMe ? 'You' : name}${isTurn ? ', playing now' : ''}`}
    >
      <header className="seat-header">
        <span className="seat-name">
          {isTurn ? <span className="turn-dot" aria-hidden="true" /> : null}
          <span className="seat-name-text" title={isMe ? undefined : name}>
            {isMe ? `${name} (you)` : name}
          </span>
        </span>
        {tags.length > 0 ? (
          <span className="seat-tags">
            {tags.map((tag) => (
              <span className="seat-tag" key={tag}>
                {tag}
              </span>
            ))}
          </span>
        ) : null}
        {props.bubble}
        <span className="seat-score" data-testid={`score-${seat}`}>
          <span title="Total over the holes played">{player.total}</span>
          <span className="seat-showing" title="What the face-up cards score now">
            showing {visibleScore(player.hand, view.options)}
          </span>
        </span>
      </header>
      <div className="seat-body">
        <div className="hand" role="group" aria-label={`${owner} cards`}>
          {[0, 1, 2, 3, 4, 5].map((index) => (
            <Slot
              key={index}
              seat={seat}
              index={index}
              slot={player.hand[index] ?? null}
              peek={peek}
              vacated={vacated.has(`slot-${seat}-${index}`)}
              action={slotControls?.[index] ?? null}
              selected={selectedSlots ? selectedSlots.includes(index) : undefined}
              badge={badges?.[index] ?? null}
              onPreview={props.onPreview}
              ownerLabel={owner}
              focusable={props.focusable}
            />
          ))}
        </div>
        <HeldCard
          seat={seat}
          card={held}
          vacated={vacated.has(`held-${seat}`)}
          owner={owner}
          isMe={isMe}
        />
      </div>
    </section>
  );
}

import type { CardFace } from '@cardtable/tcg/ui';
import { CardFaceView, type Glossary, type UnitStats } from '../CardFaceView.tsx';

export interface ZoomedCardProps {
  face: CardFace;
  stats?: UnitStats | undefined;
  image?: string | undefined;
  glossary: Glossary;
  /** The side of the screen it sits on (away from the card it shows). */
  side: 'left' | 'right';
  /** Pinned by a long press or the zoom key: it stays, with a Close button. */
  pinned: boolean;
  onClose(): void;
}

/** A card shown large enough to read: its full rules text and each keyword explained. */
export function ZoomedCard({
  face,
  stats,
  image,
  glossary,
  side,
  pinned,
  onClose,
}: ZoomedCardProps) {
  return (
    <aside
      className={`tcg-zoom tcg-zoom-${side}`}
      data-testid="tcg-zoom"
      data-pinned={pinned}
      aria-label={`${face.name}, enlarged`}
      aria-live="polite"
    >
      <CardFaceView face={face} stats={stats} image={image} glossary={glossary} size="full" />
      {pinned ? (
        <button
          type="button"
          className="tcg-zoom-close"
          onClick={onClose}
          data-testid="tcg-zoom-close"
        >
          Close
        </button>
      ) : (
        <span className="tcg-zoom-hint">Focus a card and press Z to keep it open</span>
      )}
    </aside>
  );
}

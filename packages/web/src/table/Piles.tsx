import type { GolfView } from '@cardtable/golf';
import { CardBack, PlayingCard } from '../cards/PlayingCard.tsx';
import { cardName } from '../cards/describe.ts';

interface PileControl {
  label: string;
  onActivate(): void;
}

interface PilesProps {
  view: GolfView;
  /** A player's piles stay buttons between turns, so keyboard focus is not lost. */
  focusable: boolean;
  vacated: ReadonlySet<string>;
  deck: PileControl | null;
  discard: PileControl | null;
}

/** The deck (backs only: its order is never known) and the face-up discard pile. */
export function Piles({ view, focusable, vacated, deck, discard }: PilesProps) {
  const top = vacated.has('discard') ? null : view.discardTop;
  const deckLabel = `Deck, ${view.deckCount} cards`;
  const discardLabel = top ? `Discard pile, ${cardName(top)} on top` : 'Discard pile, empty';
  const deckFace =
    view.deckTopBack === null ? (
      <div className="pile-empty" />
    ) : (
      <CardBack deck={view.deckTopBack} />
    );
  const discardFace = top ? <PlayingCard card={top} faceUp /> : <div className="pile-empty" />;
  return (
    <div className="piles">
      <Pile id="deck" label={deckLabel} control={deck} focusable={focusable} count={view.deckCount}>
        {deckFace}
      </Pile>
      <Pile
        id="discard"
        label={discardLabel}
        control={discard}
        focusable={focusable}
        count={view.discardCount}
      >
        {discardFace}
      </Pile>
    </div>
  );
}

function Pile(props: {
  id: 'deck' | 'discard';
  label: string;
  control: PileControl | null;
  focusable: boolean;
  count: number;
  children: React.ReactNode;
}) {
  const { id, label, control, focusable, count, children } = props;
  const common = {
    className: `pile${control ? ' pile-active' : ''}`,
    'data-anchor': id,
    'data-testid': id,
  };
  return (
    <figure className="pile-figure">
      {control || focusable ? (
        <button
          {...common}
          type="button"
          aria-label={control ? `${label}. ${control.label}` : label}
          aria-disabled={control ? undefined : true}
          onClick={control?.onActivate}
        >
          {children}
        </button>
      ) : (
        <div {...common} role="img" aria-label={label}>
          {children}
        </div>
      )}
      <figcaption>
        {id === 'deck' ? 'Deck' : 'Discard'} · {count}
      </figcaption>
    </figure>
  );
}

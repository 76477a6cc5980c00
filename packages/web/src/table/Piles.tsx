import type { GolfView } from '@cardtable/golf';
import { CardBack, PlayingCard } from '../cards/PlayingCard.tsx';
import { cardName } from '../cards/describe.ts';

interface PileControl {
  label: string;
  onActivate(): void;
}

interface PilesProps {
  view: GolfView;
  vacated: ReadonlySet<string>;
  deck: PileControl | null;
  discard: PileControl | null;
}

/** The deck (backs only: its order is never known) and the face-up discard pile. */
export function Piles({ view, vacated, deck, discard }: PilesProps) {
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
      <Pile id="deck" label={deckLabel} control={deck} count={view.deckCount}>
        {deckFace}
      </Pile>
      <Pile id="discard" label={discardLabel} control={discard} count={view.discardCount}>
        {discardFace}
      </Pile>
    </div>
  );
}

function Pile(props: {
  id: 'deck' | 'discard';
  label: string;
  control: PileControl | null;
  count: number;
  children: React.ReactNode;
}) {
  const { id, label, control, count, children } = props;
  const common = {
    className: `pile${control ? ' pile-active' : ''}`,
    'data-anchor': id,
    'data-testid': id,
  };
  return (
    <figure className="pile-figure">
      {control ? (
        <button
          {...common}
          type="button"
          aria-label={`${label}. ${control.label}`}
          onClick={control.onActivate}
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

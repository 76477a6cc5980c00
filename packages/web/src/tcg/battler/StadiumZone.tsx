import type { GlossaryEntry, TcgView } from '@cardtable/tcg/ui';
import { CardFaceView } from '../CardFaceView.tsx';
import { stadiumInPlay } from './battler-view.ts';

/** The shared stadium zone: the stadium in play, or that there is none. */
export function StadiumZone({
  view,
  art,
  glossary,
}: {
  view: TcgView;
  art: Readonly<Record<string, string>>;
  glossary: Record<string, GlossaryEntry>;
}) {
  if (!view.battler?.rules.stadiumZone) return null;
  const stadium = stadiumInPlay(view);
  const card = stadium ? view.cards[stadium] : undefined;
  return (
    <div className="battler-stadium" data-testid="battler-stadium" aria-label="Stadium">
      <span className="battler-zone-label">Stadium</span>
      {card ? (
        <CardFaceView face={view.faces[card.defId]!} glossary={glossary} image={art[card.defId]} />
      ) : (
        <span className="battler-empty">none in play</span>
      )}
    </div>
  );
}

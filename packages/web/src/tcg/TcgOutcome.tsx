import type { Outcome, Seat } from '@cardtable/engine';
import { outcomeSentence } from '@cardtable/tcg/ui';

/** A card game's result in words, for whoever looks: the live game-over panel and the replay. */
export function TcgOutcome({
  outcome,
  me,
  name,
  life,
}: {
  outcome: Outcome;
  me: Seat | null;
  name: (seat: Seat) => string;
  /** The ruleset's word for a hero's life (`view.glossary.life`), when the view is known. */
  life?: string;
}) {
  return (
    <p className="headline" data-testid="tcg-outcome">
      {outcomeSentence(outcome, { me, seat: name, ...(life ? { life } : {}) })}
    </p>
  );
}

import type { Seat } from '@cardtable/engine';
import type { RoundResult } from '@cardtable/golf';
import { adjustmentsText, columnSum } from '../game/tally-words.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** The round-end reveal's score tally: columns, adjustments, round score and new total. */
export function RoundTally(props: {
  result: RoundResult;
  /** The seat that knocked this hole, if one did. */
  knocked: Seat | null;
  name: (seat: Seat) => string;
  /** The viewer's seat (null when watching): said "You", and "(you)" at its row, as elsewhere. */
  me: Seat | null;
  onContinue(): void;
}) {
  const { result, knocked, name, me, onContinue } = props;
  const reason =
    result.reason === 'deckExhausted'
      ? 'The deck ran out.'
      : result.finisher === null
        ? ''
        : `${result.finisher === me ? 'You' : name(result.finisher)} ${result.finisher === knocked ? 'knocked' : 'went out'}.`;
  return (
    <Dialog title={`Hole ${result.round} tally`} testId="round-tally" onClose={onContinue}>
      {reason ? <p>{reason}</p> : null}
      <div className="scroll-x">
        <table className="tally">
          <thead>
            <tr>
              <th scope="col">Player</th>
              <th scope="col">Columns</th>
              {/* A soft hyphen: a phone breaks the word there, not at its last letters. */}
              <th scope="col">{'Adjust\u00adments'}</th>
              <th scope="col">Hole</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {result.scores.map((score) => (
              <tr key={score.seat} className={score.wonHole ? 'won-hole' : undefined}>
                <th scope="row">
                  {score.seat === me ? `${name(score.seat)} (you)` : name(score.seat)}
                  {score.wonHole ? <span className="seat-tag">won the hole</span> : null}
                </th>
                <td>{columnSum(score.columns)}</td>
                <td>{adjustmentsText(score.adjustments)}</td>
                <td data-testid={`tally-round-${score.seat}`}>{score.roundScore}</td>
                <td data-testid={`tally-total-${score.seat}`}>{score.totalAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="primary"
        onClick={onContinue}
        autoFocus
        data-testid="tally-continue"
      >
        Continue
      </button>
    </Dialog>
  );
}

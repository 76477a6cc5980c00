import { useEffect, useId } from 'react';
import type { MatchAccess } from './match-access.ts';

const REPLAY_CHOICES: { privacy: MatchAccess['replayPrivacy']; label: string; hint?: string }[] = [
  { privacy: 'private', label: 'Replays: only the players' },
  {
    privacy: 'link',
    label: 'Replays: anyone with the link',
    hint: 'The players get a link to share after the end.',
  },
];

/**
 * The host's access choices: a public (listed) or private table, rated or casual, approving who
 * joins, and who may watch the replay. `ratedBlock` says why rated is off (null: it may be on).
 */
export function MatchAccessFields({
  value,
  onChange,
  ratedBlock,
}: {
  value: MatchAccess;
  onChange(access: MatchAccess): void;
  ratedBlock: string | null;
}) {
  const id = useId();
  const privacy = (replayPrivacy: MatchAccess['replayPrivacy']) =>
    onChange({ ...value, replayPrivacy });
  // A change elsewhere in the form (a house rule, a CPU seat) that rules rated out turns it off.
  const blockedWhileRated = ratedBlock !== null && value.rated === true;
  useEffect(() => {
    if (blockedWhileRated) onChange({ ...value, rated: false });
  }, [blockedWhileRated, onChange, value]);
  return (
    <fieldset data-testid="match-access">
      <legend>Who may join and watch</legend>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.listed ?? false}
          onChange={(event) => onChange({ ...value, listed: event.target.checked })}
          data-testid="listed"
        />
        <span>
          <strong>Public table</strong>{' '}
          <span className="muted">
            Listed in the open tables for anyone to join; everyone marks ready before the start.
            Otherwise private: friends join with the invite code.
          </span>
        </span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.rated ?? false}
          disabled={ratedBlock !== null}
          aria-describedby={ratedBlock ? `${id}-rated-why` : undefined}
          onChange={(event) => onChange({ ...value, rated: event.target.checked })}
          data-testid="rated"
        />
        <span>
          <strong>Rated</strong>{' '}
          <span className="muted">Counts for ratings and the leaderboard.</span>
          {ratedBlock ? (
            <>
              {' '}
              <span id={`${id}-rated-why`} className="muted" data-testid="rated-why">
                {ratedBlock}
              </span>
            </>
          ) : null}
        </span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={value.approveJoins}
          onChange={(event) => onChange({ ...value, approveJoins: event.target.checked })}
          data-testid="approve-joins"
        />
        <span>
          <strong>Approve who joins</strong>{' '}
          <span className="muted">Players joining by code wait until you let them in.</span>
        </span>
      </label>
      {REPLAY_CHOICES.map(({ privacy: choice, label, hint }) => (
        <label className="choice" key={choice}>
          <input
            type="radio"
            name={`${id}-replay`}
            checked={value.replayPrivacy === choice}
            onChange={() => privacy(choice)}
            data-testid={`replay-${choice}`}
          />
          <span>
            <strong>{label}</strong>
            {hint ? (
              <>
                {' '}
                <span className="muted">{hint}</span>
              </>
            ) : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

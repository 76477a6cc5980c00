import { useId } from 'react';
import type { MatchAccess } from './match-access.ts';

/** The host's two access choices: who may watch the replay, and approving who joins. */
export function MatchAccessFields({
  value,
  onChange,
}: {
  value: MatchAccess;
  onChange(access: MatchAccess): void;
}) {
  const id = useId();
  const privacy = (replayPrivacy: MatchAccess['replayPrivacy']) =>
    onChange({ ...value, replayPrivacy });
  return (
    <fieldset data-testid="match-access">
      <legend>Who may join and watch</legend>
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
      <label className="choice">
        <input
          type="radio"
          name={`${id}-replay`}
          checked={value.replayPrivacy === 'private'}
          onChange={() => privacy('private')}
          data-testid="replay-private"
        />
        <span>
          <strong>Replays: only the players</strong>
        </span>
      </label>
      <label className="choice">
        <input
          type="radio"
          name={`${id}-replay`}
          checked={value.replayPrivacy === 'link'}
          onChange={() => privacy('link')}
          data-testid="replay-link"
        />
        <span>
          <strong>Replays: anyone with the link</strong>{' '}
          <span className="muted">The players get a link to share after the end.</span>
        </span>
      </label>
    </fieldset>
  );
}

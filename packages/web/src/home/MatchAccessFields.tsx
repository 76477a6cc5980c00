import { useId } from 'react';
import type { MatchAccess } from './match-access.ts';

const REPLAY_CHOICES: { privacy: MatchAccess['replayPrivacy']; label: string; hint?: string }[] = [
  { privacy: 'private', label: 'Replays: only the players' },
  {
    privacy: 'link',
    label: 'Replays: anyone with the link',
    hint: 'The players get a link to share after the end.',
  },
];

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

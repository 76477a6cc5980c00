import { TURN_TIMER_CHOICES } from '../game/table-setup.ts';

/** The turn timer of a new match: off, or seconds per turn (the server's turn clock). */
export function TurnTimerField({
  value,
  onChange,
  testId,
}: {
  value: number | null;
  onChange(seconds: number | null): void;
  testId?: string;
}) {
  return (
    <label className="field">
      <span>Turn timer</span>
      <select
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? null : Number(event.target.value))
        }
        data-testid={testId}
      >
        {TURN_TIMER_CHOICES.map((seconds) => (
          <option key={seconds ?? 'off'} value={seconds ?? ''}>
            {seconds === null ? 'Off' : `${seconds} seconds`}
          </option>
        ))}
      </select>
    </label>
  );
}

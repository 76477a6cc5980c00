import { ANIMATION_SPEEDS, settings, type AnimationSpeed } from './settings.ts';
import { useSettings } from './useSettings.ts';

const SPEED_LABELS: Record<AnimationSpeed, string> = {
  slow: 'Slow',
  normal: 'Normal',
  fast: 'Fast',
  instant: 'Instant',
};

/** The top bar's sound toggle and animation speed, shared by every table and the replays. */
export function TableSettings() {
  const { muted, speed } = useSettings();
  return (
    <span className="table-settings">
      <button
        type="button"
        className="sound-toggle"
        aria-pressed={muted}
        aria-label={muted ? 'Sound off (turn on)' : 'Sound on (turn off)'}
        title={muted ? 'Sound off' : 'Sound on'}
        data-testid="sound-toggle"
        onClick={() => settings.update({ muted: !muted })}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
          {muted ? (
            <path d="M15 9l6 6M21 9l-6 6" stroke="currentColor" strokeWidth="2" />
          ) : (
            <path
              d="M15 8.5a5 5 0 0 1 0 7M17.5 6a8.5 8.5 0 0 1 0 12"
              stroke="currentColor"
              strokeWidth="2"
              fill="none"
            />
          )}
        </svg>
      </button>
      <label className="speed-setting">
        <span className="visually-hidden">Animation speed</span>
        <select
          value={speed}
          data-testid="animation-speed"
          onChange={(event) => settings.update({ speed: event.target.value as AnimationSpeed })}
        >
          {ANIMATION_SPEEDS.map((value) => (
            <option key={value} value={value}>
              {SPEED_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}

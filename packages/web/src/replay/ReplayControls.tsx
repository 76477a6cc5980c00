import { useEffect } from 'react';
import { Icon } from '../ui/Icon.tsx';
import { SPEEDS, type PlayerState, type ReplayPlayer } from './player.ts';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.matches('input:not([type=range]), textarea, select') || target.isContentEditable);

/** Start, previous, play/pause, next, end, a scrubber and speeds; arrows, space, Home, End. */
export function ReplayControls({
  player,
  state,
}: {
  player: ReplayPlayer<unknown, unknown>;
  state: PlayerState;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTextField(event.target)) return;
      const onButton = event.target instanceof HTMLButtonElement;
      const onScrubber = event.target instanceof HTMLInputElement;
      const keys: Record<string, () => void> = {
        ArrowLeft: player.prev,
        ArrowRight: player.next,
        Home: player.start,
        End: player.end,
        ' ': player.toggle,
      };
      const handler = keys[event.key];
      // A focused button presses itself on space; the scrubber moves itself on arrows.
      if (!handler || (event.key === ' ' && onButton) || (onScrubber && event.key !== ' ')) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);

  return (
    <div className="replay-controls" role="group" aria-label="Replay controls">
      <div className="replay-buttons">
        <button
          type="button"
          onClick={player.start}
          aria-label="Go to start"
          data-testid="replay-start"
        >
          <Icon name="start" />
        </button>
        <button
          type="button"
          onClick={player.prev}
          aria-label="Previous step"
          data-testid="replay-prev"
        >
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="primary"
          onClick={player.toggle}
          aria-label={state.playing ? 'Pause' : 'Play'}
          data-testid="replay-play"
          data-playing={state.playing ? 'yes' : 'no'}
        >
          <Icon name={state.playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={player.next}
          aria-label="Next step"
          data-testid="replay-next"
        >
          <Icon name="next" />
        </button>
        <button type="button" onClick={player.end} aria-label="Go to end" data-testid="replay-end">
          <Icon name="end" />
        </button>
        <label className="field speed">
          <span>Speed</span>
          <select
            value={state.speed}
            onChange={(event) => player.setSpeed(Number(event.target.value))}
            data-testid="replay-speed"
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}x
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="scrubber">
        <span className="visually-hidden">Position in the match</span>
        <input
          type="range"
          min={0}
          max={player.last}
          value={state.position}
          onChange={(event) => player.seek(Number(event.target.value))}
          data-testid="replay-scrubber"
          aria-valuetext={`Step ${state.position} of ${player.last}`}
        />
        <span className="replay-position" data-testid="replay-position">
          {state.position} / {player.last}
        </span>
      </label>
    </div>
  );
}

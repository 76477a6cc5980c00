import { useLayoutEffect, useRef, type ReactNode } from 'react';

const FLIGHT_EASING = 'cubic-bezier(0.3, 0.7, 0.3, 1)';

/** Where a flight goes: `data-anchor` values of the elements it starts over and lands on. */
export interface FlightPath {
  from: string;
  to: string;
  delayMs: number;
}

export interface FlightLayerProps<F> {
  /** Changes with each step, so the same flights played twice fly twice. */
  id: number;
  flights: readonly F[];
  durationMs: number;
  path(flight: F): FlightPath;
  /** The card in the air. */
  render(flight: F): ReactNode;
}

/**
 * Cards in the air, for every table: each starts over its source anchor and moves onto its
 * target anchor with the Web Animations API. The director owns the timing; this only draws the
 * movement. A flight whose anchor is not on screen is not drawn.
 */
export function FlightLayer<F>({ id, flights, durationMs, path, render }: FlightLayerProps<F>) {
  const layer = useRef<HTMLDivElement>(null);
  const paths = useRef(path);
  paths.current = path;

  useLayoutEffect(() => {
    const root = layer.current;
    if (!root) return;
    const animations: Animation[] = [];
    root.querySelectorAll<HTMLElement>('[data-flight]').forEach((element, index) => {
      const flight = flights[index];
      if (flight === undefined) return;
      const { from: source, to: target, delayMs } = paths.current(flight);
      const from = rectOf(source);
      const to = rectOf(target);
      if (!from || !to) {
        element.hidden = true;
        return;
      }
      Object.assign(element.style, {
        left: `${from.left}px`,
        top: `${from.top}px`,
        width: `${from.width}px`,
        height: `${from.height}px`,
      });
      const dx = to.left + to.width / 2 - (from.left + from.width / 2);
      const dy = to.top + to.height / 2 - (from.top + from.height / 2);
      const scale = to.width / from.width;
      animations.push(
        element.animate(
          [
            { transform: 'translate(0, 0) scale(1)' },
            { transform: `translate(${dx}px, ${dy}px) scale(${scale})` },
          ],
          { duration: durationMs, delay: delayMs, easing: FLIGHT_EASING, fill: 'both' },
        ),
      );
    });
    return () => animations.forEach((animation) => animation.cancel());
  }, [id, flights, durationMs]);

  if (flights.length === 0) return null;
  return (
    <div className="flight-layer" ref={layer} aria-hidden="true" key={id}>
      {flights.map((flight, index) => (
        <div className="flight" data-flight key={index}>
          {render(flight)}
        </div>
      ))}
    </div>
  );
}

/** The on-screen box of an anchor (null when it is missing or not laid out). */
export function rectOf(anchor: string): DOMRect | null {
  const element = document.querySelector(`[data-anchor="${CSS.escape(anchor)}"]`);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 ? rect : null;
}

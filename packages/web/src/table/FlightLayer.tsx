import { useLayoutEffect, useRef } from 'react';
import { PlayingCard } from '../cards/PlayingCard.tsx';
import { anchorId, type StepAnimation } from '../animation/plan.ts';

const FLIGHT_EASING = 'cubic-bezier(0.3, 0.7, 0.3, 1)';

/**
 * Cards in the air: each starts over its source anchor and moves onto its target anchor with
 * the Web Animations API. The director owns the timing; this only draws the movement.
 */
export function FlightLayer({
  flying,
  durationMs,
}: {
  flying: { id: number; plan: StepAnimation } | null;
  durationMs: number;
}) {
  const layer = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const root = layer.current;
    if (!root || !flying) return;
    const animations: Animation[] = [];
    root.querySelectorAll<HTMLElement>('[data-flight]').forEach((element, index) => {
      const flight = flying.plan.flights[index];
      if (!flight) return;
      const from = rectOf(anchorId(flight.from));
      const to = rectOf(anchorId(flight.to));
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
          { duration: durationMs, delay: flight.delayMs, easing: FLIGHT_EASING, fill: 'both' },
        ),
      );
    });
    return () => animations.forEach((animation) => animation.cancel());
  }, [flying, durationMs]);

  if (!flying) return null;
  return (
    <div className="flight-layer" ref={layer} aria-hidden="true" key={flying.id}>
      {flying.plan.flights.map((flight, index) => (
        <div className="flight" data-flight key={index}>
          <PlayingCard card={flight.card} faceUp={flight.faceUp} />
        </div>
      ))}
    </div>
  );
}

function rectOf(anchor: string): DOMRect | null {
  const element = document.querySelector(`[data-anchor="${anchor}"]`);
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  return rect.width > 0 ? rect : null;
}

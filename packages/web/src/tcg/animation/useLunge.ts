import { useLayoutEffect } from 'react';
import { rectOf } from '../../animation/FlightLayer.tsx';
import type { TcgStage } from './director.ts';

const LUNGE_EASING = 'cubic-bezier(0.5, 0, 0.5, 1)';

/** An attacker leans most of the way to its target and back while an attack is declared. */
export function useLunge(shown: TcgStage['shown']): void {
  useLayoutEffect(() => {
    const lunge = shown?.moving ? shown.plan.lunge : null;
    if (!shown || !lunge) return;
    const element = document.querySelector<HTMLElement>(
      `[data-anchor="${CSS.escape(lunge.attacker)}"]`,
    );
    const from = rectOf(lunge.attacker);
    const to = rectOf(lunge.target);
    if (!element || !from || !to) return;
    const dx = (to.left + to.width / 2 - (from.left + from.width / 2)) * 0.6;
    const dy = (to.top + to.height / 2 - (from.top + from.height / 2)) * 0.6;
    const animation = element.animate(
      [
        { transform: 'translate(0, 0)' },
        { transform: `translate(${dx}px, ${dy}px) scale(1.05)`, offset: 0.6 },
        { transform: 'translate(0, 0)' },
      ],
      { duration: shown.plan.moveMs, easing: LUNGE_EASING },
    );
    return () => animation.cancel();
  }, [shown]);
}

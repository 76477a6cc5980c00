import { useEffect, useRef } from 'react';

/**
 * At game over the standings are what matters: the element the returned ref is on is brought
 * into view (phones scroll) and the focus moves to its heading, once. The table's control the
 * focus was on is gone with the game (it fell back to the page: a keyboard's next Tab was far
 * from Rematch, a screen reader said nothing); a player typing in the chat keeps the focus.
 */
export function useGameOverFocus(over: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const panel = ref.current;
    if (!over || !panel) return;
    panel.scrollIntoView({ block: 'start' });
    if (document.activeElement?.closest('input, textarea, select')) return;
    panel.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [over]);
  return ref;
}

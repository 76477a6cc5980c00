import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps `--tcg-table-top` on the table at where it starts in the page: below the top bar, a
 * playtest's bar (and what it last said), a notice. tcg.css sizes the table's cards to the
 * window's height less that, so that the whole table fits under whatever is above it. (A fixed
 * guess per page fell short: the playtest bar took two rows at 1024 px, or three once it said a
 * position was saved.) Measured again whenever the page changes size, which anything above the
 * table changing makes it do; applied at the next frame, so that the table's own change of size
 * is not a loop of the observer's.
 */
export function useRoomBelow(table: RefObject<HTMLElement | null>, enabled: boolean): void {
  useLayoutEffect(() => {
    const element = table.current;
    if (!enabled || !element) return;
    let shown = '';
    let frame = 0;
    const top = () => `${Math.round(element.getBoundingClientRect().top + window.scrollY)}px`;
    const apply = (value: string) => {
      shown = value;
      element.style.setProperty('--tcg-table-top', value);
    };
    apply(top());
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const value = top();
        if (value !== shown) apply(value);
      });
    });
    observer.observe(document.body);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      element.style.removeProperty('--tcg-table-top');
    };
  }, [table, enabled]);
}

import { useEffect, useReducer, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import {
  HOVER_DELAY_MS,
  LONG_PRESS_MS,
  NO_ZOOM,
  ZOOM_KEYS,
  zoomReducer,
  type ZoomState,
} from './zoom.ts';

/** The handlers a card gets for zooming: hover, long press, and the zoom key. */
export interface ZoomHandlers {
  onPointerEnter(event: PointerEvent): void;
  onPointerLeave(event: PointerEvent): void;
  onPointerDown(event: PointerEvent): void;
  onPointerUp(): void;
  onPointerCancel(): void;
  onContextMenu(event: { preventDefault(): void }): void;
  onClickCapture(event: { stopPropagation(): void; preventDefault(): void }): void;
  /** True when the key was the zoom's (the card's own key handling then stops). */
  onZoomKey(event: KeyboardEvent): boolean;
}

export interface CardZoom {
  state: ZoomState;
  close(): void;
  handlers(id: string): ZoomHandlers;
}

/** Zoom for the cards of one table: one card at a time, with its timers. */
export function useCardZoom(): CardZoom {
  const [state, dispatch] = useReducer(zoomReducer, NO_ZOOM);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A long press ends with a click the browser still sends: it must not play the card.
  const swallowClick = useRef(false);
  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  useEffect(() => {
    if (state.target === null) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') dispatch({ type: 'close' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.target]);

  return {
    state,
    close: () => dispatch({ type: 'close' }),
    handlers: (id) => ({
      onPointerEnter: (event) => {
        if (event.pointerType !== 'mouse') return;
        clear();
        timer.current = setTimeout(() => dispatch({ type: 'hover', id }), HOVER_DELAY_MS);
      },
      onPointerLeave: (event) => {
        if (event.pointerType !== 'mouse') return;
        clear();
        dispatch({ type: 'leave', id });
      },
      onPointerDown: (event) => {
        if (event.pointerType === 'mouse') return;
        clear();
        swallowClick.current = false;
        timer.current = setTimeout(() => {
          swallowClick.current = true;
          dispatch({ type: 'press', id });
        }, LONG_PRESS_MS);
      },
      onPointerUp: clear,
      onPointerCancel: clear,
      onContextMenu: (event) => {
        if (timer.current !== null || swallowClick.current) event.preventDefault();
      },
      onClickCapture: (event) => {
        if (!swallowClick.current) return;
        swallowClick.current = false;
        event.stopPropagation();
        event.preventDefault();
      },
      onZoomKey: (event) => {
        if (!(ZOOM_KEYS as readonly string[]).includes(event.key)) return false;
        event.preventDefault();
        dispatch({ type: 'key', id });
        return true;
      },
    }),
  };
}

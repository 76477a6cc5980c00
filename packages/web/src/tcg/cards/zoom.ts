/**
 * Which card is shown large, and why. A hover shows it while the pointer stays; a long press
 * (touch) or the zoom key (keyboard) pins it until closed, so it can be read at leisure.
 */
export interface ZoomState {
  target: string | null;
  pinned: boolean;
}

export type ZoomAction =
  | { type: 'hover'; id: string }
  | { type: 'leave'; id: string }
  | { type: 'press'; id: string }
  | { type: 'key'; id: string }
  | { type: 'close' };

export const NO_ZOOM: ZoomState = { target: null, pinned: false };

/** Long enough that a tap is a tap (it plays the card), short enough to feel held. */
export const LONG_PRESS_MS = 450;
/** A pointer passing over cards does not flash each of them. */
export const HOVER_DELAY_MS = 350;

/** The zoom key, pressed on a focused card, toggles it; Escape closes. */
export const ZOOM_KEYS = ['z', 'Z'] as const;

export function zoomReducer(state: ZoomState, action: ZoomAction): ZoomState {
  switch (action.type) {
    case 'hover':
      return state.pinned ? state : { target: action.id, pinned: false };
    case 'leave':
      return !state.pinned && state.target === action.id ? NO_ZOOM : state;
    case 'press':
      return { target: action.id, pinned: true };
    case 'key':
      return state.pinned && state.target === action.id
        ? NO_ZOOM
        : { target: action.id, pinned: true };
    case 'close':
      return NO_ZOOM;
  }
}

/** Which side of the screen the large card goes: away from the card it shows. */
export function zoomSide(cardCentreX: number, screenWidth: number): 'left' | 'right' {
  return cardCentreX > screenWidth / 2 ? 'left' : 'right';
}

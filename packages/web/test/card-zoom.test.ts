import { describe, expect, it } from 'vitest';
import { NO_ZOOM, zoomReducer, zoomSide, type ZoomAction } from '../src/tcg/cards/zoom.ts';

const run = (...actions: ZoomAction[]) => actions.reduce(zoomReducer, NO_ZOOM);

describe('card zoom', () => {
  it('shows a hovered card while the pointer stays', () => {
    expect(run({ type: 'hover', id: 'a' })).toEqual({ target: 'a', pinned: false });
    expect(run({ type: 'hover', id: 'a' }, { type: 'leave', id: 'a' })).toEqual(NO_ZOOM);
    // Moving from one card to the next shows the next, and leaving the first does not close it.
    expect(
      run({ type: 'hover', id: 'a' }, { type: 'hover', id: 'b' }, { type: 'leave', id: 'a' }),
    ).toEqual({ target: 'b', pinned: false });
  });

  it('pins a card on a long press or the zoom key until closed', () => {
    const pressed = run({ type: 'press', id: 'a' });
    expect(pressed).toEqual({ target: 'a', pinned: true });
    // A pinned card stays through hovers and leaves.
    expect(zoomReducer(pressed, { type: 'hover', id: 'b' })).toBe(pressed);
    expect(zoomReducer(pressed, { type: 'leave', id: 'a' })).toBe(pressed);
    expect(zoomReducer(pressed, { type: 'close' })).toEqual(NO_ZOOM);
  });

  it('toggles with the zoom key on the same card, and moves to another', () => {
    const keyed = run({ type: 'key', id: 'a' });
    expect(keyed).toEqual({ target: 'a', pinned: true });
    expect(zoomReducer(keyed, { type: 'key', id: 'a' })).toEqual(NO_ZOOM);
    expect(zoomReducer(keyed, { type: 'key', id: 'b' })).toEqual({ target: 'b', pinned: true });
    // A hovered (unpinned) card is pinned by the key, not closed.
    expect(run({ type: 'hover', id: 'a' }, { type: 'key', id: 'a' })).toEqual(keyed);
  });

  it('puts the large card on the side away from the card', () => {
    expect(zoomSide(1000, 1280)).toBe('left');
    expect(zoomSide(200, 1280)).toBe('right');
  });
});

import { applyAction, EVERYTHING, seatViewer, SPECTATOR, startMatch } from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, golf, isHidden } from '../../src/index.ts';
import { humanSeats } from '../support/seats.ts';

describe('golf view', () => {
  it('shows every face-down card by its back only, with the deck it came from', () => {
    const config = {
      options: { ...DEFAULT_OPTIONS, decks: 3 as const },
      seats: humanSeats(4),
      seed: 'backs',
    };
    const { match } = startMatch(golf, config);
    const decks = new Set<number>();
    for (const viewer of [{ kind: 'seat' as const, seat: 2 }, { kind: 'spectator' as const }]) {
      const view = golf.view(match.state, viewer);
      view.players.forEach((player, seat) =>
        player.hand.forEach((slot, index) => {
          const card = match.state.players[seat]?.hand[index]?.card;
          expect(slot.card).toEqual({ hidden: true, deck: card?.deck });
          expect(isHidden(slot.card)).toBe(true);
          decks.add(card?.deck ?? -1);
        }),
      );
      expect(view.deckTopBack).toBe(match.state.deck.at(-1)?.deck);
      expect(view).not.toHaveProperty('deck');
    }
    expect(decks.size).toBeGreaterThan(1);
  });

  it('shares each unchanged hand view (frozen) between views and viewers, open only for all', () => {
    const config = { options: { ...DEFAULT_OPTIONS }, seats: humanSeats(3), seed: 'shared' };
    const { match } = startMatch(golf, config);
    const flipped = applyAction(
      golf,
      match,
      0,
      { type: 'initialFlip', payload: { slots: [0, 1] } },
      'a',
    );
    if (!flipped.ok) throw new Error(flipped.error.message);
    const next = flipped.value.match.state;
    const [before, after] = [match.state, next].map((state) => golf.view(state, seatViewer(1)));
    expect(after?.players[1]?.hand).toBe(before?.players[1]?.hand);
    expect(after?.players[0]?.hand).not.toBe(before?.players[0]?.hand);
    expect(after?.players[0]?.hand.map((slot) => slot.faceUp)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(golf.view(next, SPECTATOR).players[2]?.hand).toBe(after?.players[2]?.hand);
    const open = golf.view(next, EVERYTHING).players[2]?.hand;
    expect(open?.every((slot) => !isHidden(slot.card))).toBe(true);
    expect(Object.isFrozen(open) && Object.isFrozen(open?.[0])).toBe(true);
  });
});

import { startMatch } from '@cardtable/engine';
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
});

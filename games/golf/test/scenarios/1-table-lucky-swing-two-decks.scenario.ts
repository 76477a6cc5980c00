import type { Scenario } from './format.ts';

export default {
  name: 'Lucky Swing with two decks: one joker in a 105-card shoe',
  rule: '1 Table (luckySwing: exactly one joker whatever the deck count)',
  options: { decks: 2, jokerMode: 'luckySwing' },
  seats: 2,
  seed: 'table-lucky',
  // 105 - 12 dealt - 1 discard
  startEvents: [{ type: 'roundDealt', data: { deckCount: 92 } }],
  actions: [],
} satisfies Scenario;

import type { Scenario } from './format.ts';

export default {
  name: 'standard jokers with one deck: a 54-card shoe',
  rule: '1 Table (standard: 2 jokers per deck)',
  options: { jokerMode: 'standard' },
  seats: 3,
  seed: 'table-standard',
  // 54 - 18 dealt - 1 discard
  startEvents: [{ type: 'roundDealt', data: { deckCount: 35 } }],
  actions: [],
} satisfies Scenario;

import type { Scenario } from './format.ts';

const HIDDEN_HAND = ['??', '??', '??', '??', '??', '??'];

export default {
  name: 'going out by swapping into the last face-down slot; the next hole is dealt at once from a fresh shoe',
  rule: '3.6 Going out; 3.1 a fresh shoe every round; 3.3 the dealer moves; 3.8 totals and holes won',
  seats: 2,
  deal: {
    hands: [
      ['AC', '2C', '3C', '4C', '5C', '6C'],
      ['AD', '2D', '3D', '4D', '5D', '6D'],
    ],
    discardTop: 'QS',
    deck: ['7S', '8S', '9S', '10S', 'JS', 'KS', '7H', '8H', '9H'],
  },
  actions: [
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 0, type: 'initialFlip', payload: { slots: [0, 1] } },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 2 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 3 } },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    { seat: 1, type: 'drawDeck' },
    { seat: 1, type: 'swap', payload: { slot: 4 }, excludes: ['wentOut'] },
    { seat: 0, type: 'drawDeck' },
    { seat: 0, type: 'discard' },
    { seat: 1, type: 'drawDeck' },
    {
      seat: 1,
      type: 'swap',
      payload: { slot: 5 },
      events: [
        { type: 'cardSwapped', data: { seat: 1, slot: 5, card: '7H', replaced: '6D' } },
        { type: 'wentOut', data: { seat: 1 } },
        { type: 'turnPassed', data: { from: 1, to: 0 } },
      ],
      state: { finisher: 1, finalTurnsLeft: [0] },
    },
    { seat: 0, type: 'drawDeck' },
    {
      seat: 0,
      type: 'discard',
      events: [
        { type: 'cardDiscarded', data: { seat: 0, card: '8H' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 2, reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 3, reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 4, reason: 'finalTurn' } },
        { type: 'cardFlipped', data: { seat: 0, slot: 5, reason: 'finalTurn' } },
        { type: 'roundEnded', data: { result: { round: 1, finisher: 1 } } },
        // A fresh, full shoe: 52 - 12 - 1, though the arranged first hole used far fewer cards.
        { type: 'roundDealt', data: { round: 2, dealer: 1, deckCount: 39 } },
      ],
      seenBy: [
        {
          viewer: { kind: 'seat', seat: 0 },
          events: [
            { type: 'cardDiscarded', data: { card: '8H' } },
            { type: 'cardFlipped', data: { card: '3C' } },
            { type: 'cardFlipped', data: { card: '4C' } },
            { type: 'cardFlipped', data: { card: '5C' } },
            { type: 'cardFlipped', data: { card: '6C' } },
            { type: 'roundEnded' },
            {
              type: 'roundDealt',
              data: { round: 2, deck: null, hands: [HIDDEN_HAND, HIDDEN_HAND] },
            },
          ],
          view: {
            round: 2,
            players: [
              { total: 17, holesWon: 1 },
              { total: 18, holesWon: 0 },
            ],
          },
        },
      ],
      // Round 2: dealer seat 1, so seat 0 plays first once the initial flips are in.
      state: {
        round: 2,
        dealer: 1,
        phase: { kind: 'initialFlip', pending: [0, 1] },
        finisher: null,
      },
    },
    { seat: 1, type: 'initialFlip', payload: { slots: [0, 1] } },
    {
      seat: 0,
      type: 'initialFlip',
      payload: { slots: [0, 1] },
      state: { phase: { kind: 'turn', seat: 0, step: { kind: 'awaitingDraw' } } },
    },
  ],
  expect: {
    // [AC 2C 3C / 4C 5C 6C] = 5+3+9; [AD 2D 7S / 9S JS 7H] = 10+8+0 (7-7 pair)
    roundScores: [[17, 18]],
    totals: [17, 18],
    state: { players: [{ holesWon: 1 }, { holesWon: 0 }] },
    outcome: null,
  },
} satisfies Scenario;

import type { AdjustmentKind } from '@cardtable/golf';

export { FLIP_MODE_TEXT, HOUSE_RULE_TEXT, JOKER_MODE_TEXT } from '@cardtable/golf';

export const ADJUSTMENT_LABELS: Record<AdjustmentKind, string> = {
  wolfpack: 'Wolfpack',
  fourOfAKind: 'Four of a kind',
  blackjack: 'Blackjack',
  knockPenalty: 'Knock penalty',
  knockBonus: 'Knock bonus',
  underdogBonus: 'Underdog',
  tiedShame: 'Tied shame',
};

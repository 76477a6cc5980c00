import type { GameSummary } from '@cardtable/sdk';
import { quickPlayLabel } from '../game/table-setup.ts';
import { defaultTcgSetup, TCG_CPU_LEVELS, type TcgSetup } from './tcg-setup.ts';

/**
 * What the home page's big button does for the game chosen below it, and its words, which say
 * that game: Golf at once against three CPUs; a card game at once against the CPU with its
 * default decks (its setup form's defaults); a card game with no deck to deal (no playable
 * version) can only be set up, so the button opens its form rather than start something else.
 */
export type QuickPlay =
  | { kind: 'golf'; label: string }
  | { kind: 'tcg'; label: string; game: GameSummary; setup: TcgSetup }
  | { kind: 'setup'; label: string; game: GameSummary };

/** `chosen` is the chosen game's summary, or undefined for Golf (and before the list loads). */
export function quickPlay(chosen: GameSummary | undefined): QuickPlay {
  if (!chosen || chosen.kind === 'golf') return { kind: 'golf', label: quickPlayLabel() };
  if (chosen.decks.length === 0)
    return { kind: 'setup', label: `Set up a match of ${chosen.name}`, game: chosen };
  const setup = defaultTcgSetup(chosen);
  const { opponent } = setup;
  const cpu =
    TCG_CPU_LEVELS.find((l) => opponent.kind === 'cpu' && l.profile === opponent.profile) ??
    TCG_CPU_LEVELS[0];
  return {
    kind: 'tcg',
    label: `Play ${chosen.name} now against the ${cpu.label.toLowerCase()} CPU`,
    game: chosen,
    setup,
  };
}

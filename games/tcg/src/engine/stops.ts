/**
 * The kinds of priority window a player may ask to stop at even with nothing to answer with,
 * named by what is on top of the stack: a spell, a unit being played, or an attack. The engine's
 * auto-pass reads the kinds; the table shows the labels (re-exported by `@cardtable/tcg/ui`).
 */
export const STOP_KINDS = [
  { id: 'spell', label: 'A spell is cast' },
  { id: 'unit', label: 'A unit is played' },
  { id: 'attack', label: 'An attack is declared' },
] as const;

export type StopKind = (typeof STOP_KINDS)[number]['id'];

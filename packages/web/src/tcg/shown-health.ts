/**
 * Health or life as the table shows it: never below 0. The engine keeps the true number (damage
 * past lethal counts there, and a creature or unit at -20 is knocked out by the step after the
 * damage), but between those steps the table would read "-20/60 HP" for a moment.
 */
export const shownHealth = (health: number): number => Math.max(0, health);

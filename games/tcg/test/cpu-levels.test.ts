import { describe, expect, it } from 'vitest';
import { spiritboundContent } from '../content/demo/index.ts';
import { simulateLevels } from '../src/index.ts';
import { spiritboundGame } from './helpers.ts';

const decks = spiritboundContent().decks.map((deck) => deck.id);

/**
 * The CPU levels are ordered on Spiritbound: hard beats easy and easy beats a random player, in
 * mirror matches of every starter deck with seats swapped. Seeded, so the same matches are
 * played on every run: easy won 10 of 10 and hard 15 of 20 when this was written (the margins
 * were measured on many more: "CPU player" in games/tcg/README.md).
 */
describe('CPU levels on Spiritbound', () => {
  const game = spiritboundGame();
  const compare = (levels: [string, string], gamesPerDeck: number) =>
    simulateLevels(game, { ruleset: 'spiritbound', decks, levels, gamesPerDeck, seed: 'levels' });

  it('easy beats the random player', () => {
    const report = compare(['easy', 'random'], 2);
    expect(report.errors).toEqual([]);
    expect(report.overall.wins).toBeGreaterThanOrEqual(9);
  }, 300_000);

  it('hard beats easy', () => {
    const report = compare(['hard', 'easy'], 4);
    expect(report.errors).toEqual([]);
    expect(report.overall.wins).toBeGreaterThanOrEqual(13);
  }, 900_000);
});

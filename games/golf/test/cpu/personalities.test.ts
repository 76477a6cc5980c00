import { beforeAll, describe, expect, it } from 'vitest';
import { CPU_PROFILES, type SimulationSummary } from '../../src/index.ts';
import { playBatch, rotating } from './play.ts';

// Fixed seeds make these deterministic; the margins are several standard errors wide at these
// sample sizes (about 1,700 rounds per personality), so tuning noise cannot flip them.
describe('the eight personalities differ measurably', () => {
  let summary: SimulationSummary;
  beforeAll(() => {
    summary = playBatch(400, { seed: 'personalities' }).summary;
  });
  const stats = (name: string) => {
    const profile = summary.byProfile[name];
    if (!profile) throw new Error(`${name} never sat down`);
    return profile;
  };

  it('every personality plays, with no dumb move', () => {
    expect(Object.keys(summary.byProfile).sort()).toEqual(CPU_PROFILES.map((p) => p.name).sort());
    for (const profile of Object.values(summary.byProfile)) {
      expect(profile.rounds).toBeGreaterThan(1200);
      expect(profile.dumbMoves).toBe(0);
    }
  });

  it('aggressive profiles go out first more often than the patient one', () => {
    const patient = stats('Sofia').goOutRate;
    for (const aggressive of ['Maya', 'Sage', 'Kenji']) {
      expect(stats(aggressive).goOutRate).toBeGreaterThan(patient + 0.15);
    }
  });

  it('the pair hunter makes more pairs than the pair-shy', () => {
    const hunter = stats('Priya').pairsPerRound;
    const shy = ['Sofia', 'Sage', 'Marcus'].map((name) => stats(name).pairsPerRound);
    for (const pairs of shy) expect(hunter).toBeGreaterThan(pairs + 0.05);
    const shyMean = shy.reduce((sum, pairs) => sum + pairs, 0) / shy.length;
    expect(hunter).toBeGreaterThan(shyMean + 0.08);
  });

  it('the unpredictable gambler spreads wider than the steady player at the same tables', () => {
    const table = playBatch(400, {
      seed: 'spread',
      profiles: rotating(['Diego', 'Marcus', 'Sofia', 'Priya']),
    }).summary.byProfile;
    const gambler = table['Diego']?.stdDevRoundScore ?? 0;
    const steady = table['Marcus']?.stdDevRoundScore ?? Infinity;
    expect(gambler).toBeGreaterThan(steady + 0.2);
  });
});

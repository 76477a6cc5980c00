import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateTcgCommand } from '../src/commands/simulate-tcg.ts';

afterEach(() => vi.restoreAllMocks());

describe('cardtable simulate tcg', () => {
  it('plays CPU matches and reports decks, cards, length and no engine errors', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    const code = await simulateTcgCommand([
      '--ruleset',
      'demo',
      '--decks',
      'A,B',
      '--games',
      '2',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(report.games).toBe(2);
    expect(report.decks.map((d: { id: string; games: number }) => [d.id, d.games])).toEqual([
      ['A', 2],
      ['B', 2],
    ]);
    expect(report.cards.find((c: { name: string }) => c.name === 'Fire Imp').deck).toBe('A');
    expect(report.averageTurns).toBeGreaterThan(1);
    expect(report.errors).toEqual([]);
  });

  it('rejects bad flags with exit code 2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await simulateTcgCommand(['--games', '0'])).toBe(2);
    expect(await simulateTcgCommand(['--games', '1', '--decks', 'A'])).toBe(2);
    expect(await simulateTcgCommand(['--games', '1', '--decks', 'A,Z'])).toBe(2);
    expect(await simulateTcgCommand(['--games', '1', '--cpu', 'genius'])).toBe(2);
  });
});

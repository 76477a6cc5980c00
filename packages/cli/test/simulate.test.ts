import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CPU_PROFILE_NAMES } from '@cardtable/golf';
import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from '../src/simulate/args.ts';

const cli = join(import.meta.dirname, '..', 'bin', 'cardtable.js');

/** Runs the CLI as a child process and reports its exit code and output. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('cardtable simulate golf', () => {
  it('prints one JSON summary with --json', async () => {
    const { code, stdout } = await run(['simulate', 'golf', '--games', '50', '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.games).toBe(50);
    expect(summary.rounds).toBe(450);
    expect(summary.gamesPerSecond).toBeGreaterThan(0);
    expect(summary.dumbMoves).toBe(0);
    expect(summary.anomalies).toBe(0);
    expect(summary.medianRoundScore).toBeGreaterThan(0);
    expect(summary.medianRoundScore).toBeLessThan(25);
    expect(Object.keys(summary.byProfile).length).toBeGreaterThan(0);
    for (const [name, profile] of Object.entries(summary.byProfile)) {
      expect(CPU_PROFILE_NAMES).toContain(name);
      expect(profile).toMatchObject({ dumbMoves: 0 });
      expect(profile).toHaveProperty('goOutRate');
      expect(profile).toHaveProperty('pairsPerRound');
    }
  });

  it('seats the named CPUs under the given options and seed, reproducibly', async () => {
    const args = ['simulate', 'golf', '--games', '5', '--cpu', 'maya,Sofia,Priya'];
    const flags = ['--option', 'superKings=true', '--option', 'rounds=2', '--seed', 's1', '--json'];
    const first = JSON.parse((await run([...args, ...flags])).stdout);
    expect(first.seats).toBe(3);
    expect(first.cpu).toEqual(['Maya', 'Sofia', 'Priya']);
    expect(first.options).toMatchObject({ superKings: true, rounds: 2 });
    expect(Object.keys(first.byProfile).sort()).toEqual(['Maya', 'Priya', 'Sofia']);
    const second = JSON.parse((await run([...args, ...flags])).stdout);
    const { elapsedMs: _a, gamesPerSecond: _b, ...same } = first;
    expect(second).toMatchObject(same);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run(['simulate', 'golf', '--games', '3', '--seats', '2']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Simulated 3 games of golf at 2 seats/);
    expect(stdout).toMatch(/Round scores over 27 rounds: median/);
    expect(stdout).toMatch(/Dumb moves: 0/);
    expect(stdout).toMatch(/Rule anomalies: 0/);
  });

  it('rejects bad flags with exit code 2 and says what to type', async () => {
    const { code, stderr, stdout } = await run(['simulate', 'golf', '--games', '1', '--fast']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option: --fast/);
    expect(stderr).toMatch(/Usage: cardtable simulate golf/);
    expect(stdout).toBe('');
  });

  it.each([
    [['golf'], /--games N is required/],
    [['chess', '--games', '1'], /No simulator for "chess"/],
    [['golf', '--games', 'many'], /--games must be a whole number/],
    [['golf', '--games', '0'], /--games must be a whole number above 0/],
    [['golf', '--games', '1', '--games', '2'], /--games is given more than once/],
    [['golf', '--games'], /--games needs a value/],
    [['golf', '--games', '1', '--seats', '7'], /--seats must be 2 to 6/],
    [['golf', '--games', '1', '--cpu', 'Maya,Bob'], /No CPU named "Bob"/],
    [['golf', '--games', '1', '--cpu', 'Maya,maya'], /Maya can sit only once/],
    [['golf', '--games', '1', '--cpu', 'Maya,Sofia', '--seats', '3'], /2 players for 3 seats/],
    [['golf', '--games', '1', '--option', 'decks=4'], /Option "decks" must be 1, 2 or 3/],
    [['golf', '--games', '1', '--option', 'nope=1'], /no option "nope"/],
    [['golf', '--games', '1', '--option', 'superKings'], /--option needs key=value/],
  ])('explains what is wrong with %j', (args, message) => {
    const parsed = parseSimulateArgs(args);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });

  it('reads flags written as --flag=value too', () => {
    const parsed = parseSimulateArgs(['golf', '--games=3', '--cpu=Sage,River', '--option=decks=2']);
    expect(parsed.ok && parsed.value).toMatchObject({
      games: 3,
      seats: 2,
      profiles: ['Sage', 'River'],
      options: { decks: 2 },
      seed: 'cardtable',
      json: false,
    });
  });
});

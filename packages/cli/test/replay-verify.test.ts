import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  applyAction,
  createRng,
  replayFileOf,
  ReplayLog,
  startMatch,
  type ReplayFile,
} from '@cardtable/engine';
import { golf, parseOptions } from '@cardtable/golf';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', 'bin', 'cardtable.js');
const dir = mkdtempSync(join(tmpdir(), 'cardtable-replay-'));

/** A finished one-hole Golf match between two seats playing random legal moves. */
function playedMatch(seed: string): ReplayFile {
  const options = parseOptions({ rounds: 1 }, 2);
  if (!options.ok) throw new Error(options.error.message);
  const seats = [{ kind: 'human' as const }, { kind: 'human' as const }];
  const started = startMatch(golf, { options: options.value, seats, seed });
  const log = new ReplayLog();
  log.append(started.resolution);
  let match = started.match;
  const rng = createRng(seed, 0);
  while (!golf.outcome(match.state)) {
    const seat = golf.activeSeats(match.state)[0]!;
    const legal = golf.legalActions(match.state, seat);
    const action = legal[rng.int(0, legal.length - 1)]!;
    const applied = applyAction(golf, match, seat, action, `a${match.version}`);
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
    log.append(applied.value.resolution);
  }
  return replayFileOf(golf, match, log, 'cli-test');
}

async function verify(replay: unknown): Promise<{ code: number; stdout: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(replay));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'replay', 'verify', file]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('cardtable replay verify', () => {
  const replay = playedMatch('cli-verify');

  it('prints OK and exits 0 for a faithful log', async () => {
    const { code, stdout } = await verify(replay);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: \d+ events over \d+ versions/);
    expect(stdout).toContain('The rules ended the match with the recorded result.');
  });

  it('exits 1 for a changed result or a cut log', async () => {
    const changed = structuredClone(replay);
    changed.match.result!.winners = changed.match
      .result!.standings.map((s) => s.seat)
      .filter((seat) => !replay.match.result!.winners.includes(seat));
    const forged = await verify(changed);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('re-executed it is over');
    const cut = structuredClone(replay);
    cut.events = cut.events.slice(0, -1);
    expect((await verify(cut)).code).toBe(1);
  });

  it('prints the first divergence and exits 1 for a tampered log', async () => {
    const tampered = structuredClone(replay);
    const swap = tampered.events.find(
      (e) => e.type === 'cardSwapped' || e.type === 'cardDiscarded',
    )!;
    (swap.data as { seat: number }).seat += 1;
    const { code, stdout } = await verify(tampered);
    expect(code).toBe(1);
    expect(stdout).toContain(`DIVERGED: Version ${swap.version}, step ${swap.step}:`);
  });

  it('exits 1 with a reason for a file that is not a replay', async () => {
    const { code, stdout } = await verify({ hello: 'world' });
    expect(code).toBe(1);
    expect(stdout).toContain('Unknown game');
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applyAction, createRng, replayFileOf, ReplayLog, startMatch } from '@cardtable/engine';
import { demoVersions, tcgGameFor } from '@cardtable/tcg/demo';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', 'bin', 'cardtable.js');
const dir = mkdtempSync(join(tmpdir(), 'cardtable-tcg-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A demo match played with seeded random moves, as an export, with these options. */
async function recordedMatch(seed: string, rawOptions: Record<string, unknown>) {
  const game = await tcgGameFor(demoVersions());
  const options = game.parseOptions(rawOptions, 2);
  if (!options.ok) throw new Error(options.error.message);
  const started = startMatch(game, {
    options: options.value,
    seats: [{ kind: 'human' }, { kind: 'human' }],
    seed,
  });
  const log = new ReplayLog();
  log.append(started.resolution);
  let match = started.match;
  const rng = createRng(seed, 0);
  while (!game.outcome(match.state)) {
    const seat = game.activeSeats(match.state)[0]!;
    const legal = game.legalActions(match.state, seat);
    const busy = legal.filter((a) => a.type !== 'endTurn');
    const action =
      busy.length && rng.float() < 0.8
        ? busy[rng.int(0, busy.length - 1)]!
        : legal[rng.int(0, legal.length - 1)]!;
    const applied = applyAction(game, match, seat, action, `a${match.version}`);
    if (!applied.ok) throw new Error(applied.error.message);
    match = applied.value.match;
    log.append(applied.value.resolution);
  }
  game.dispose();
  return replayFileOf(game, match, log, seed);
}

const verify = (name: string, replay: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(replay));
  return promisify(execFile)(process.execPath, [cli, 'replay', 'verify', file, '--json']).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
};

describe('cardtable replay verify (tcg)', () => {
  it('re-executes a TCG match with Lua cards and catches a tampered one', async () => {
    const replay = await recordedMatch('cli-tcg', { decks: ['A', 'B'] });
    const ok = await verify('good.json', replay);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true });

    const tampered = structuredClone(replay);
    const damage = tampered.events.find((e) => e.type === 'damageDealt')!;
    (damage.data as { amount: number }).amount += 1;
    const diverged = await verify('bad.json', tampered);
    expect(diverged.code).toBe(1);
    expect(JSON.parse(diverged.out)).toMatchObject({ ok: false });
  });

  it('re-executes a match of an earlier demo version against that version', async () => {
    const replay = await recordedMatch('cli-tcg-1.0.0', { decks: ['A', 'B'], version: '1.0.0' });
    expect(replay.match.options).toMatchObject({ version: '1.0.0' });
    const ok = await verify('old.json', replay);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true });
  });
});

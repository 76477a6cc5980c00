import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { applyAction, createRng, replayFileOf, ReplayLog, startMatch } from '@cardtable/engine';
import { tcgGameFor } from '@cardtable/tcg/demo';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', 'bin', 'cardtable.js');

describe('cardtable replay verify (tcg)', () => {
  it('re-executes a TCG match with Lua cards and catches a tampered one', async () => {
    const game = await tcgGameFor();
    const options = game.parseOptions({ decks: ['A', 'B'] }, 2);
    if (!options.ok) throw new Error(options.error.message);
    const started = startMatch(game, {
      options: options.value,
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: 'cli-tcg',
    });
    const log = new ReplayLog();
    log.append(started.resolution);
    let match = started.match;
    const rng = createRng('cli-tcg', 0);
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
    const replay = replayFileOf(game, match, log, 'cli-tcg');
    const dir = mkdtempSync(join(tmpdir(), 'cardtable-tcg-replay-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(replay));
    const run = (file: string) =>
      promisify(execFile)(process.execPath, [cli, 'replay', 'verify', file, '--json']).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const ok = await run(good);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true });

    const tampered = structuredClone(replay);
    const damage = tampered.events.find((e) => e.type === 'damageDealt')!;
    (damage.data as { amount: number }).amount += 1;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(tampered));
    const diverged = await run(bad);
    expect(diverged.code).toBe(1);
    expect(JSON.parse(diverged.out)).toMatchObject({ ok: false });
  });
});

import { applyAction, createRng, seatViewer, startMatch, type MatchState } from '@cardtable/engine';
import { isMain } from '@cardtable/engine/bench';
import { demoContent, spiritboundContent, tcgGameFor } from '../content/demo/index.ts';
import { playBalanceMatch, scheduleMatches, type Content, type TcgAction } from '../src/index.ts';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';

type Game = Awaited<ReturnType<typeof tcgGameFor>>;
type Rows = Record<string, Record<string, number | string>>;

/**
 * Per shipped set (the demo, whose decks play Lua-scripted cards, and Spiritbound, the
 * battler): the engine's `applyAction` in random matches, a CPU decision at each difficulty,
 * and a balance batch of CPU-vs-CPU matches at each difficulty on this one thread, with the
 * time a 1,000-match batch would take at that rate. `mean` is wall-clock, `cpu` this process's
 * CPU time (steadier on a shared machine). Prints numbers; never asserts timings.
 *
 * TCG_BENCH_GAMES (default 20) sets the easy batch; the hard batch plays a quarter of it.
 * TCG_BENCH_SETS (e.g. `demo`) picks the sets. TCG_BENCH_WARM (default 0) plays that many
 * untimed matches of each batch first (other seeds): a batch's first matches cost 3-4x its later
 * ones while the JIT warms up (about 50-100 matches), which a 1,000-match batch pays once, so its
 * rate is the warm one (docs/benchmarks.md, the TCG's sixth round).
 */
export async function run(): Promise<void> {
  const games = Number(process.env.TCG_BENCH_GAMES ?? 20);
  const warm = Number(process.env.TCG_BENCH_WARM ?? 0);
  const sets = [
    { name: 'demo', content: demoContent(), decks: ['A', 'B'] },
    { name: 'spiritbound', content: spiritboundContent(), decks: ['grass', 'fire'] },
  ].filter((set) => (process.env.TCG_BENCH_SETS ?? set.name).split(',').includes(set.name));
  for (const set of sets) {
    const game = await tcgGameFor(set.content);
    const rows: Rows = {};
    const positions = engineRows(game, set.content, set.decks, rows);
    cpuRows(game, positions, rows);
    for (const profile of game.cpu!.profiles) {
      const share = profile === 'hard' ? 4 : 1;
      batchRow(game, set.content, set.decks, profile, games / share, warm / share, rows);
    }
    console.log(`\n${set.name}`);
    console.table(rows);
    game.dispose();
  }
}

/** Random legal play (the policy's own cost out of the timed part); returns sampled positions. */
function engineRows(game: Game, content: Content, decks: string[], rows: Rows) {
  const options = game.parseOptions({ ruleset: content.ruleset.id, decks }, 2);
  if (!options.ok) throw new Error(options.error.message);
  const seats = [{ kind: 'human' as const }, { kind: 'human' as const }];
  const luaCards = new Set(
    [...content.cards.values()]
      .filter((card) => (card.abilities ?? []).some((a) => a.kind !== 'static' && a.lua))
      .map((card) => card.id),
  );
  let actions = 0;
  let luaCalls = 0;
  let engineMs = 0;
  let engineCpuUs = 0;
  const positions: MatchState<TcgState, TcgOptions>[] = [];
  for (let g = 0; g < 40; g++) {
    let { match } = startMatch(game, { options: options.value, seats, seed: `bench${g}` });
    const rng = createRng('bench-play', g);
    while (!game.outcome(match.state)) {
      const seat = game.activeSeats(match.state)[0]!;
      const legal = game.legalActions(match.state, seat);
      const busy = legal.filter((a) => a.type !== 'endTurn');
      const action: TcgAction =
        busy.length && rng.float() < 0.8
          ? busy[rng.int(0, busy.length - 1)]!
          : legal[rng.int(0, legal.length - 1)]!;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const applied = applyAction(game, match, seat, action, `a${actions}`);
      engineMs += performance.now() - t0;
      engineCpuUs += cpuMs(cpu0) * 1000;
      if (!applied.ok) throw new Error(applied.error.message);
      for (const step of applied.value.resolution.steps) {
        const defId = (step.data as { defId?: string }).defId;
        if (
          (step.type === 'abilityTriggered' || step.type === 'cardPlayed') &&
          defId &&
          luaCards.has(defId)
        )
          luaCalls++;
      }
      match = applied.value.match;
      actions++;
      if (actions % 29 === 0) positions.push(match);
    }
  }
  rows['engine: applyAction, random play'] = {
    perSecond: Math.round((actions / engineMs) * 1000),
    mean: `${Math.round((engineMs / actions) * 1000)} us`,
    cpu: `${Math.round(engineCpuUs / actions)} us`,
    samples: actions,
    note: `${luaCalls} Lua abilities ran`,
  };
  return positions;
}

/** CPU decisions at each level on positions sampled from the random matches. */
function cpuRows(game: Game, positions: MatchState<TcgState, TcgOptions>[], rows: Rows) {
  for (const profile of game.cpu!.profiles) {
    const sample = profile === 'hard' ? positions.slice(0, 40) : positions.slice(0, 120);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let decisions = 0;
    for (const [i, match] of sample.entries()) {
      const seat = game.activeSeats(match.state)[0]!;
      const legal = game.legalActions(match.state, seat);
      if (legal.length < 2) continue;
      game.cpu!.choose({
        view: game.view(match.state, seatViewer(seat)),
        legal,
        seat,
        profile,
        rng: createRng('bench-cpu', i),
      });
      decisions++;
    }
    const ms = performance.now() - t0;
    rows[`cpu: ${profile} decision (2+ legal actions)`] = {
      perSecond: Math.round((decisions / ms) * 1000 * 10) / 10,
      mean: `${(ms / decisions).toFixed(2)} ms`,
      cpu: `${(cpuMs(cpu0) / decisions).toFixed(2)} ms`,
      samples: decisions,
      note: '',
    };
  }
}

/**
 * A balance batch on this thread, as `simulateBalance` plays it, match by match, after `warm`
 * untimed matches of the same decks and profile.
 */
function batchRow(
  game: Game,
  content: Content,
  decks: string[],
  profile: string,
  count: number,
  warm: number,
  rows: Rows,
) {
  const planOf = (games: number, seed: string) => ({
    ruleset: content.ruleset.id,
    decks,
    profiles: decks.map(() => profile),
    gamesPerPairing: Math.max(2, Math.round(games)),
    seed,
  });
  if (warm > 0) {
    const warmUp = planOf(warm, 'bench-warm');
    for (const match of scheduleMatches(warmUp)) playBalanceMatch(game, warmUp, match);
  }
  const plan = planOf(count, 'bench-batch');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let actions = 0;
  const matches = scheduleMatches(plan);
  for (const match of matches) {
    const record = playBalanceMatch(game, plan, match);
    if (record.error) throw new Error(record.error);
    actions += record.actions;
  }
  const ms = performance.now() - t0;
  const perMatch = cpuMs(cpu0) / matches.length;
  const after = warm > 0 ? ` (after ${Math.max(2, Math.round(warm))} warm-up)` : '';
  rows[`batch: ${profile} vs ${profile}, ${matches.length} matches${after}`] = {
    perSecond: Math.round((matches.length / ms) * 1000 * 100) / 100,
    mean: `${Math.round(ms / matches.length)} ms/match`,
    cpu: `${Math.round(perMatch)} ms/match`,
    samples: actions,
    note: `1,000 matches: ${Math.round(perMatch)} s of CPU`,
  };
}

/** CPU milliseconds (user and system) of this process since `start`: steadier than wall-clock on a shared machine. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

if (isMain(import.meta.url)) await run();

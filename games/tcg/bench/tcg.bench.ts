import { applyAction, createRng, seatViewer, startMatch, type MatchState } from '@cardtable/engine';
import { isMain } from '@cardtable/engine/bench';
import { tcgGameFor } from '../content/demo/index.ts';
import type { TcgAction } from '../src/index.ts';
import type { TcgOptions } from '../src/engine/options.ts';
import type { TcgState } from '../src/engine/state.ts';

/**
 * Actions per second in demo matches (whose decks play Lua-scripted cards), and CPU decisions
 * per second at each difficulty. Prints numbers; never asserts timings.
 */
export async function run(): Promise<void> {
  const game = await tcgGameFor();
  const options = game.parseOptions({ decks: ['A', 'B'] }, 2);
  if (!options.ok) throw new Error(options.error.message);
  const seats = [{ kind: 'human' as const }, { kind: 'human' as const }];
  const luaCards = new Set(
    [
      ...game
        .contentOf({ content: { id: 'demo', version: options.value.version, hash: '' } })
        .cards.values(),
    ]
      .filter((card) => (card.abilities ?? []).some((a) => a.kind !== 'static' && a.lua))
      .map((card) => card.id),
  );

  // Engine: random legal play (the policy's own cost excluded from the timed part).
  let actions = 0;
  let luaCalls = 0;
  let engineMs = 0;
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
      const applied = applyAction(game, match, seat, action, `a${actions}`);
      engineMs += performance.now() - t0;
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
  const rows: Record<string, Record<string, number | string>> = {
    'engine: applyAction in demo matches': {
      perSecond: Math.round((actions / engineMs) * 1000),
      meanMicros: Math.round((engineMs / actions) * 1000),
      samples: actions,
      note: `${luaCalls} Lua abilities ran`,
    },
  };

  // CPU: decisions at each level on positions sampled from those matches.
  for (const profile of game.cpu!.profiles) {
    const sample = profile === 'hard' ? positions.slice(0, 40) : positions.slice(0, 120);
    const t0 = performance.now();
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
      meanMicros: Math.round((ms / decisions) * 1000),
      samples: decisions,
      note: '',
    };
  }
  console.table(rows);
  game.dispose();
}

if (isMain(import.meta.url)) await run();

import { applyAction, createRng, seatViewer, startMatch } from '@cardtable/engine';
import { createDemoGame } from './content/demo/game.ts';
const game = await createDemoGame();
const profiles = (process.argv[3] ?? 'easy,hard').split(',');
const wins = [0, 0, 0];
for (let g = 0; g < Number(process.argv[2] ?? 2); g++) {
  const opts = game.parseOptions({ decks: g % 2 ? ['B', 'A'] : ['A', 'B'] }, 2);
  if (!opts.ok) throw new Error(opts.error.message);
  let { match } = startMatch(game, { options: opts.value, seats: [{ kind: 'cpu', profile: profiles[0]! }, { kind: 'cpu', profile: profiles[1]! }], seed: `s${g}` });
  let n = 0; const t0 = performance.now(); const times = [0, 0]; const counts = [0, 0];
  while (!game.outcome(match.state) && n < 3000) {
    const seat = game.activeSeats(match.state)[0]!;
    const legal = game.legalActions(match.state, seat);
    const t = performance.now();
    const action = game.cpu!.choose({ view: game.view(match.state, seatViewer(seat)), legal, seat, profile: profiles[seat]!, rng: createRng('cpu', g, n) });
    times[seat]! += performance.now() - t; counts[seat]!++;
    const r = applyAction(game, match, seat, action, `a${n}`);
    if (!r.ok) throw new Error(`rejected ${JSON.stringify(action)}: ${r.error.message}`);
    match = r.value.match;
    n++;
  }
  const o = match.state.outcome!;
  if (o.tie) wins[2]!++; else wins[o.winners[0]!]!++;
  console.log(g, 'actions', n, 'turn', match.state.turn, o.winners, o.reason, 'ms', Math.round(performance.now() - t0), 'per decision', times.map((t, i) => (t / counts[i]!).toFixed(1)));
}
console.log(profiles, wins);
game.dispose();

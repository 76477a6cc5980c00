import { applyAction, createRng, startMatch } from '@cardtable/engine';
import { ContentRegistry, createTcgGame } from './src/index.ts';
import { createSandboxScriptHost } from './src/lua/sandbox-host.ts';
import { demoContent } from './content/demo/index.ts';
const content = demoContent();
const host = await createSandboxScriptHost(content.scripts, { instructionsPerCall: 200000 });
if (!host.ok) throw new Error(host.error.message);
const game = createTcgGame({ registry: new ContentRegistry([content]), scripts: host.value });
const t0 = performance.now();
let totalActions = 0; const fizz: any = {}; const types: any = {};
for (let g = 0; g < Number(process.argv[2] ?? 5); g++) {
  const opts = game.parseOptions({ decks: ['A', 'B'] }, 2);
  if (!opts.ok) throw new Error(opts.error.message);
  let { match } = startMatch(game, { options: opts.value, seats: [{ kind: 'human' }, { kind: 'human' }], seed: `s${g}` });
  const rng = createRng('play', g);
  let n = 0;
  while (!game.outcome(match.state) && n < 3000) {
    const seat = game.activeSeats(match.state)[0]!;
    const legal = game.legalActions(match.state, seat);
    if (legal.length === 0) throw new Error('no legal actions ' + JSON.stringify(match.state.status));
    // prefer non-endTurn
    let action = legal[rng.int(0, legal.length - 1)]!;
    if (action.type === 'endTurn' && legal.length > 1 && rng.float() < 0.7) action = legal[rng.int(0, legal.length - 2)]!;
    const r = applyAction(game, match, seat, action, `a${n}`);
    if (r.ok) for (const st of r.value.resolution.steps) { if (st.type === 'stepFizzled') fizz[(st.data as any).reason] = (fizz[(st.data as any).reason] ?? 0) + 1; types[st.type] = (types[st.type] ?? 0) + 1; }
    if (!r.ok) throw new Error(`rejected ${JSON.stringify(action)}: ${r.error.message}`);
    match = r.value.match;
    n++;
  }
  totalActions += n;
  if (g % 10 === 0) console.log(g, n, match.state.turn, JSON.stringify(match.state.outcome));
}
console.log(fizz, types); console.log('ms', performance.now() - t0, 'actions', totalActions);

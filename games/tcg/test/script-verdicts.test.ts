import { afterAll, describe, expect, it } from 'vitest';
import { demoContent, tcgGameFor } from '../content/demo/index.ts';
import { auditScriptVerdicts } from '../src/engine/lua.ts';
import { playBalanceMatch } from '../src/index.ts';

/**
 * The demo with Chaos Conductor's end-of-turn script moving each enemy unit to a zone picked
 * at random, one of which does not exist: its effects are accepted or refused by what they are.
 */
const MOVER = `function resolve()
  local zones = { 'hand', 'deck', 'nowhere' }
  local enemies = state.enemy.board
  for i = 1, #enemies do
    move(enemies[i], zones[random(1, 3)])
  end
end
`;

describe("verdicts on a script's effects", () => {
  afterAll(() => auditScriptVerdicts(false));

  it('kept per content, each equals a fresh check of the same effects', async () => {
    const demo = demoContent();
    const content = { ...demo, scripts: { ...demo.scripts, chaos_conductor: MOVER } };
    const game = await tcgGameFor(content);
    const audit = auditScriptVerdicts(true);
    // CPU matches: the playouts run the same scripts on the same guesses again and again. A
    // kept verdict that differs from a fresh one throws inside the command (the match's
    // record carries the error).
    const plan = { ruleset: content.ruleset.id, seed: 'verdicts' };
    let refused = 0;
    for (const index of [0, 1, 2, 3]) {
      const record = playBalanceMatch(game, plan, {
        index,
        decks: ['A', 'B'],
        profiles: ['easy', 'easy'],
      });
      expect(record.error).toBeNull();
      refused += record.scriptFailures.filter((f) => f.code === 'INVALID_EFFECTS').length;
    }
    game.dispose();
    expect(refused).toBeGreaterThan(0);
    expect(audit.checked).toBeGreaterThan(20);
  });
});

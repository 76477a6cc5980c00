import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAbility, dryRunAbility, type EffectSpec, type ParamSpec } from '@cardtable/sandbox';
import { tcgGameFor } from '../content/demo/index.ts';
import {
  dryRunCardAbility,
  positionForContent,
  samplePosition,
  sampleScriptContext,
  sharedRuntime,
  TCG_SCRIPT_EFFECTS,
  TCG_SCRIPT_STATE,
  validateContentPackage,
  type Content,
  type TcgGame,
  type TcgState,
} from '../src/index.ts';
import { contentOf, hourglassGame } from './helpers.ts';
import { readPackage, REEF } from './package-files.ts';

/**
 * One definition of the ability API (TCG_SCRIPT_EFFECTS), and every path that reads it agrees:
 * the lint (`lua check`, `content validate`), the sandbox run (`lua run`) and the engine in a
 * match (`dryRunCardAbility` runs the ability exactly as a match does). Every effect is
 * accepted with its documented example and refused with wrong arguments, everywhere.
 */
const MODULE = 'lua/pearl_diver.lua';

function reefWithScript(body: string): Map<string, string | Uint8Array> {
  const files = readPackage(REEF);
  files.set(MODULE, `function dive()\n  ${body}\nend\n`);
  return files;
}

let reef: Content;
let game: TcgGame & { dispose(): void };
let position: TcgState;
beforeAll(async () => {
  const loaded = await validateContentPackage(reefWithScript('log(1)'));
  if (!loaded.content) throw new Error(JSON.stringify(loaded.errors));
  reef = loaded.content;
  game = await tcgGameFor(reef);
  position = samplePosition(game, reef, 'agreement');
  expect(position.players.every((p) => (p.zones.board?.length ?? 0) > 0)).toBe(true);
});
afterAll(() => game.dispose());

/** The engine, as a match runs it: the ability of a module whose entry is just `call`. */
async function inMatch(call: string) {
  const files = reefWithScript(call);
  const scripted = { ...reef, scripts: { pearl_diver: files.get(MODULE) as string } };
  const scripts = await tcgGameFor(scripted);
  try {
    return dryRunCardAbility({
      content: reef,
      scripts: scripts.scriptsFor(scripted)!,
      state: position,
      card: 'reef/pearl-diver',
    });
  } finally {
    scripts.dispose();
  }
}

const lintErrors = async (call: string) =>
  (await checkAbility(sharedRuntime(), `function dive()\n  ${call}\nend\n`)).diagnostics.filter(
    (d) => d.severity === 'error',
  );

/** `lua run`: the sandbox alone, against the state a match shows. */
async function inSandbox(call: string) {
  const sample = sampleScriptContext(game, reef, 'agreement');
  return dryRunAbility(sharedRuntime(), call, { state: sample.context as never });
}

/** Calls the engine must refuse, derived from the definition itself. */
function wrongCalls(spec: EffectSpec): [string, string][] {
  const valid = spec.params.map(validArgument);
  const call = (args: string[]) => `${spec.name}(${args.join(', ')})`;
  const wrong: [string, string][] = [
    ['too many arguments', call([...valid, '1'])],
    ['no arguments', call([])],
  ];
  spec.params.forEach((param, i) => {
    const replace = (value: string) => call(valid.map((v, j) => (j === i ? value : v)));
    wrong.push([`${param.name}: wrong type`, replace(param.type === 'integer' ? '"x"' : 'true')]);
    if (param.type === 'integer') {
      if (param.min !== undefined)
        wrong.push([`${param.name}: below ${param.min}`, replace(String(param.min - 1))]);
      if (param.max !== undefined)
        wrong.push([`${param.name}: above ${param.max}`, replace(String(param.max + 1))]);
    }
    if (param.type === 'string' && param.oneOf)
      wrong.push([`${param.name}: not one of`, replace('"sideways"')]);
  });
  return wrong;
}

function validArgument(param: ParamSpec): string {
  switch (param.type) {
    case 'integer':
      return String(Math.max(param.min ?? 0, Math.min(param.max ?? 1, 1)));
    case 'string':
      return JSON.stringify(param.oneOf?.[0] ?? 'x');
    case 'ref':
      return 'state.enemy.hero';
    case 'boolean':
      return 'true';
    case 'list':
      return '{}';
  }
}

describe('the ability API: one definition, every path agrees', () => {
  it('is the API the sandbox runtime of the engine offers (and nothing else but log)', () => {
    expect(sharedRuntime().effects.map((e) => e.name)).toEqual([
      'log',
      ...TCG_SCRIPT_EFFECTS.map((e) => e.name),
    ]);
  });

  it.each(TCG_SCRIPT_EFFECTS.map((spec) => [spec.name, spec] as const))(
    '%s: the documented example passes the lint, runs in the sandbox and is applied by the engine',
    async (_name, spec) => {
      const example = spec.example!;
      expect(example).toMatch(new RegExp(`^${spec.name}\\(`));
      expect(await lintErrors(example)).toEqual([]);
      const sandbox = await inSandbox(example);
      expect(sandbox).toMatchObject({ ok: true, effects: [{ type: spec.name }] });
      const engine = await inMatch(example);
      expect(engine.failure).toBeNull();
      expect(engine.effects.length).toBeGreaterThan(0);
      const validated = await validateContentPackage(reefWithScript(example));
      expect(validated.errors).toEqual([]);
    },
  );

  it.each(
    TCG_SCRIPT_EFFECTS.flatMap((spec) =>
      wrongCalls(spec).map(([what, call]) => [spec.name, what, call] as const),
    ),
  )('%s (%s): refused by the lint, the sandbox and the engine: %s', async (_name, _what, call) => {
    const lint = await lintErrors(call);
    expect(lint.map((d) => d.code)).toContain('EFFECT_ARGUMENTS');
    expect((await inSandbox(call)).ok).toBe(false);
    const engine = await inMatch(call);
    expect(engine.effects).toEqual([]);
    expect(engine.failure).toMatchObject({
      code: 'INVALID_EFFECT',
      module: 'pearl_diver',
      line: 2,
    });
    const validated = await validateContentPackage(reefWithScript(call));
    expect(validated.errors.map((d) => `${d.code} ${d.file}:${d.line}`)).toContain(
      `LUA_EFFECT_ARGUMENTS ${MODULE}:2`,
    );
  });

  it('is documented: every effect of the definition is in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8').replaceAll(
      '\\|',
      '|',
    );
    for (const spec of TCG_SCRIPT_EFFECTS) expect(readme).toContain(spec.summary!);
  });
});

describe('the state a script reads: one definition, the lint and the engine agree', () => {
  it('has exactly the fields the engine shows a script in a match, at every level', () => {
    const { context } = sampleScriptContext(game, reef, 'agreement');
    const sides = context as unknown as Record<'friendly', { board: object[] }>;
    expect(Object.keys(context).sort()).toEqual(Object.keys(TCG_SCRIPT_STATE).sort());
    expect(Object.keys(sides.friendly).sort()).toEqual(
      Object.keys(TCG_SCRIPT_STATE.friendly!.fields!).sort(),
    );
    expect(Object.keys(sides.friendly.board[0]!).sort()).toEqual(
      Object.keys(TCG_SCRIPT_STATE.friendly!.fields!.board!.items!).sort(),
    );
  });

  it("counts every zone of the ruleset on each side, the ruleset's own too", async () => {
    const run = await inMatch(
      'damage(state.enemy.hero, state.friendly.zones.discard + 10 * state.enemy.zones.hand)',
    );
    const [me, them] = [position.active, 1 - position.active].map(
      (seat) => position.players[seat]!,
    );
    const zones = (run.context as { friendly: { zones: Record<string, number> } }).friendly.zones;
    expect(Object.keys(zones)).toEqual(reef.ruleset.zones.map((z) => z.id));
    expect(run.effects).toEqual([
      {
        do: 'damage',
        to: '$lua1',
        amount: me!.zones.discard!.length + 10 * them!.zones.hand!.length,
      },
    ]);
  });

  it('warns at a misspelt field, in lua check and content validate, naming the fields there', async () => {
    const misspelt = 'damage(state.enemy.board[1].id, state.friendly.bord)';
    const check = await checkAbility(sharedRuntime(), `function dive()\n  ${misspelt}\nend\n`);
    expect(check.diagnostics).toMatchObject([
      { severity: 'warning', code: 'UNKNOWN_STATE_FIELD', line: 2 },
    ]);
    expect(check.diagnostics[0]!.message).toContain(
      "state.friendly has no field 'bord' (it has: hero, life, hand, deck, resource, zones, board, active, bench, prizes)",
    );
    const validated = await validateContentPackage(reefWithScript(misspelt));
    expect(validated.warnings.map((d) => `${d.code} ${d.file}:${d.line}`)).toContain(
      `LUA_UNKNOWN_STATE_FIELD ${MODULE}:2`,
    );
  });
});

describe('a position saved from a playtest, for dry runs of the edited draft', () => {
  it('becomes a position of the content as it is now, and runs its abilities there', () => {
    const saved = JSON.parse(JSON.stringify(position)) as unknown;
    const edited = { ...reef, hash: 'sha256:edited' };
    const adapted = positionForContent(edited, saved);
    expect(adapted.content).toEqual({ ...position.content, hash: 'sha256:edited' });
    expect(adapted.players).toEqual(position.players);
  });

  it('refuses another game’s state, and names the cards the draft no longer has', () => {
    expect(() => positionForContent(reef, { ...position, content: { id: 'other' } })).toThrow(
      /a state of other, not of/,
    );
    expect(() => positionForContent(reef, { nothing: true })).toThrow(/no known game/);
    const onBoard = position.cards[position.players[0]!.zones.board![0]!]!.defId;
    const cards = new Map([...reef.cards].filter(([id]) => id !== onBoard));
    expect(() => positionForContent({ ...reef, cards }, position)).toThrow(
      new RegExp(`no longer has: .*${onBoard}`),
    );
  });
});

describe('a battler script reads the battler facts: active, bench, energy, conditions, prizes', () => {
  it('sees what the engine state holds, in a real sandbox run', async () => {
    const files = readPackage(join(import.meta.dirname, '../content/spiritbound'));
    files.delete('README.md');
    const cards = JSON.parse(new TextDecoder().decode(files.get('cards.json') as Uint8Array)) as {
      cards: { id: string; abilities?: unknown[] }[];
    };
    const sproutle = cards.cards.find((c) => c.id === 'spirit/sproutle')!;
    sproutle.abilities = [
      ...(sproutle.abilities ?? []),
      {
        id: 'sense',
        kind: 'triggered',
        trigger: { on: 'turnStart' },
        lua: { module: 'sense', entry: 'sense' },
        text: 'At the start of your turn, sense the field.',
      },
    ];
    // Its first attack calls Lua too: the dry run runs it with the defender bound.
    const strike = (sproutle as unknown as { attacks: Record<string, unknown>[] }).attacks[0]!;
    strike.effects = [{ do: 'lua', module: 'sense', entry: 'strike' }];
    strike.text = 'Deal 10 damage to the defending creature for each of your benched ones.';
    files.set('cards.json', JSON.stringify(cards));
    files.set(
      'lua/sense.lua',
      [
        'function strike()',
        '  damage(state.bindings.defender[1], 10 * #state.friendly.bench)',
        'end',
        'function sense()',
        '  local me, foe = state.friendly, state.enemy',
        '  local mine, theirs',
        '  for _, u in ipairs(me.board) do if u.id == me.active then mine = u end end',
        '  for _, u in ipairs(foe.board) do if u.id == foe.active then theirs = u end end',
        '  damage(foe.active, #mine.energy)',
        '  damage(foe.active, #me.bench)',
        '  damage(foe.active, foe.prizes)',
        "  if mine.energy[1] == 'fire' then heal(me.active, 1) end",
        "  if theirs.conditions[1] == 'poisoned' then heal(me.active, 2) end",
        'end',
      ].join('\n'),
    );
    const validated = await validateContentPackage(files);
    expect(validated.errors).toEqual([]);
    const content = validated.content!;
    const battlerGame = await tcgGameFor(content);
    try {
      const sample = samplePosition(battlerGame, content, 'battler-facts');
      const state = structuredClone(sample);
      const seat = state.active;
      const foe = 1 - seat;
      const mine = state.battler!.active[seat]!;
      const theirs = state.battler!.active[foe]!;
      // Two fire energy on our active creature (whatever it had before), the enemy's poisoned.
      for (const handle of Object.keys(state.cards))
        if (
          state.cards[handle]!.attachedTo === mine &&
          state.cards[handle]!.defId.endsWith('-energy')
        )
          state.cards[handle]!.attachedTo = theirs;
      const deck = state.players[seat]!.zones.deck!;
      const energy = deck.filter((h) => state.cards[h]!.defId.endsWith('-energy')).slice(0, 2);
      expect(energy).toHaveLength(2);
      for (const handle of energy) {
        deck.splice(deck.indexOf(handle), 1);
        Object.assign(state.cards[handle]!, {
          defId: 'spirit/fire-energy',
          zone: 'attached',
          attachedTo: mine,
        });
      }
      state.cards[theirs]!.conditions = ['poisoned'];
      const board = state.players[seat]!.zones.board!;
      // The dry run puts the card on its controller's board when it is not there (a bench spot).
      const placed = board.some((h) => state.cards[h]!.defId === 'spirit/sproutle') ? 0 : 1;
      const bench = board.filter((h) => h !== mine).length + placed;
      const prizes = state.players[foe]!.zones.prizes!.length;
      expect(prizes).toBeGreaterThan(0);

      const run = dryRunCardAbility({
        content,
        scripts: battlerGame.scriptsFor(content)!,
        state,
        card: 'spirit/sproutle',
        seed: 'battler-facts',
      });
      expect(run.failure).toBeNull();
      const amounts = run.effects.map((e) => [e.do, (e as { amount: number }).amount]);
      expect(amounts).toEqual([
        ['damage', 2],
        ['damage', bench],
        ['damage', prizes],
        ['heal', 1],
        ['heal', 2],
      ]);
      const attack = dryRunCardAbility({
        content,
        scripts: battlerGame.scriptsFor(content)!,
        state,
        card: 'spirit/sproutle',
        ability: 1,
        seed: 'battler-facts',
      });
      expect(attack.failure).toBeNull();
      expect(attack.ability).toMatchObject({ id: `attack:${String(strike.id)}`, entry: 'strike' });
      expect(attack.bindings).toEqual({ defender: [theirs] });
      expect(attack.effects).toEqual([{ do: 'damage', to: '$lua1', amount: 10 * bench }]);
      expect(attack.scriptBindings).toEqual({ lua1: [theirs] });
    } finally {
      battlerGame.dispose();
    }
  });
});

describe('a dry run runs a unit’s ability from where a match would run it', () => {
  it('puts a "start of your turn" unit on its board, though a copy is in its hand or deck', async () => {
    const hourglass = await hourglassGame();
    try {
      const content = contentOf(hourglass);
      const state = samplePosition(hourglass, content, '0');
      const oracle = 'hourglass/hourglass-oracle';
      const mine = state.players[state.active]!.zones;
      const where = (zone: string) =>
        (mine[zone] ?? []).some((h) => state.cards[h]!.defId === oracle);
      // The position holds the oracle, but not on its board: the case a match never runs.
      expect(where('board')).toBe(false);
      expect(where('hand') || where('deck')).toBe(true);
      const run = dryRunCardAbility({
        content,
        scripts: hourglass.scriptsFor(content)!,
        state,
        card: oracle,
      });
      const { friendly } = run.context as { friendly: { board: { id: string }[] } };
      expect(friendly.board.map((u) => u.id)).toContain(run.source);
      // Two units against one: it counts itself, as on the table.
      expect(run.effects).toEqual([
        { do: 'resource', player: '$controller', op: 'gain', amount: 1 },
      ]);
    } finally {
      hourglass.dispose();
    }
  });
});

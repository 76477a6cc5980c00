import { describe, expect, it } from 'vitest';
import {
  chooseLuaAbility,
  dryRunCardAbility,
  grantableLuaAbilities,
  luaAbilitiesOf,
  samplePosition,
  validateContentPackage,
} from '../src/index.ts';
import { tcgGameFor } from '../src/play/game-for-content.ts';
import { runAbilityTests } from '../src/package/ability-tests.ts';
import { join } from 'node:path';
import { withDogEared } from './dog-eared.ts';
import { readPackage, REEF } from './package-files.ts';

const HOURGLASS = join(import.meta.dirname, 'packages/hourglass');

/**
 * The hourglass package with the "Dog-eared" keyword (see `withDogEared`), and these tests;
 * `printed` false leaves the keyword on no card (a match could still grant it).
 */
function hourglassWithLuaKeyword(tests?: unknown[], printed = true) {
  const files = readPackage(HOURGLASS);
  const edited = withDogEared((path) => String(files.get(path)), printed);
  for (const [path, text] of Object.entries(edited)) files.set(path, text);
  if (tests) files.set('tests.json', JSON.stringify({ schema: 'tcg/tests@1', tests }));
  return files;
}

const withTests = (tests: unknown) => {
  const files = readPackage(REEF);
  files.set('tests.json', JSON.stringify({ schema: 'tcg/tests@1', tests }, null, 2));
  return files;
};

describe('ability tests (tests.json), run by the validator', () => {
  it('passes when the ability produces exactly the expected effects at the seeded position', async () => {
    const plain = await validateContentPackage(readPackage(REEF));
    const [result] = await runAbilityTests(plain.content!, [
      { name: 'dive', card: 'reef/pearl-diver', expect: [] },
    ]);
    expect(result!.passed).toBe(false);
    expect(result!.usage!.instructions).toBeGreaterThan(0);
    expect(result!.usage!.memoryBytes).toBeGreaterThan(0);
    const effects = result!.effects!;
    expect(effects.map((e) => (e as { do: string }).do)).toEqual(['damage', 'summon']);

    const good = await validateContentPackage(
      withTests([
        { name: 'dive hits and summons', card: 'reef/pearl-diver', expect: effects },
        // The ability named by its id, as the studio saves a test of a card's other abilities.
        { name: 'by id', card: 'reef/pearl-diver', ability: 'dive', expect: effects },
      ]),
    );
    expect(good.errors).toEqual([]);
    expect(good.ok).toBe(true);
    const unknown = await validateContentPackage(
      withTests([{ name: 'sink', card: 'reef/pearl-diver', ability: 'sink', expect: effects }]),
    );
    expect(unknown.errors.map((d) => d.message)).toEqual([
      'sink: reef/pearl-diver has no Lua ability "sink": choose 0 or dive.',
    ]);
  });

  it('reports a failing test at its place in tests.json with what it got', async () => {
    const bad = await validateContentPackage(
      withTests([
        { name: 'ok shape', card: 'reef/pearl-diver', expect: 'failure' },
        { name: 'wrong', card: 'reef/pearl-diver', expect: [{ do: 'draw' }] },
      ]),
    );
    expect(bad.ok).toBe(false);
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors[0]).toMatchObject({
      code: 'ABILITY_TEST_FAILED',
      file: 'tests.json',
      path: 'tests[0]',
      message: 'ok shape: expected the ability to fail, but it produced effects',
    });
    expect(bad.errors[1]!.message).toMatch(/^wrong: expected \[\{"do":"draw"\}\], got \[\{/);
    expect(bad.errors[1]!.line).toBeGreaterThan(1);
  });

  it('says where and why a script under test fails, and a dry run still runs with the test failing', async () => {
    const files = withTests([{ name: 'dives', card: 'reef/pearl-diver', expect: [] }]);
    files.set(
      'lua/pearl_diver.lua',
      'function dive()\n  damage(state.enemy.hero, #state.enemy.bord)\nend\n',
    );
    const bad = await validateContentPackage(files);
    expect(bad.errors.map((d) => d.message)).toEqual([
      "dives: the ability failed: pearl_diver.lua:2: RUNTIME: attempt to get length of a nil value (field 'bord')",
    ]);
    const forDryRun = await validateContentPackage(files, { abilityTests: false });
    expect(forDryRun.errors).toEqual([]);
    expect(forDryRun.content).toBeDefined();
  });

  it('refuses a malformed tests.json with the field at fault', async () => {
    const bad = await validateContentPackage(withTests([{ name: '', card: 'x', expect: [] }]));
    expect(bad.errors).toEqual([
      expect.objectContaining({ code: 'TESTS_SCHEMA', path: 'tests[0].name' }),
    ]);
  });

  it("sets the event a triggered ability sees: Lanternfall's Willow Hag draws at 2 damage", async () => {
    const lanternfall = await validateContentPackage(
      readPackage(join(import.meta.dirname, 'packages/lanternfall')),
    );
    const hag = (event?: object) => ({
      name: 'hag',
      card: 'lan/willow-hag',
      seed: '0',
      ...(event ? { event } : {}),
      expect: [],
    });
    const [sample, hurt] = await runAbilityTests(lanternfall.content!, [hag(), hag({ amount: 2 })]);
    const dos = (effects: unknown[] | null) => effects!.map((e) => (e as { do: string }).do);
    expect(dos(sample!.effects)).toEqual(['modify']);
    expect(dos(hurt!.effects)).toEqual(['modify', 'draw']);
    const bad = await validateContentPackage(
      withTests([{ ...hag({ amount: 'two' }), card: 'reef/pearl-diver' }]),
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({
        code: 'TESTS_SCHEMA',
        path: 'tests[0].event',
        message: expect.stringContaining('"amount" must be a number'),
      }),
    ]);
  });

  it('reaches a Lua effect nested in an if or a choose, named by its ability and path, with what a match bound on the way', async () => {
    const keeper = {
      id: 'reef/tide-keeper',
      name: 'Tide Keeper',
      type: 'spell',
      cost: 1,
      abilities: [
        {
          id: 'cast',
          kind: 'spell',
          text: 'Choose an enemy unit: the tide takes it. Then draw a card, or flood.',
          effects: [
            { do: 'chooseTargets', id: 'prey', from: 'unit & enemy' },
            {
              do: 'if',
              cond: { exists: 'unit & enemy' },
              then: [{ do: 'lua', module: 'tides', entry: 'ebb' }],
            },
            {
              do: 'choose',
              options: [
                { label: 'Draw', effects: [{ do: 'draw', player: '$controller', count: 1 }] },
                { label: 'Flood', effects: [{ do: 'lua', module: 'tides', entry: 'flood' }] },
              ],
            },
          ],
        },
      ],
    };
    const ebb = 'cast.effects[1].then[0]';
    const flood = 'cast.effects[2].options[1].effects[0]';
    expect(
      luaAbilitiesOf(keeper as never, {}).map((found) => [found.name, found.lua.entry]),
    ).toEqual([
      [ebb, 'ebb'],
      [flood, 'flood'],
    ]);
    // The bare id is the ability's first Lua call; a path may also follow an id that has one.
    expect(chooseLuaAbility(keeper as never, {}, 'cast').name).toBe(ebb);
    expect(chooseLuaAbility(keeper as never, {}, 1).name).toBe(flood);
    expect(() => chooseLuaAbility(keeper as never, {}, 'ebb')).toThrow(
      `reef/tide-keeper has no Lua ability "ebb": choose 0 or ${ebb}, 1 or ${flood}.`,
    );
    expect(
      chooseLuaAbility(
        { id: 'x/y', abilities: [keeper.abilities[0]!] } as never,
        {},
        `cast.effects[1].then[0]`,
      ).position,
    ).toBe(0);

    // A card without Lua whose token has some says which id to name.
    const moth = { id: 'x/moth', tokens: { spark: { ...keeper, name: 'Spark' } } };
    expect(() => chooseLuaAbility(moth as never, {})).toThrow(
      'x/moth has no Lua ability; its token "x/moth#spark" has one: name that id as the card.',
    );

    const files = readPackage(REEF);
    const cards = JSON.parse(String(files.get('cards.json')));
    cards.cards.push(keeper);
    files.set('cards.json', JSON.stringify(cards));
    files.set(
      'lua/tides.lua',
      'function ebb()\n  damage(state.bindings.prey[1], 1)\nend\n' +
        'function flood()\n  draw(state.friendly.hero, 2)\nend\n',
    );
    const content = (await validateContentPackage(files)).content!;
    const [first, second] = await runAbilityTests(content, [
      { name: 'ebb', card: 'reef/tide-keeper', expect: [] },
      { name: 'flood', card: 'reef/tide-keeper', ability: flood, expect: [] },
    ]);
    // `prey` was bound (to the first enemy unit) as the chooseTargets before the if binds it in
    // a match: unbound, `state.bindings.prey[1]` would fail the script.
    expect(first!.failure).toBeNull();
    expect(first!.effects).toEqual([{ do: 'damage', to: '$lua1', amount: 1 }]);
    expect(second!.effects).toEqual([{ do: 'draw', player: '$controller', count: 2 }]);

    files.set(
      'tests.json',
      JSON.stringify({
        schema: 'tcg/tests@1',
        tests: [
          { name: 'ebb', card: 'reef/tide-keeper', ability: ebb, expect: first!.effects },
          { name: 'flood', card: 'reef/tide-keeper', ability: flood, expect: [] },
        ],
      }),
    );
    const checked = await validateContentPackage(files);
    expect(checked.errors.map((d) => d.message)).toEqual([
      'flood: expected [], got [{"count":2,"do":"draw","player":"$controller"}]',
    ]);
  });

  it("lists the Lua abilities a card's keywords give it, runs them as the keyword's, and tests them", async () => {
    const files = hourglassWithLuaKeyword();
    const content = (await validateContentPackage(files, { abilityTests: false })).content!;
    const { keywords } = content.ruleset;
    const golem = content.cards.get('hourglass/sand-golem')!;
    const oracle = content.cards.get('hourglass/hourglass-oracle')!;
    // The card's own first, then its keywords', indexed as the engine adds them (the golem's
    // first ability is the one its Sandfall gives it, in data).
    const names = (def: typeof golem) =>
      luaAbilitiesOf(def, keywords).map((found) => [found.name, found.keyword, found.index]);
    expect(names(golem)).toEqual([
      ['dogeared:fold', 'dogeared', 1],
      ['dogeared:tear', 'dogeared', 2],
    ]);
    expect(names(oracle)).toEqual([
      ['trickle', undefined, 0],
      ['dogeared:fold', 'dogeared', 1],
      ['dogeared:tear', 'dogeared', 2],
    ]);
    // Named by keyword and id, by the bare id, or by position.
    for (const choice of ['dogeared:fold', 'fold', 1])
      expect(chooseLuaAbility(oracle, keywords, choice).name).toBe('dogeared:fold');
    expect(() => chooseLuaAbility(oracle, keywords, 'smudge')).toThrow(
      'hourglass/hourglass-oracle has no Lua ability "smudge": choose 0 or trickle, 1 or dogeared:fold, 2 or dogeared:tear.',
    );

    const drawn = [{ do: 'draw', player: '$controller', count: 1 }];
    const [fold, byName, tear] = await runAbilityTests(content, [
      { name: 'fold', card: 'hourglass/sand-golem', expect: drawn },
      { name: 'by name', card: 'hourglass/hourglass-oracle', ability: 'fold', expect: drawn },
      { name: 'tear', card: 'hourglass/sand-golem', ability: 'tear', expect: 'failure' },
    ]);
    expect(fold).toMatchObject({ passed: true, effects: drawn });
    expect(byName).toMatchObject({ passed: true, effects: drawn });
    expect(tear!.passed).toBe(true);
    // Run as the keyword's, as a match runs it, "#grain" is no token of its: refused as there.
    const game = await tcgGameFor(content);
    try {
      const run = dryRunCardAbility({
        content,
        scripts: game.scriptsFor(content)!,
        state: samplePosition(game, content),
        card: 'hourglass/sand-golem',
        ability: 'tear',
      });
      expect(run.ability).toMatchObject({ name: 'dogeared:tear', keyword: 'dogeared', index: 2 });
      expect(run.failure!.detail).toContain(
        'an ability of the keyword "dogeared" belongs to no card',
      );
    } finally {
      game.dispose();
    }

    const checked = await validateContentPackage(
      hourglassWithLuaKeyword([
        { name: 'fold', card: 'hourglass/sand-golem', expect: drawn },
        {
          name: 'fold by name',
          card: 'hourglass/sand-golem',
          ability: 'dogeared:fold',
          expect: [],
        },
      ]),
    );
    expect(checked.errors.map((d) => d.message)).toEqual([
      'fold by name: expected [], got [{"count":1,"do":"draw","player":"$controller"}]',
    ]);
  });

  it('runs a keyword no card prints, as a match grants it to a unit, and says so', async () => {
    const files = hourglassWithLuaKeyword(undefined, false);
    const content = (await validateContentPackage(files, { abilityTests: false })).content!;
    const { keywords } = content.ruleset;
    const scribe = content.cards.get('hourglass/dust-scribe')!;
    // Not listed (nothing on the card says a match will grant it), but named it runs.
    expect(luaAbilitiesOf(scribe, keywords)).toEqual([]);
    expect(
      grantableLuaAbilities(scribe, keywords).map((found) => [found.name, found.granted]),
    ).toEqual([
      ['dogeared:fold', true],
      ['dogeared:tear', true],
    ]);
    expect(() => chooseLuaAbility(scribe, keywords, 'fold')).toThrow(
      'hourglass/dust-scribe has no Lua ability of its own; or, as a match may grant it a keyword, dogeared:fold, dogeared:tear.',
    );
    expect(chooseLuaAbility(scribe, keywords, 'dogeared:fold').granted).toBe(true);

    const game = await tcgGameFor(content);
    try {
      const dryRun = (card: string) =>
        dryRunCardAbility({
          content,
          scripts: game.scriptsFor(content)!,
          state: samplePosition(game, content),
          card,
          ability: 'dogeared:fold',
        });
      const run = dryRun('hourglass/dust-scribe');
      expect(run.ability).toMatchObject({ name: 'dogeared:fold', granted: true });
      expect(run.effects).toEqual([{ do: 'draw', player: '$controller', count: 1 }]);
      // The unit the script runs from has the keyword, as a granted one has it in a match.
      const context = run.context as { friendly: { board: { id: string; keywords: string[] }[] } };
      const self = context.friendly.board.find((unit) => unit.id === run.source)!;
      expect(self.keywords).toContain('dogeared');
      // A spell is never granted a keyword: the dry run refuses rather than run what cannot be.
      expect(() => dryRun('hourglass/redact')).toThrow(
        'hourglass/redact is not a unit: only a unit on the board can be granted a keyword and its abilities.',
      );
    } finally {
      game.dispose();
    }
    const [test] = await runAbilityTests(content, [
      {
        name: 'granted',
        card: 'hourglass/dust-scribe',
        ability: 'dogeared:fold',
        expect: [{ do: 'draw', player: '$controller', count: 1 }],
      },
    ]);
    expect(test).toMatchObject({ passed: true });
  });
});

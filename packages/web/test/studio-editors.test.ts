import { describe, expect, it } from 'vitest';
import {
  TCG_SCRIPT_EFFECTS,
  cardText,
  rulesetSchema,
  validateContentPackage,
  type Ruleset,
} from '@cardtable/tcg';
import { BASE_GLOBALS, CONTEXT_GLOBALS } from '@cardtable/sandbox';
import { lengthHistogram } from '../src/studio/balance-stats.ts';
import { blankGame, starterGame } from '../src/studio/blank-game.ts';
import {
  duplicateCard,
  starterLuaAbility,
  visibleCards,
  withoutStarterSpell,
  withType,
} from '../src/studio/card-list.ts';
import { addCopies, costCurve, freeDeckId } from '../src/studio/deck-math.ts';
import { atPath, messageAt, plainPath, tabOf, validationWords } from '../src/studio/diagnostics.ts';
import {
  cardsOf,
  freeCardId,
  luaPath,
  slugWords,
  withCards,
  withDecks,
  withTests,
  writeText,
  type CardJson,
  type DraftFiles,
} from '../src/studio/draft-files.ts';
import { edit, redo, seal, startHistory, undo } from '../src/studio/history.ts';
import { setIn } from '../src/studio/json-edit.ts';
import { luaCompletions, luaDiagnostics, wordBefore } from '../src/studio/lua-assist.ts';
import { diffCards, nextVersion, versionNameProblem } from '../src/studio/publish-diff.ts';
import { helpFor, RULESET_HELP } from '../src/studio/ruleset-help.ts';
import { emptyValue, fieldKind, resolve, type SchemaNode } from '../src/studio/schema-walk.ts';

const card = (id: string, name: string, cost: number, extra: Partial<CardJson> = {}): CardJson => ({
  id,
  name,
  type: 'unit',
  cost,
  stats: { attack: 1, health: 1 },
  art: { palette: 'ember', glyph: 'star' },
  ...extra,
});

describe('the studio history (one undo for every edit)', () => {
  it('undoes and redoes whole edits; a new edit drops the redo branch', () => {
    let h = startHistory('a');
    h = edit(h, 'b');
    h = edit(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = redo(h);
    expect(h.present).toBe('c');
    h = undo(undo(h));
    expect(h.present).toBe('a');
    h = edit(h, 'x');
    expect(h.future).toEqual([]);
    expect(redo(h).present).toBe('x');
    expect(undo(startHistory('z')).present).toBe('z');
  });

  it('merges edits with the same key until sealed', () => {
    let h = startHistory('');
    for (const text of ['P', 'Po', 'Poc']) h = edit(h, text, 'name');
    expect(h.past).toEqual(['']);
    h = seal(h);
    h = edit(h, 'Pock', 'name');
    expect(h.past).toEqual(['', 'Poc']);
    expect(undo(undo(h)).present).toBe('');
  });
});

describe('draft files', () => {
  it('a blank game is a valid ruleset: the validator finds only the empty card list', async () => {
    const files = blankGame('7seas', 'Seven Seas');
    const result = await validateContentPackage(
      new Map(Object.entries(files) as [string, string][]),
    );
    expect(result.errors.filter((d) => d.file === 'ruleset.json')).toEqual([]);
    expect(result.errors.map((d) => d.file)).toContain('cards.json');
    // In words a creator reads, not the validator's `item(s)`.
    expect(result.errors.find((d) => d.file === 'cards.json')?.message).toBe(
      'must have at least 1 entry',
    );
    expect(JSON.parse(files['ruleset.json'] as string).id).toBe('g7seas');
  });

  it('a starter game is valid at once: cards, decks and a Lua ability, nothing to fix', async () => {
    const files = starterGame('7seas', 'Seven Seas');
    const result = await validateContentPackage(
      new Map(Object.entries(files) as [string, string][]),
    );
    expect(result.errors).toEqual([]);
    expect(cardsOf(files)).toHaveLength(7);
    expect(Object.keys(files)).toContain('lua/healer.lua');
    expect(JSON.parse(files['decks.json'] as string).decks).toHaveLength(2);
    expect(JSON.parse(files['ruleset.json'] as string)).toMatchObject({
      id: 'g7seas',
      name: 'Seven Seas',
    });
  });

  it('"Add a Lua ability" leaves a spell valid: its first Lua ability is the spell it casts', async () => {
    const withStarter = (files: DraftFiles, target: CardJson, typeKind: string) => {
      const { module, ability, script } = starterLuaAbility(target, typeKind);
      const abilities = [...(target.abilities ?? []), ability];
      const next = withCards(writeText(files, luaPath(module), script), [{ ...target, abilities }]);
      return { files: next, card: cardsOf(next)[0]! };
    };
    const spell = card('duel/frost-nova', 'Frost Nova', 2, { type: 'spell' });
    delete spell.stats;
    let added = withStarter(blankGame('duel', 'Duel'), spell, 'spell');
    expect(added.card.abilities?.map((a) => a.kind)).toEqual(['spell']);
    const problems = async (files: DraftFiles) =>
      (await validateContentPackage(new Map(Object.entries(files) as [string, string][]))).errors
        .filter((d) => d.file !== 'decks.json')
        .map((d) => d.message);
    expect(await problems(added.files)).toEqual([]);
    // A second one is a trigger: a spell casts exactly one spell ability.
    added = withStarter(added.files, added.card, 'spell');
    expect(added.card.abilities?.map((a) => [a.kind, a.id])).toEqual([
      ['spell', 'ability1'],
      ['triggered', 'ability2'],
    ]);
    expect(await problems(added.files)).toEqual([]);
    const unit = withStarter(blankGame('duel', 'Duel'), card('duel/imp', 'Imp', 1), 'unit');
    expect(unit.card.abilities?.[0]).toMatchObject({
      kind: 'triggered',
      trigger: { on: 'summoned' },
    });
    expect(await problems(unit.files)).toEqual([]);
  });

  it('a new spell is valid from the start: it draws a card, as data, without Lua', async () => {
    const files = blankGame('duel', 'Duel');
    const ruleset = JSON.parse(files['ruleset.json'] as string) as Ruleset;
    const problems = async (cards: CardJson[]) =>
      (
        await validateContentPackage(
          new Map(Object.entries(withCards(files, cards)) as [string, string][]),
        )
      ).errors
        .filter((d) => d.file !== 'decks.json')
        .map((d) => `${d.path}: ${d.message}`);
    const art = { palette: 'ember', glyph: 'star' };
    const unit = withType(
      { id: 'duel/new-card', name: 'New card', type: 'unit', cost: 1, art },
      'unit',
      'unit',
    );
    expect(unit.stats).toEqual({ attack: 1, health: 1 });
    const spell = withType({ ...unit, speed: 'instant' }, 'spell', 'spell');
    expect(spell.stats).toBeUndefined();
    expect(spell.abilities).toEqual([
      { id: 'cast', kind: 'spell', effects: [{ do: 'draw', player: '$controller', count: 1 }] },
    ]);
    expect(await problems([spell])).toEqual([]);
    expect(cardText(spell as never, ruleset, () => '')).toBe('Draw a card.');
    // Back to a unit: the untouched starter and instant speed go, so it is valid again.
    expect(withType(spell, 'unit', 'unit')).toEqual(unit);
    expect(await problems([withType(spell, 'unit', 'unit')])).toEqual([]);
    // A creator's own spell ability stays, edited starter included (the validator says why).
    const edited = {
      ...spell,
      abilities: [
        { ...spell.abilities![0]!, effects: [{ do: 'draw', player: '$controller', count: 2 }] },
      ],
    };
    expect(withType(edited, 'spell', 'spell')).toEqual(edited);
    expect(withType(edited, 'unit', 'unit').abilities).toEqual(edited.abilities);
    // Its id is free among the card's abilities.
    const triggered = { id: 'cast', kind: 'triggered', trigger: { on: 'played' }, effects: [] };
    expect(
      withType({ ...unit, abilities: [triggered] }, 'spell', 'spell').abilities?.map((a) => a.id),
    ).toEqual(['cast2', 'cast']);
    // "Add a Lua ability" on a new spell: the Lua is what it casts, in place of the starter.
    const base = withoutStarterSpell(spell);
    const { module, ability, script } = starterLuaAbility(base, 'spell');
    const lua = { ...base, abilities: [ability] };
    expect(lua.abilities.map((a) => a.kind)).toEqual(['spell']);
    const luaFiles = withCards(writeText(files, luaPath(module), script), [lua]);
    const luaErrors = (
      await validateContentPackage(new Map(Object.entries(luaFiles) as [string, string][]))
    ).errors.filter((d) => d.file !== 'decks.json');
    expect(luaErrors).toEqual([]);
  });

  it('cards, decks and tests round-trip through their files; ids stay unique', () => {
    let files = blankGame('duel', 'Duel');
    const cards = [card('duel/imp', 'Imp', 1)];
    files = withCards(files, cards);
    expect(cardsOf(files)).toEqual(cards);
    expect(freeCardId(cards, 'duel', 'Imp')).toBe('duel/imp-2');
    expect(freeCardId(cards, 'duel', 'Fire Élan!')).toBe('duel/fire-elan');
    // A game's address name has no card fallback: nothing to keep is nothing yet.
    expect(slugWords('')).toBe('');
    expect(slugWords('日本')).toBe('');
    expect(freeCardId([], 'duel', '日本')).toBe('duel/card');
    expect(slugWords(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
    files = withDecks(files, [{ id: 'A', name: 'A', cards: [{ card: 'duel/imp', count: 2 }] }]);
    expect(JSON.parse(files['decks.json'] as string).ruleset).toBe('duel');
    expect(withTests(files, [])['tests.json']).toBeUndefined();
    expect(
      JSON.parse(
        withTests(files, [{ name: 't', card: 'duel/imp', expect: [] }])['tests.json'] as string,
      ).schema,
    ).toBe('tcg/tests@1');
  });

  it('setIn copies along the path and removes a key set to undefined', () => {
    const value = { a: { b: [1, { c: 2 }] }, d: 1 };
    const next = setIn(value, ['a', 'b', 1, 'c'], 3) as typeof value;
    expect(next.a.b[1]).toEqual({ c: 3 });
    expect(value.a.b[1]).toEqual({ c: 2 });
    expect(setIn(value, ['d'], undefined)).toEqual({ a: value.a });
  });
});

describe('the ruleset form, from the published schema', () => {
  const root = rulesetSchema as SchemaNode;
  const props = root.properties as Record<string, SchemaNode>;

  it('turns each schema node into its control', () => {
    expect(fieldKind(props.players!, root).kind).toBe('object');
    expect(fieldKind(props.mulligan!, root)).toEqual({
      kind: 'enum',
      values: ['none', 'replaceChosen', 'untilBasic'],
    });
    expect(fieldKind(props.battler!, root).kind).toBe('object');
    const battler = resolve(props.battler!, root).properties as Record<string, SchemaNode>;
    expect(fieldKind(battler.conditions!, root).kind).toBe('record');
    expect(fieldKind(battler.energyTypes!, root).kind).toBe('list');
    expect(fieldKind(props.resources!, root)).toMatchObject({ kind: 'tagged', tag: 'model' });
    expect(fieldKind(props.cardTypes!, root).kind).toBe('record');
    expect(fieldKind(props.zones!, root).kind).toBe('list');
    const life = (resolve(props.players!, root).properties as Record<string, SchemaNode>).life!;
    expect(fieldKind(life, root)).toEqual({ kind: 'integer', min: 1, max: 999 });
    expect(emptyValue(props.resources!, root)).toMatchObject({ model: 'pool' });
  });

  it('explains every field of the ruleset (help by path, list positions and record keys generalised)', () => {
    for (const key of Object.keys(props)) expect(RULESET_HELP[key], key).toBeTruthy();
    expect(helpFor('turn.phases[2].kind')).toMatch(/auto/);
    expect(helpFor('cardTypes.creature.thenTo')).toMatch(/spell/);
    expect(helpFor('battler.conditions.burned.checkup.flipToRemove')).toMatch(/heads/);
  });

  it('explains every field of the battler section, down to its conditions', () => {
    const missing: string[] = [];
    const walk = (node: SchemaNode, path: string): void => {
      if (!helpFor(path)) missing.push(path);
      const kind = fieldKind(node, root);
      if (kind.kind === 'record') walk(kind.values, `${path}.x`);
      const fields = resolve(node, root).properties as Record<string, SchemaNode> | undefined;
      if (kind.kind === 'object' && fields)
        for (const [key, child] of Object.entries(fields)) walk(child, `${path}.${key}`);
    };
    walk(props.battler!, 'battler');
    expect(missing).toEqual([]);
  });

  it("places the validator's diagnostics at their fields", () => {
    expect(plainPath('cards[1] (reef/crab).cost')).toBe('cards[1].cost');
    const d = [
      {
        severity: 'error' as const,
        code: 'SCHEMA',
        file: 'ruleset.json',
        path: 'players.life',
        message: 'm',
      },
      {
        severity: 'error' as const,
        code: 'SCHEMA',
        file: 'ruleset.json',
        path: 'win[0].check.count',
        message: 'n',
      },
    ];
    expect(atPath(d, 'ruleset.json', 'players.life')).toHaveLength(1);
    expect(atPath(d, 'ruleset.json', 'win[0]')).toHaveLength(0);
    expect(atPath(d, 'ruleset.json', 'win[0]', true)).toHaveLength(1);
    // A field shown as JSON says where inside it the problem is.
    expect(messageAt(d[1]!, 'win[0]')).toBe('check.count: n');
    expect(messageAt(d[0]!, 'players.life')).toBe('m');
    const below = { ...d[0]!, path: 'cards[0] (x/y).abilities[0].effects[0].player' };
    expect(messageAt(below, 'cards[0].abilities')).toBe('[0].effects[0].player: m');
  });

  it('sends each error of the badge to the tab that fixes it', () => {
    const at = (file: string | undefined) => ({
      severity: 'error' as const,
      code: 'SCHEMA',
      message: 'm',
      ...(file === undefined ? {} : { file }),
    });
    expect(tabOf(at('cards.json'))).toBe('cards');
    expect(tabOf(at('decks.json'))).toBe('decks');
    expect(tabOf(at('lua/night_rook.lua'))).toBe('lua');
    expect(tabOf(at('tests.json'))).toBe('lua');
    expect(tabOf(at('ruleset.json'))).toBe('ruleset');
    expect(tabOf(at(undefined))).toBe('ruleset');
  });
});

describe('card list, decks, publishing', () => {
  it("the validation badge says each state once ('Checking…', never 'Checking… (checking)')", () => {
    const valid = { ok: true, errors: [], warnings: [] };
    expect(validationWords(null, true)).toBe('Checking…');
    expect(validationWords(valid, false)).toBe('Valid');
    expect(validationWords({ ...valid, warnings: [1] }, true)).toBe('Valid, 1 warning (checking)');
    expect(validationWords({ ok: false, errors: [1, 2], warnings: [] }, false)).toBe('2 errors');
    expect(validationWords({ ok: false, errors: [1], warnings: [] }, false)).toBe('1 error');
  });

  const cards = [
    card('s/b', 'Bear', 3),
    card('s/a', 'Ant', 1, { keywords: ['swift'] }),
    card('s/c', 'Crab', 1, { type: 'spell' }),
  ];

  it('searches, filters and sorts the card list', () => {
    expect(visibleCards(cards, { search: '', type: '', sort: 'cost' }).map((c) => c.name)).toEqual([
      'Ant',
      'Crab',
      'Bear',
    ]);
    expect(
      visibleCards(cards, { search: 'swift', type: '', sort: 'name' }).map((c) => c.name),
    ).toEqual(['Ant']);
    expect(
      visibleCards(cards, { search: '', type: 'spell', sort: 'name' }).map((c) => c.name),
    ).toEqual(['Crab']);
    expect(duplicateCard(cards[0]!, 's/b-2')).toMatchObject({
      id: 's/b-2',
      name: 'Bear (copy)',
      cost: 3,
    });
  });

  it('counts copies and draws the cost curve', () => {
    let deck = { id: 'A', name: 'A', cards: [] as { card: string; count: number }[] };
    deck = addCopies(addCopies(addCopies(deck, 's/a', 1), 's/a', 1), 's/b', 3);
    expect(deck.cards).toEqual([
      { card: 's/a', count: 2 },
      { card: 's/b', count: 3 },
    ]);
    expect(addCopies(deck, 's/a', -2).cards).toEqual([{ card: 's/b', count: 3 }]);
    expect(costCurve(deck, cards, 3)).toEqual({
      costs: ['0', '1', '2', '3+'],
      counts: [0, 2, 0, 3],
    });
    expect(freeDeckId([deck])).toBe('B');
  });

  it('says which cards were added, removed and changed since the last version', () => {
    const before = [
      card('s/a', 'Ant', 1),
      card('s/b', 'Bear', 3),
      { ...card('s/t', 'Tok', 0), token: true },
    ];
    const after = [card('s/a', 'Ant', 2), card('s/c', 'Crab', 1)];
    expect(diffCards(before, after)).toEqual({
      added: [{ id: 's/c', name: 'Crab' }],
      removed: [{ id: 's/b', name: 'Bear' }],
      changed: [{ id: 's/a', name: 'Ant', fields: ['cost'] }],
    });
    expect(nextVersion('1.2.9')).toBe('1.2.10');
  });

  it('says why a version name cannot be published, rather than only turning Publish off', () => {
    expect(versionNameProblem('1.0.1')).toBeNull();
    expect(versionNameProblem('1.0.0-β')).toBe(
      'A version name is three whole numbers with dots, like 1.0.1 ("1.0.0-β" is not).',
    );
    expect(versionNameProblem('')).toBe(
      'A version name is three whole numbers with dots, like 1.0.1.',
    );
  });

  it('histograms game lengths of finished games', () => {
    const record = (turns: number, done = true) => ({
      index: 0,
      decks: ['A', 'B'] as [string, string],
      outcome: done ? { winners: [0 as const], tie: false, reason: 'lifeZero' } : null,
      firstSeat: 0 as const,
      turns,
      actions: 0,
      played: [[], []] as [string[], string[]],
      scriptFailures: [],
      error: null,
    });
    expect(lengthHistogram([record(4), record(5), record(9), record(30, false)])).toEqual({
      labels: ['4–5', '6–7', '8–9'],
      counts: [2, 0, 1],
    });
  });
});

describe('the Lua editor', () => {
  it('completes the ability API from its one definition, with parameters and examples', () => {
    const options = luaCompletions(TCG_SCRIPT_EFFECTS, CONTEXT_GLOBALS, BASE_GLOBALS);
    const damage = options.find((o) => o.label === 'damage')!;
    expect(damage).toMatchObject({
      type: 'function',
      detail: 'damage(target, amount)',
      apply: 'damage(',
    });
    expect(damage.info).toContain('amount: integer 0..999');
    expect(
      options.filter((o) => o.type === 'function' && o.detail !== 'Lua base library'),
    ).toHaveLength(TCG_SCRIPT_EFFECTS.length);
    expect(options.map((o) => o.label)).toContain('state');
    expect(wordBefore('x = dam', 7)).toEqual({ from: 4, word: 'dam' });
  });

  it("turns the validator's Lua diagnostics into editor ranges on their line", () => {
    const text = 'function run()\n  damge(state.enemy.hero, 2)\nend\n';
    const [mark] = luaDiagnostics(text, 'lua/x.lua', [
      {
        severity: 'error',
        code: 'LUA_UNKNOWN_FUNCTION',
        file: 'lua/x.lua',
        line: 2,
        column: 3,
        message: "'damge' is not a function",
      },
      { severity: 'error', code: 'SCHEMA', file: 'cards.json', line: 1, message: 'elsewhere' },
    ]);
    expect(text.slice(mark!.from, mark!.to)).toBe('damge');
    expect(mark).toMatchObject({
      line: 2,
      severity: 'error',
      message: "'damge' is not a function (LUA_UNKNOWN_FUNCTION)",
    });
  });

  it('finds the same lint error in the browser as the server (the validator in the worker)', async () => {
    const files = blankGame('duel', 'Duel');
    const result = await validateContentPackage(
      new Map<string, string>([
        ...(Object.entries(files) as [string, string][]),
        ['lua/x.lua', 'function run()\n  damge(state.enemy.hero, 2)\nend\n'],
      ]),
    );
    const lua = result.errors.find((d) => d.file === 'lua/x.lua')!;
    expect(lua).toMatchObject({ code: 'LUA_UNKNOWN_FUNCTION', line: 2, column: 3 });
  });
});

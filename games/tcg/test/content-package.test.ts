import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cardText,
  checkImage,
  CONTENT_LIMITS,
  createSandboxScriptHost,
  validateContentPackage,
  type Diagnostic,
} from '../src/index.ts';
import { parseJsonLocated } from '../src/package/json-locations.ts';
import { png, webpLossless } from './images.ts';
import { readPackage as readFolder, REEF } from './package-files.ts';

const text = (files: Map<string, string | Uint8Array>, file: string) => {
  const data = files.get(file)!;
  return typeof data === 'string' ? data : new TextDecoder().decode(data);
};

/** The reef package with one file's text changed: `find` must occur exactly once. */
function reefWith(file: string, find: string, replace: string) {
  const files = readFolder(REEF);
  const before = text(files, file);
  expect(before.split(find)).toHaveLength(2);
  files.set(file, before.replace(find, replace));
  return files;
}

const SPIRITBOUND_RULESET = join(import.meta.dirname, '../content/spiritbound/ruleset.json');
const brief = (d: Diagnostic) =>
  [d.code, d.file, d.path, d.line, d.column].filter((x) => x !== undefined).join(' ');

describe('validateContentPackage: the reef test package', () => {
  it('is valid, without warnings, and returns the content the engine plays', async () => {
    const result = await validateContentPackage(readFolder(REEF));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.content?.ruleset.id).toBe('reef');
    expect(result.content?.cards.has('reef/pearl-diver#pearl')).toBe(true);
  });

  it('accepts art as PNG and WebP, recognised by their bytes', async () => {
    const files = readFolder(REEF);
    files.set('art/crab.png', png(64, 48));
    files.set('art/eel.webp', webpLossless(32, 32));
    expect(await validateContentPackage(files)).toMatchObject({ ok: true, errors: [] });
    expect(checkImage('art/crab.png', png(64, 48))).toEqual({
      ok: true,
      type: 'png',
      width: 64,
      height: 48,
    });
  });
});

/** The parts of a ruleset and a card file the edits below change. */
interface RulesetDoc {
  turn: { phases: { actions?: string[] }[] };
  resources: unknown;
  cardTypes: Record<string, unknown>;
}
interface CardsDoc {
  cards: { id: string; abilities: Record<string, unknown>[] }[];
}

describe("validateContentPackage: The Salt Road, a creator's race game", () => {
  it('is valid, without warnings, and says a deck pick and a move in its own words', async () => {
    const result = await validateContentPackage(
      readFolder(join(import.meta.dirname, 'packages/saltroad')),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const textOf = (id: string) => result.content!.cards.get(`saltroad/${id}`)!.text;
    // A deck's first card is its top one, and cards that can only be yours go to your zone.
    expect(textOf('pathfinder')).toBe(
      'Activate (2 coin; once a turn): Put the top card of your deck into your road.',
    );
    expect(textOf('forced-march')).toBe('Put the top 2 cards of your deck into your road.');
    expect(textOf('broken-axle')).toBe(
      "Put the first 2 cards in your opponent's road into your opponent's discard.",
    );
  });
});

describe("validateContentPackage: The Bone Orchard, a creator's duel of hand disruption", () => {
  const ORCHARD = join(import.meta.dirname, 'packages/orchard');

  it('is valid, without warnings, and says its hexes in its own words', async () => {
    const result = await validateContentPackage(readFolder(ORCHARD));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const textOf = (id: string) => result.content!.cards.get(`orchard/${id}`)!.text;
    expect(textOf('grave-bargain')).toBe(
      'Your opponent chooses one: Let them draw two (draw 2 cards); or Lose a card at random (your opponent discards a card at random).',
    );
    expect(textOf('harrow-crow')).toBe(
      "When you play this, reveal a random card in your opponent's hand to you.",
    );
    expect(textOf('ossuary-knight')).toBe('Bulwark. Restless.');
    // An attack and a health change of one target read as one, as cards print them.
    expect(textOf('marrow-hound')).toBe('Whenever another friendly shade dies, give this +1/+1.');
  });

  it("warns where a player would pick among cards they cannot see (another's hand, a deck)", async () => {
    const files = readFolder(ORCHARD);
    const cards = JSON.parse(text(files, 'cards.json')) as CardsDoc;
    const whisper = cards.cards.find((c) => c.id === 'orchard/widows-whisper')!;
    const take = (from: string, chooser?: string) => ({
      do: 'move',
      cards: { pick: 'chosen', from, count: 1, ...(chooser ? { chooser } : {}) },
      to: 'discard',
    });
    whisper.abilities[0]!.effects = [
      { do: 'reveal', cards: 'card & enemy & @hand', to: '$controller' },
      take('card & enemy & @hand'),
      take('card & @deck'),
      take('card & enemy & @hand', '$opponent'),
      take('card & friendly & @hand'),
      take('(card & enemy & @hand) | (card & friendly & @hand)'),
    ];
    files.set('cards.json', JSON.stringify(cards, null, 2));
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      [
        'CHOOSER_CANNOT_SEE',
        'cards[9] (orchard/widows-whisper).abilities[0].effects[1].cards.from',
      ],
      [
        'CHOOSER_CANNOT_SEE',
        'cards[9] (orchard/widows-whisper).abilities[0].effects[2].cards.from',
      ],
    ]);
    expect(result.warnings[0]!.message).toMatch(/cards in the hand, which the chooser cannot see/);
  });
});

describe("validateContentPackage: Hollowmere, a creator's game with activated abilities", () => {
  const HOLLOWMERE = join(import.meta.dirname, 'packages/hollowmere');
  /** Hollowmere with its JSON files changed by `edit`. */
  const hollowmereWith = (edit: (ruleset: RulesetDoc, cards: CardsDoc) => void) => {
    const files = readFolder(HOLLOWMERE);
    const ruleset = JSON.parse(text(files, 'ruleset.json')) as RulesetDoc;
    const cards = JSON.parse(text(files, 'cards.json')) as CardsDoc;
    edit(ruleset, cards);
    files.set('ruleset.json', JSON.stringify(ruleset, null, 2));
    files.set('cards.json', JSON.stringify(cards, null, 2));
    return files;
  };
  const card = (cards: CardsDoc, id: string) => cards.cards.find((c) => c.id === id)!;

  it("is valid, without warnings, and generates the activated abilities' text", async () => {
    const result = await validateContentPackage(readFolder(HOLLOWMERE));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.content!.cards.get('hollow/lantern-keeper')!.text).toBe(
      'Activate (2 embers; once a turn): Deal 1 damage to an enemy thrall.',
    );
    // Its warden has resolve, not life: healing a warden restores resolve.
    expect(result.content!.cards.get('hollow/reed-totem')!.text).toBe(
      'Stalwart.\nAt the start of your turn, restore 1 resolve to your warden.',
    );
    expect(result.content!.cards.get('hollow/bone-totem')!.text).toBe(
      'All friendly thralls have +1 attack.\nActivate (exhaust; once a turn): Deal 1 damage to each enemy thrall.',
    );
  });

  it('warns when no main phase lets anyone activate them', async () => {
    const files = hollowmereWith((ruleset) => {
      ruleset.turn.phases[2]!.actions = ['attack', 'play'];
    });
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(brief)).toEqual([
      expect.stringContaining('NO_ACTIVATE_PHASE ruleset.json turn.phases'),
    ]);
    expect(result.warnings[0]!.message).toContain('hollow/lantern-keeper');
  });

  it('refuses an activated ability on a card that is not a unit, and a cost with attached energy', async () => {
    const files = hollowmereWith((ruleset, cards) => {
      card(cards, 'hollow/hex').abilities.push({
        id: 'again',
        kind: 'activated',
        effects: [{ do: 'draw', player: '$controller', count: 1 }],
      });
      ruleset.resources = { model: 'attached', id: 'embers', name: 'embers', perTurn: 1 };
      ruleset.cardTypes.ember = { kind: 'energy', name: 'Ember' };
    });
    const errors = (await validateContentPackage(files)).errors;
    expect(errors.map(brief)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'REFERENCE cards.json cards[7] (hollow/lantern-keeper).abilities[0].cost',
        ),
        expect.stringContaining('REFERENCE cards.json cards[11] (hollow/hex).abilities[1].kind'),
      ]),
    );
    expect(errors.find((e) => e.path?.endsWith('abilities[1].kind'))!.message).toBe(
      'only units have activated abilities (they are used from the board); rite is of kind spell',
    );
  });

  it('warns, and still loads, where a selector names a kind no card type of the ruleset is', async () => {
    const files = hollowmereWith((_ruleset, cards) => {
      card(cards, 'hollow/ember-lash').abilities[0]!.targets = [
        { id: 't', choose: '(thrall | hero | energy) & enemy' },
      ];
    });
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings.map(brief)).toEqual([
      expect.stringContaining(
        'SELECTOR_SELECTS_NOTHING cards.json cards[10] (hollow/ember-lash).abilities[0].targets[0].choose',
      ),
    ]);
    expect(result.warnings[0]!.message).toBe(
      'selector "(thrall | hero | energy) & enemy" names "energy", which no card type of this ruleset is nor is of (its card types: thrall, totem, rite; their kinds: unit, spell): it selects nothing here',
    );
  });

  it('refuses an unknown field of an activated ability at its path', async () => {
    const files = hollowmereWith((_ruleset, cards) => {
      card(cards, 'hollow/lantern-keeper').abilities[0]!.speed = 'instant';
    });
    const errors = (await validateContentPackage(files)).errors;
    expect(errors.map(brief)).toEqual([
      expect.stringContaining('SCHEMA cards.json cards[7] (hollow/lantern-keeper).abilities[0]'),
    ]);
  });
});

/** One defect each; each names the exact file, path, line (and column where there is one). */
describe('validateContentPackage: a corpus of broken packages', () => {
  it.each([
    [
      'bad JSON (file, line and column, not a byte offset)',
      reefWith(
        'cards.json',
        '"cost": 2,\n      "stats": { "attack": 3',
        '"cost": 2,,\n      "stats": { "attack": 3',
      ),
      'JSON_SYNTAX cards.json 17 17',
      /expected a property name in quotes, found ","/,
    ],
    [
      'a schema error, naming the card by position and id',
      reefWith(
        'cards.json',
        '"cost": 3,\n      "stats": { "attack": 2, "health": 4 }',
        '"cost": -3,\n      "stats": { "attack": 2, "health": 4 }',
      ),
      'SCHEMA cards.json cards[2] (reef/turtle).cost 25 15',
      /must be an integer from 0 to 99/,
    ],
    [
      'a Lua syntax error (its line, never a stack trace)',
      reefWith(
        'lua/pearl_diver.lua',
        'summon(state.friendly.hero, "#pearl", 1)',
        'summon(state.friendly.hero, "#pearl", 1',
      ),
      'LUA_SYNTAX lua/pearl_diver.lua 5',
      /'\)' expected \(to close '\(' at line 4\) near 'end'/,
    ],
    [
      'a missing entry function',
      reefWith('cards.json', '"entry": "dive"', '"entry": "plunge"'),
      'LUA_NO_ENTRY cards.json cards[5] (reef/pearl-diver).abilities[0].lua.entry 88 54',
      /names "plunge", which lua\/pearl_diver.lua does not define as a global function \(it defines: dive\)/,
    ],
    [
      'a wrong effect arity',
      reefWith('lua/pearl_diver.lua', 'damage(state.enemy.hero, 1)', 'damage(state.enemy.hero)'),
      'LUA_EFFECT_ARGUMENTS lua/pearl_diver.lua 3 3',
      /damage needs 2 arguments, got 1/,
    ],
    [
      'a wrong effect argument type',
      reefWith(
        'lua/pearl_diver.lua',
        'damage(state.enemy.hero, 1)',
        'damage(state.enemy.hero, "1")',
      ),
      'LUA_EFFECT_ARGUMENTS lua/pearl_diver.lua 3 28',
      /damage: argument #2 \(amount\) must be an integer, got "1"/,
    ],
    [
      'an unknown effect function',
      reefWith(
        'lua/pearl_diver.lua',
        'damage(state.enemy.hero, 1)',
        'explode(state.enemy.hero, 1)',
      ),
      'LUA_UNKNOWN_FUNCTION lua/pearl_diver.lua 3 3',
      /'explode' is not a function scripts can call/,
    ],
    [
      'an unknown token in a data effect',
      reefWith('cards.json', '"card": "#pearl"', '"card": "#oyster"'),
      'REFERENCE cards.json cards[3] (reef/clam-mother).abilities[0].effects[0].card 49 49',
      /names an unknown token "#oyster"/,
    ],
    [
      'an unknown token in a script',
      reefWith('lua/pearl_diver.lua', '"#pearl"', '"#oyster"'),
      'LUA_REFERENCE lua/pearl_diver.lua 4 3',
      /the token "#oyster" is not a token of reef\/pearl-diver/,
    ],
    [
      'a map key that is not a name (here "__proto__"), named with its map',
      reefWith(
        'ruleset.json',
        '"cardTypes": {\n',
        '"cardTypes": {\n    "__proto__": { "kind": "unit", "name": "Proto" },\n',
      ),
      'SCHEMA ruleset.json cardTypes.__proto__ 17 18',
      /^is not allowed as a key here: it must be a name: a lowercase letter, then letters, digits, _ or -$/,
    ],
    [
      'a deck name of more than 80 characters (deck names are in the public game list)',
      reefWith('decks.json', '"name": "Shallows"', `"name": "${'S'.repeat(81)}"`),
      'SCHEMA decks.json decks[0] (shallows).name 7 15',
      /must NOT have more than 80 characters/,
    ],
    [
      'a deck that breaks the ruleset',
      reefWith(
        'decks.json',
        '{ "card": "reef/crab", "count": 2 },\n        { "card": "reef/eel"',
        '{ "card": "reef/crab", "count": 3 },\n        { "card": "reef/eel"',
      ),
      'DECK decks.json decks[0] (shallows) 5 5',
      /The deck has 11 cards/,
    ],
  ])('%s', async (_name, files, expected, message) => {
    const result = await validateContentPackage(files);
    expect(result.ok).toBe(false);
    expect(result.content).toBeUndefined();
    expect(result.errors.map(brief)).toContain(expected);
    const error = result.errors.find((d) => brief(d) === expected)!;
    expect(error.message).toMatch(message);
  });

  it('reports the references of the parts that passed their schema in the same round', async () => {
    const files = reefWith(
      'cards.json',
      '"cost": 3,\n      "stats": { "attack": 2, "health": 4 }',
      '"cost": -3,\n      "stats": { "attack": 2, "health": 4 }',
    );
    const cards = text(files, 'cards.json')
      .replace(
        '"stats": { "attack": 1, "health": 2 },',
        '"stats": { "attack": 1, "health": 2 }, "keywords": ["stealthy"],',
      )
      .replace('"module": "pearl_diver"', '"module": "pearl_divr"');
    files.set('cards.json', cards);
    files.set(
      'decks.json',
      text(files, 'decks.json')
        .replace(
          '"reef/eel", "count": 2 },\n        { "card": "reef/pearl-diver"',
          '"reef/eels", "count": 2 },\n        { "card": "reef/pearl-diver"',
        )
        .replace('"reef/riptide", "count": 2 }', '"reef/pearl-diver#pearl", "count": 2 }'),
    );
    const deckProblems = [
      expect.stringMatching(
        /^REFERENCE decks.json decks\[0\] \(shallows\).cards\[1\].card \d+ \d+: names an unknown card "reef\/eels"$/,
      ),
      expect.stringMatching(
        /^REFERENCE decks.json decks\[0\] \(shallows\).cards\[3\].card \d+ \d+: names the token "reef\/pearl-diver#pearl" \(Pearl\): a token cannot be put in a deck \(effects make tokens\)$/,
      ),
    ];
    const result = await validateContentPackage(files);
    expect(result.errors.map((d) => `${brief(d)}: ${d.message}`)).toEqual([
      expect.stringMatching(
        /^REFERENCE cards.json cards\[0\] \(reef\/crab\).keywords\[0\] \d+ \d+: names an unknown keyword "stealthy"/,
      ),
      'SCHEMA cards.json cards[2] (reef/turtle).cost 25 15: must be an integer from 0 to 99',
      expect.stringMatching(
        /^REFERENCE cards.json cards\[5\] \(reef\/pearl-diver\).abilities\[0\].lua.module \d+ \d+: names an unknown Lua module "pearl_divr": did you mean "pearl_diver"\?$/,
      ),
      ...deckProblems,
    ]);
    // The round after the schema errors are fixed says the same of the decks, beside the
    // cards' references (a token and an unknown card were "not a card of ..." at the deck).
    files.set('cards.json', text(files, 'cards.json').replace('"cost": -3', '"cost": 3'));
    const next = await validateContentPackage(files);
    expect(next.errors.map((d) => `${brief(d)}: ${d.message}`)).toEqual([
      expect.stringMatching(/^REFERENCE cards.json cards\[0\] .*"stealthy"/),
      expect.stringMatching(
        /^REFERENCE cards.json cards\[5\] .*"pearl_divr": did you mean "pearl_diver"\?$/,
      ),
      ...deckProblems,
    ]);
  });

  it('reports an entry its module lacks beside schema and reference errors, not a round later', async () => {
    const files = reefWith('cards.json', '"entry": "dive"', '"entry": "plunge"');
    files.set('cards.json', text(files, 'cards.json').replace('"cost": 3,', '"cost": -3,'));
    files.set(
      'decks.json',
      text(files, 'decks.json')
        .replace('"reef/eel", "count": 2', '"reef/eels", "count": 2')
        .replace('"ruleset": "reef"', '"ruleset": "reefs"'),
    );
    expect(
      (await validateContentPackage(files)).errors.map((d) => `${d.code} ${d.path ?? ''}`),
    ).toEqual([
      'SCHEMA cards[2] (reef/turtle).cost',
      'LUA_NO_ENTRY cards[5] (reef/pearl-diver).abilities[0].lua.entry',
      'REFERENCE ruleset',
      'REFERENCE decks[0] (shallows).cards[1].card',
    ]);
  });

  it.each([
    [
      'starting resource above its cap',
      reefWith('ruleset.json', '"start": 1,', '"start": 9,'),
      'START_ABOVE_CAP ruleset.json resources.start 24 14',
    ],
    [
      'no phase where units may attack',
      reefWith('ruleset.json', '"actions": ["play", "attack"]', '"actions": ["play"]'),
      'NO_ATTACK_PHASE ruleset.json turn.phases 29 15',
    ],
    [
      'deck sizes no deck can meet',
      reefWith('ruleset.json', '"maxSize": 10', '"maxSize": 40'),
      'DECK_SIZE_UNREACHABLE ruleset.json deck.minSize',
    ],
  ])('warns about a ruleset that cannot play well: %s', async (_name, files, expected) => {
    if (expected.startsWith('DECK_SIZE')) {
      // The shipped decks (10 cards) would break a 40-card minimum: leave them out.
      const source = text(files, 'ruleset.json').replace('"minSize": 10', '"minSize": 40');
      files.set('ruleset.json', source);
      files.delete('decks.json');
    }
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(brief)).toContainEqual(expect.stringContaining(expected));
  });

  it('warns when the attached resource can never be attached', async () => {
    const files = readFolder(REEF);
    const ruleset = JSON.parse(text(files, 'ruleset.json'));
    ruleset.resources = { model: 'attached', id: 'energy', name: 'energy', perTurn: 1 };
    ruleset.cardTypes.energy = { kind: 'energy', name: 'Energy' };
    files.set('ruleset.json', JSON.stringify(ruleset, null, 2));
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(brief)).toContainEqual(
      expect.stringContaining('ATTACH_NEVER_GROWS ruleset.json turn.phases'),
    );
  });

  it('warns when a battler deals prizes that never win, or its turn lacks battler actions', async () => {
    const files = readFolder(REEF);
    const ruleset = JSON.parse(text(files, 'ruleset.json'));
    ruleset.resources = { model: 'attached', id: 'energy', name: 'energy', perTurn: 1 };
    ruleset.cardTypes.energy = { kind: 'energy', name: 'Energy' };
    ruleset.combat.canAttackHeroes = false;
    ruleset.zones.push({ id: 'prizes', visibility: 'hidden' });
    ruleset.battler = {
      ...JSON.parse(readFileSync(SPIRITBOUND_RULESET, 'utf8')).battler,
      bench: ruleset.zones.find((z: { id: string }) => z.id === 'board').limit - 1,
      stadiumZone: undefined,
    };
    files.set('ruleset.json', JSON.stringify(ruleset, null, 2));
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    const warnings = result.warnings.map(brief);
    expect(warnings).toContainEqual(expect.stringContaining('PRIZES_NEVER_WIN ruleset.json win'));
    expect(warnings).toContainEqual(
      expect.stringContaining('BATTLER_ACTIONS_MISSING ruleset.json turn.phases'),
    );
  });

  it('takes an attack whose effects call Lua, with its text (required then, like an ability)', async () => {
    const files = readFolder(join(import.meta.dirname, '../content/spiritbound'));
    files.delete('README.md');
    files.set('lua/surge.lua', 'function surge()\n  damage(state.enemy.active, 10)\nend\n');
    const cards = JSON.parse(text(files, 'cards.json'));
    const attack = cards.cards[0].attacks[0];
    attack.effects = [{ do: 'lua', module: 'surge', entry: 'surge' }];
    files.set('cards.json', JSON.stringify(cards, null, 2));
    const without = await validateContentPackage(files);
    expect(without.errors.map((d) => `${d.code} ${d.path}: ${d.message}`)).toEqual([
      `REFERENCE cards[0] (${cards.cards[0].id}).attacks[0].text: is required: rules text cannot be generated from a Lua script`,
    ]);
    attack.text = 'Deal 10 more damage to the defending creature.';
    files.set('cards.json', JSON.stringify(cards, null, 2));
    const withText = await validateContentPackage(files);
    expect(withText.errors).toEqual([]);
    const card = withText.content!.cards.get(cards.cards[0].id)!;
    expect(cardText(card, withText.content!.ruleset, (id) => id).split('\n')).toContain(
      `${attack.name} [${attack.cost.join(' ')}]: Deal 10 more damage to the defending creature.`,
    );
    // Text on an attack that a generator can word is refused, as on a data ability.
    attack.effects = [{ do: 'draw', player: '$controller', count: 1 }];
    files.set('cards.json', JSON.stringify(cards, null, 2));
    const stale = await validateContentPackage(files);
    expect(stale.errors.map((d) => d.path)).toContain(
      `cards[0] (${cards.cards[0].id}).attacks[0].text`,
    );
  });

  it.each([
    ['not an image at all', 'art/crab.png', new TextEncoder().encode('hello'), 'IMAGE_TYPE'],
    ['a PNG cut short', 'art/crab.png', png(16, 16).subarray(0, 40), 'IMAGE_CORRUPT'],
    ['a PNG with a bad checksum', 'art/crab.png', corrupt(png(16, 16), 30), 'IMAGE_CORRUPT'],
    ['a PNG named .webp', 'art/crab.webp', png(16, 16), 'IMAGE_TYPE'],
    ['a PNG too wide', 'art/crab.png', png(4096, 16), 'IMAGE_SIZE'],
    [
      'an SVG',
      'art/crab.svg',
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'),
      'IMAGE_SVG',
    ],
    ['an image outside art/', 'pictures/crab.png', png(16, 16), 'UNKNOWN_FILE'],
  ])('refuses bad card art: %s', async (_name, path, bytes, code) => {
    const files = readFolder(REEF);
    files.set(path, bytes);
    const result = await validateContentPackage(files);
    const found = [...result.errors, ...result.warnings].find((d) => d.file === path);
    expect(found?.code).toBe(code);
    if (code !== 'UNKNOWN_FILE') expect(result.ok).toBe(false);
  });

  it('refuses packages over the limits, with clear errors', async () => {
    const big = readFolder(REEF);
    big.set('lua/huge.lua', `-- ${'x'.repeat(CONTENT_LIMITS.maxTextFileBytes)}\n`);
    const tooBig = await validateContentPackage(big);
    expect(tooBig.errors.map(brief)).toContain('LIMIT_FILE_SIZE lua/huge.lua');
    expect(tooBig.errors.find((d) => d.file === 'lua/huge.lua')?.message).toMatch(
      /^is \d+ bytes; at most 1048576 are allowed$/,
    );

    const total = await validateContentPackage(readFolder(REEF), {
      limits: { maxTotalBytes: 2000 },
    });
    expect(total.errors.map((d) => d.code)).toEqual(['LIMIT_TOTAL_SIZE']);

    const many = readFolder(REEF);
    for (let i = 0; i < CONTENT_LIMITS.maxFiles; i++) many.set(`notes/${i}.txt`, 'x');
    expect((await validateContentPackage(many)).errors.map((d) => d.code)).toContain('LIMIT_FILES');
  });

  it('refuses a Lua module over the sandbox source limit, which a match could not load', async () => {
    const files = readFolder(REEF);
    const padding = `-- ${'x'.repeat(70 * 1024)}\n`;
    files.set('lua/pearl_diver.lua', padding + text(files, 'lua/pearl_diver.lua'));
    const result = await validateContentPackage(files);
    expect(result.errors.map(brief)).toEqual(['LUA_TOO_LARGE lua/pearl_diver.lua']);
    expect(result.errors[0]!.message).toMatch(/a module may have at most 65536$/);
  });

  it('refuses Lua whose loading would read more than the load limit, naming the costliest module', async () => {
    // Each global function loads its whole module again: 40 of them in a 20 KiB module is 820 KiB.
    const files = readFolder(REEF);
    const functions = Array.from({ length: 40 }, (_, i) => `function f${i}() end`).join('\n');
    const padding = `-- ${'x'.repeat(20 * 1024)}\n`;
    files.set(
      'lua/pearl_diver.lua',
      padding + functions + '\n' + text(files, 'lua/pearl_diver.lua'),
    );
    const result = await validateContentPackage(files);
    expect(result.errors.map(brief)).toEqual(['LUA_LOAD lua/pearl_diver.lua']);
    expect(result.errors[0]!.message).toMatch(
      /^Loading the Lua modules reads \d+ bytes \(a module once.*at most 524288 are allowed\. Make helpers local functions or split large modules: "pearl_diver" alone reads \d+\.$/,
    );
    // The same functions as locals are no entries: the module loads once.
    files.set(
      'lua/pearl_diver.lua',
      padding +
        functions.replaceAll('function f', 'local function f') +
        '\n' +
        text(readFolder(REEF), 'lua/pearl_diver.lua'),
    );
    expect(await validateContentPackage(files)).toMatchObject({ ok: true });
    // Over the limit by plain size, refused before any module is scanned.
    const host = await createSandboxScriptHost(
      Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`m${i}`, padding.repeat(3)])),
      { instructionsPerCall: 1000 },
    );
    expect(host).toMatchObject({ ok: false, error: { code: 'LUA_LOAD_TOO_LARGE' } });
    // Unscanned, the total is only a lower bound, and the message says so.
    expect(!host.ok && host.error.message).toMatch(/reads \d+ bytes or more \(/);
  });

  it('takes entries defined as `name = function`: what the match host loads', async () => {
    const files = readFolder(REEF);
    files.set(
      'lua/pearl_diver.lua',
      'dive = function()\n  damage(state.enemy.hero, 1)\nend\nlocal function helper() end\n',
    );
    expect(await validateContentPackage(files)).toMatchObject({ ok: true, errors: [] });
    files.set('lua/pearl_diver.lua', 'local function dive()\n  damage(state.enemy.hero, 1)\nend\n');
    expect((await validateContentPackage(files)).errors.map(brief)).toEqual([
      'LUA_NO_ENTRY cards.json cards[5] (reef/pearl-diver).abilities[0].lua.entry 88 54',
    ]);
  });

  it('refuses unsafe paths, missing documents and text that is not UTF-8', async () => {
    const files = readFolder(REEF);
    files.set('../escape.json', '{}');
    files.set('lua/nested/deep.lua', 'log(1)');
    files.set('decks.json', new Uint8Array([0x7b, 0xff, 0x7d]));
    files.delete('cards.json');
    const result = await validateContentPackage(files);
    expect(result.errors.map(brief)).toEqual(
      expect.arrayContaining([
        'BAD_PATH ../escape.json',
        'BAD_PATH lua/nested/deep.lua',
        'MISSING_FILE cards.json',
        'NOT_UTF8 decks.json',
      ]),
    );
  });
});

function corrupt(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

describe('validateContentPackage on hostile input', () => {
  it('never throws, whatever bytes a file holds', async () => {
    const base = readFolder(REEF);
    const names = [...base.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (name, edits) => {
          const files = new Map(base);
          const bytes = new TextEncoder().encode(text(files, name));
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          files.set(name, bytes);
          const result = await validateContentPackage(files);
          expect(result.ok).toBe(result.errors.length === 0);
        },
      ),
      { numRuns: 60, seed: 10 },
    );
  });
});

describe('parseJsonLocated', () => {
  it('reads exactly what JSON.parse reads, and knows where every value starts', () => {
    const demo = readFolder(join(import.meta.dirname, '../content/demo'));
    for (const file of ['ruleset.json', 'cards.json', 'decks.json']) {
      const source = text(demo, file);
      const parsed = parseJsonLocated(source);
      expect(parsed.ok && parsed.value).toEqual(JSON.parse(source));
    }
    const tricky = '{"a b": [1, -2.5e3, "x\\"\\u00e9\\n"], "__proto__": {"p": true}, "n": null}';
    const parsed = parseJsonLocated(tricky);
    expect(parsed.ok && parsed.value).toEqual(JSON.parse(tricky));
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(parsed.ok && parsed.locate('["a b"][2]')).toEqual({ line: 1, column: 21 });
  });

  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected after a property value/],
    ['[1, 2', 1, 6, /expected after a list item/],
    ['{"a": "open', 1, 7, /unterminated string/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ['{} x', 1, 4, /after the document/],
    ['['.repeat(100_000), 1, 129, /nested deeper than 128 levels/],
  ])('names line and column of a syntax error: %j', (source, line, column, message) => {
    const parsed = parseJsonLocated(source);
    expect(parsed).toMatchObject({ ok: false, position: { line, column } });
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});

describe("validateContentPackage: The Hourglass Archive, a creator's mill duel", () => {
  const HOURGLASS = join(import.meta.dirname, 'packages/hourglass');
  interface KeywordsDoc {
    vocabulary: Record<string, string>;
    keywords: Record<string, { abilities?: Record<string, unknown>[] }>;
  }
  /** The package with its ruleset and cards changed by `edit`. */
  function hourglassWith(edit: (ruleset: KeywordsDoc, cards: CardsDoc) => void) {
    const files = readFolder(HOURGLASS);
    const ruleset = JSON.parse(text(files, 'ruleset.json')) as KeywordsDoc;
    const cards = JSON.parse(text(files, 'cards.json')) as CardsDoc;
    edit(ruleset, cards);
    files.set('ruleset.json', JSON.stringify(ruleset, null, 2));
    files.set('cards.json', JSON.stringify(cards, null, 2));
    return files;
  }

  it('is valid, without warnings, and says where a card goes in its deck', async () => {
    const result = await validateContentPackage(readFolder(HOURGLASS));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const textOf = (id: string) => result.content!.cards.get(`hourglass/${id}`)!.text;
    expect(textOf('fold-time')).toBe("Put an enemy savant into its owner's deck at random.");
    expect(textOf('lamplighter')).toBe(
      'When this dies, put the first card named Lamplighter in your discard into your deck at random.',
    );
  });

  it('refuses a keyword\'s "#token" (a keyword belongs to no card) and names the card that has it', async () => {
    const files = hourglassWith((ruleset) => {
      const spill = ruleset.keywords.sandfall!.abilities![0]!;
      (spill.effects as { card: string }[])[0]!.card = '#grain';
    });
    const result = await validateContentPackage(files);
    expect(result.errors.map((e) => [e.code, e.path, e.message])).toEqual([
      [
        'REFERENCE',
        'keywords.sandfall.abilities[0].effects[0].card',
        '"#grain" would be a token of the ability\'s own card, but an ability of the keyword "sandfall" belongs to no card (every unit with the keyword runs it): name the token with its card, "<card id>#grain", here "hourglass/sand-golem#grain"',
      ],
    ]);
  });

  it('says the same of a "#token" a keyword\'s Lua summons', async () => {
    const files = hourglassWith((ruleset) => {
      ruleset.keywords.sandfall!.abilities![0] = {
        id: 'spill',
        kind: 'triggered',
        trigger: { on: 'died' },
        lua: { module: 'spill', entry: 'spill' },
        text: 'When this dies, summon a Grain.',
      };
    });
    files.set('lua/spill.lua', 'function spill()\n  summon(state.friendly.hero, "#grain")\nend\n');
    const result = await validateContentPackage(files);
    expect(result.errors.map((e) => [e.code, e.file, e.line, e.message])).toEqual([
      [
        'LUA_REFERENCE',
        'lua/spill.lua',
        2,
        'summon: "#grain" would be a token of the ability\'s own card, but an ability of the keyword "sandfall" belongs to no card (every unit with the keyword runs it): name the token with its card, "<card id>#grain", here "hourglass/sand-golem#grain"',
      ],
    ]);
  });

  it("answers the ruleset's word for a hero in a selector with the selector's word", async () => {
    const files = hourglassWith((_ruleset, cards) => {
      const blast = cards.cards.find((c) => c.id === 'hourglass/sand-blast')!;
      (blast.abilities[0]!.targets as { choose: string }[])[0]!.choose =
        '(savant | archivist) & enemy';
    });
    const result = await validateContentPackage(files);
    expect(result.errors.map((e) => e.message)).toEqual([
      'selector "(savant | archivist) & enemy" says "archivist", the ruleset\'s word for a hero in rules text; a selector says "hero" (the rules text still reads "archivist")',
    ]);
  });

  it('warns where a "when this dies" ability acts on the unit that died, at every depth', async () => {
    const files = hourglassWith((_ruleset, cards) => {
      const lamplighter = cards.cards.find((c) => c.id === 'hourglass/lamplighter')!;
      lamplighter.abilities[0]!.effects = [
        { do: 'move', cards: '$self', to: 'deck', position: 'random' },
        {
          do: 'may',
          prompt: 'Return it?',
          effects: [{ do: 'move', cards: '$self', to: 'hand' }],
        },
      ];
    });
    const result = await validateContentPackage(files);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
      ['SELF_LEFT_THE_BOARD', 'cards[2] (hourglass/lamplighter).abilities[0].effects[0].cards'],
      [
        'SELF_LEFT_THE_BOARD',
        'cards[2] (hourglass/lamplighter).abilities[0].effects[1].effects[0].cards',
      ],
    ]);
    expect(result.warnings[0]!.message).toMatch(/pick it from the discard/);
  });
});

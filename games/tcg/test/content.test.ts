/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt JSON documents freely */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoContent, demoSource, loadContentFrom } from '../content/demo/index.ts';
import {
  abilityText,
  describeLoadProblem,
  loadContent,
  parseSelector,
  publishedSchemas,
  validateDeck,
  type ContentSource,
} from '../src/index.ts';
import { cardFaceOf } from '../src/engine/view.ts';
import { starterPackage } from '../src/content/starter.ts';
import {
  GENERATED_TYPES,
  GENERATED_VALIDATORS,
  validatorsCode,
} from '../scripts/validators-code.ts';

const source = () =>
  structuredClone(demoSource()) as ContentSource & {
    ruleset: Record<string, any>;
    cards: { cards: Record<string, any>[] };
  };
const problemsOf = (s: ContentSource) => {
  const loaded = loadContent(s);
  return loaded.ok ? [] : loaded.problems.map(describeLoadProblem);
};

describe('battler content: a typo is answered with what there is', () => {
  const dir = join(import.meta.dirname, '../content/spiritbound');
  const spiritbound = () => ({
    ruleset: JSON.parse(readFileSync(join(dir, 'ruleset.json'), 'utf8')),
    cards: JSON.parse(readFileSync(join(dir, 'cards.json'), 'utf8')),
  });

  it('names the energy types and the creatures one stage below', () => {
    const s = spiritbound();
    expect(problemsOf(s)).toEqual([]);
    const stage1 = s.cards.cards.findIndex((c: any) => c.stage === 1);
    s.cards.cards[stage1].evolvesFrom = 'Nobody';
    const creature = s.cards.cards.findIndex((c: any) => c.attacks);
    s.cards.cards[creature].attacks[0].cost = ['fier'];
    const problems = problemsOf(s).join('\n');
    expect(problems).toMatch(
      /attacks\[0\]\.cost\[0\]: names an unknown energy type "fier" \(the ruleset's battler\.energyTypes: grass, fire, water, psychic, lightning, colorless\)/,
    );
    expect(problems).toMatch(
      /evolvesFrom: names no stage 0 card: "Nobody" .*\(stage 0: "Sproutle", /,
    );
  });

  it("answers a selector's misspelt card type with its card types and their kinds", () => {
    const s = spiritbound();
    const tonic = s.cards.cards.find((c: any) => c.id === 'spirit/berry-tonic');
    tonic.abilities[0].targets[0].choose = 'creatur & friendly';
    expect(problemsOf(s).join('\n')).toMatch(
      /selector "creatur & friendly" names an unknown card type "creatur" \(the ruleset's card types: creature, energy, item, supporter, stadium, tool; their kinds: unit, spell; other words: card, hero, friendly, /,
    );
    // A kind offered is a word a selector takes: tools renamed gear are still the tool kind.
    s.ruleset.cardTypes = { ...s.ruleset.cardTypes, gear: s.ruleset.cardTypes.tool };
    delete s.ruleset.cardTypes.tool;
    for (const card of s.cards.cards) if (card.type === 'tool') card.type = 'gear';
    tonic.abilities[0].targets[0].choose = 'tool & friendly';
    expect(problemsOf(s)).toEqual([]);
  });
});

describe('content validation', () => {
  it('accepts the demo content', () => {
    expect(problemsOf(demoSource())).toEqual([]);
    expect(demoContent().cards.size).toBeGreaterThanOrEqual(20);
  });

  it('takes cards and tokens without art: the app generates their faces', () => {
    const s = source();
    for (const card of s.cards.cards) {
      delete card.art;
      for (const token of Object.values(card.tokens ?? {})) delete (token as any).art;
    }
    const loaded = loadContent(s);
    expect(loaded.ok ? [] : loaded.problems.map(describeLoadProblem)).toEqual([]);
    if (!loaded.ok) return;
    const [def] = loaded.content.cards.values();
    expect(cardFaceOf(loaded.content, def!)).not.toHaveProperty('art');
  });

  it("prints a card's keywords once on its face: as chips, not again atop its rules text", () => {
    const content = demoContent();
    const archer = content.cards.get('demo/longbow-archer')!;
    const [keywordLine, ...rules] = archer.text.split('\n');
    expect(keywordLine).toBe('Ranged.');
    const face = cardFaceOf(content, archer);
    expect(face.keywords).toEqual(['ranged']);
    expect(face.text).toBe(rules.join('\n'));
    expect(face.text).not.toContain('Ranged');
    const guard = [...content.cards.values()].find(
      (c) => c.keywords?.length && !c.abilities?.length,
    )!;
    expect(cardFaceOf(content, guard).text).toBe('');
  });

  it('names the exact path and what is wrong', () => {
    const s = source();
    s.cards.cards[3]!.abilities[0].effects = [
      { do: 'draw', player: '$controller', count: 1 },
      { do: 'damage', to: '$t', amount: -1 },
    ];
    expect(problemsOf(s)).toEqual([
      'cards: cards[3].abilities[0].effects[1].amount: must be an integer >= 0',
    ]);
  });

  it.each([
    [
      'an unknown effect',
      (c: any) => (c.abilities = [{ id: 'x', kind: 'spell', effects: [{ do: 'explode' }] }]),
      /abilities\[0\]\.effects\[0\]\.do: "explode" is not one of: damage, heal/,
    ],
    [
      'a missing field, with what to write there',
      (c: any) => (c.art = { glyph: 'imp' }),
      /cards\[\d+\]\.art\.palette: is required: one of "ember", "tide", /,
    ],
    [
      'an unknown field',
      (c: any) => (c.colour = 'red'),
      /cards\[\d+\]\.colour: is not a known field here/,
    ],
    [
      'an unknown keyword',
      (c: any) => (c.keywords = ['flying']),
      /cards\[\d+\]\.keywords\[0\]: names an unknown keyword "flying" \(the ruleset's keywords: guard, /,
    ],
    [
      'a misspelt selector word, answered with the words there are',
      (c: any) =>
        (c.abilities = [
          {
            id: 'x',
            kind: 'spell',
            targets: [{ id: 't', choose: 'unit & enmy' }],
            effects: [{ do: 'damage', to: '$t', amount: 1 }],
          },
        ]),
      // The demo has no energy cards: the words offered are its own.
      /targets\[0\]\.choose: selector "unit & enmy" names an unknown card type "enmy" \(the ruleset's card types: unit, spell; other words: card, hero, friendly, enemy, damaged, /,
    ],
    [
      'an unknown card type',
      (c: any) => (c.type = 'artifact'),
      /cards\[\d+\]\.type: names an unknown card type "artifact"/,
    ],
    [
      'a selector syntax error',
      (c: any) =>
        (c.abilities = [
          { id: 'x', kind: 'spell', effects: [{ do: 'destroy', target: 'unit & (enemy' }] },
        ]),
      /effects\[0\]\.target: selector "unit & \(enemy" has an unclosed "\("/,
    ],
    [
      'an unbound reference',
      (c: any) =>
        (c.abilities = [
          { id: 'x', kind: 'spell', effects: [{ do: 'destroy', target: '$victim' }] },
        ]),
      /refers to \$victim, which is not bound here/,
    ],
    [
      'a Lua ability without text',
      (c: any) =>
        (c.abilities = [{ id: 'x', kind: 'spell', lua: { module: 'gambler', entry: 'resolve' } }]),
      /abilities\[0\]\.text: is required/,
    ],
    [
      'a missing Lua module',
      (c: any) =>
        (c.abilities = [
          { id: 'x', kind: 'spell', lua: { module: 'nope', entry: 'resolve' }, text: 'x' },
        ]),
      /lua\.module: names an unknown Lua module "nope"/,
    ],
    [
      'a negative cost',
      (c: any) => (c.cost = -2),
      /cards\[\d+\]\.cost: must be an integer from 0 to 99/,
    ],
    [
      'tokens written as a list',
      (c: any) => (c.tokens = [{ name: 'Wisp', type: 'unit' }]),
      /cards\[\d+\]\.tokens: must be an object of token definitions by name, e\.g\. \{"wisp": \{"name": "Wisp", "type": "unit"\}\}, summoned as "#wisp"/,
    ],
  ])('rejects %s with its path', (_name, corrupt, expected) => {
    const s = source();
    const index = s.cards.cards.findIndex((c) => c.id === 'demo/firebolt');
    corrupt(s.cards.cards[index]);
    const problems = problemsOf(s);
    expect(
      problems.some((p) => expected.test(p)),
      problems.join('\n'),
    ).toBe(true);
    expect(
      problems.every((p) => p.includes(`cards[${index}]`)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('loads a card whose text is out of date with a warning, and shows the generated text', () => {
    // A published version keeps loading when a later engine words its rules better.
    const s = source();
    const index = s.cards.cards.findIndex((c) => c.id === 'demo/firebolt');
    s.cards.cards[index]!.text = 'Does nothing.';
    const loaded = loadContent(s);
    if (!loaded.ok) throw new Error(loaded.problems.map(describeLoadProblem).join('\n'));
    expect(loaded.warnings.map((w) => [w.warning, describeLoadProblem(w)])).toEqual([
      [
        'STALE_TEXT',
        expect.stringMatching(
          new RegExp(`cards\\[${index}\\]\\.text: is out of date; the generated text is`),
        ),
      ],
    ]);
    expect(loaded.content.cards.get('demo/firebolt')?.text).not.toBe('Does nothing.');
  });

  it('rejects any card with a corrupted number, naming that card', () => {
    fc.assert(
      fc.property(
        fc.nat(39),
        fc.constantFrom('cost', 'attack', 'health'),
        fc.constantFrom(-1, 1.5, 'x', null),
        (index, field, bad) => {
          const s = source();
          const card = s.cards.cards[index]!;
          if (field === 'cost') card.cost = bad;
          else if (card.stats) card.stats[field] = bad;
          else card.cost = bad;
          const problems = problemsOf(s);
          expect(problems.length).toBeGreaterThan(0);
          expect(problems[0]).toMatch(
            new RegExp(`^cards: cards\\[${index}\\]\\.(cost|stats\\.(attack|health)): must be`),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([
    [
      'a spell type going to an unknown zone',
      (r: any) => (r.cardTypes.spell.thenTo = 'graveyard'),
      'ruleset: cardTypes.spell.thenTo: names an unknown zone "graveyard" (the ruleset\'s zones: deck, hand, board, discard, exile)',
    ],
    [
      'no board zone',
      (r: any) => (r.zones = r.zones.filter((z: any) => z.id !== 'board')),
      'ruleset: zones: must declare the "board" zone',
    ],
    [
      'a public deck',
      (r: any) => (r.zones[0].visibility = 'public'),
      'ruleset: zones[0].visibility: the deck must be "hidden"',
    ],
    [
      'a bad phase step',
      (r: any) => (r.turn.phases[0].steps = ['untap']),
      'ruleset: turn.phases[0].steps[0]: must be one of: "readyUnits", "growResources", "refillResources", "draw", "expireEndOfTurn", "checkup"',
    ],
    [
      'min deck size above max',
      (r: any) => (r.deck.minSize = 40),
      'ruleset: deck.minSize: must not exceed deck.maxSize',
    ],
    [
      'a keyword meaning used twice',
      (r: any) => (r.keywords.taunt = { name: 'Taunt', reminder: 'x', builtin: 'guard' }),
      'ruleset: keywords.taunt.builtin: "guard" is already the meaning of "guard"',
    ],
    [
      'a keyword id the engine names attacks with',
      (r: any) => (r.keywords.attack = { name: 'Attack', reminder: 'x' }),
      'ruleset: keywords.attack: the keyword id "attack" is reserved: the engine names a battler\'s attacks "attack:<id>", as this keyword\'s abilities would be named',
    ],
    [
      'a wrong version',
      (r: any) => (r.version = 'one'),
      'ruleset: version: must be a version like 1.0.0',
    ],
  ])('rejects a ruleset with %s', (_name, corrupt, expected) => {
    const s = source();
    corrupt(s.ruleset);
    expect(problemsOf(s)).toContain(expected);
  });

  it('accepts "endTurn" among a main phase\'s actions, as the design doc writes it', () => {
    const s = source();
    const main = s.ruleset.turn.phases.find((p: any) => p.kind === 'main');
    main.actions = [...main.actions, 'endTurn'];
    expect(problemsOf(s)).toEqual([]);
  });

  it('rejects counters when the ruleset has no stack', () => {
    const s = source();
    s.ruleset.stack = { mode: 'none', windows: [] };
    expect(
      problemsOf(s).some((p) => /effects\[0\]: counter needs stack.mode "responses"/.test(p)),
    ).toBe(true);
  });

  it('rejects a steal from the controller, who would take from themselves', () => {
    const s = source();
    s.cards.cards.push({
      id: 'demo/self-thief',
      name: 'Self Thief',
      type: 'spell',
      cost: 1,
      abilities: [
        { id: 'lift', kind: 'spell', effects: [{ do: 'steal', from: '$controller', amount: 1 }] },
      ],
    });
    expect(problemsOf(s)).toEqual([
      expect.stringMatching(
        /abilities\[0\]\.effects\[0\]\.from: steal takes from "\$controller", who is also the one it gives to/,
      ),
    ]);
  });

  it('parses selectors and reports syntax errors', () => {
    expect(parseSelector('(unit | hero) & enemy & attack>=3')).toEqual({
      ok: true,
      node: {
        and: [
          { or: [{ type: 'unit' }, { type: 'hero' }] },
          { side: 'enemy' },
          { cmp: ['attack', '>=', 3] },
        ],
      },
    });
    expect(parseSelector('unit & !$self')).toEqual({
      ok: true,
      node: { and: [{ type: 'unit' }, { not: { ref: 'self' } }] },
    });
    expect(parseSelector('unit &')).toEqual({ ok: false, error: 'ends too early' });
    expect(parseSelector('speed>fast')).toEqual({
      ok: false,
      error:
        'compares an unknown stat "speed" (the stats: attack, health, maxHealth, cost, damage)',
    });
  });

  it('publishes JSON Schemas that match the code (run scripts/write-schemas.ts after a change)', () => {
    for (const [file, schema] of Object.entries(publishedSchemas))
      expect(
        JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', file), 'utf8')),
      ).toEqual(schema);
  });

  it('validates with code generated from the schemas (run scripts/write-schemas.ts after a change)', async () => {
    const { code, types } = await validatorsCode();
    // Not toBe: a difference in a 1.7 MB file is not worth printing.
    expect(readFileSync(GENERATED_VALIDATORS, 'utf8') === code).toBe(true);
    expect(readFileSync(GENERATED_TYPES, 'utf8')).toBe(types);
  });
});

describe('deck validation', () => {
  const content = demoContent();
  const deckA = content.decks[0]!.cards.flatMap((e) =>
    Array.from({ length: e.count }, () => e.card),
  );

  it('accepts the shipped decks', () => {
    for (const deck of content.decks)
      expect(
        validateDeck(
          content,
          deck.cards.flatMap((e) => Array(e.count).fill(e.card)),
        ),
      ).toEqual([]);
  });

  it('gives one message per problem', () => {
    const deck = [
      ...deckA.slice(0, 15),
      'demo/fire-imp',
      'demo/doom-pact',
      'demo/nope',
      'demo/goblin-warcaller#grunt',
    ];
    expect(validateDeck(content, deck)).toEqual([
      'The deck has 19 cards; Ember & Tide 1.0.2 needs exactly 20.',
      'Doom Pact is banned in Ember & Tide 1.0.2.',
      'The deck has 3 copies of Fire Imp; at most 2 are allowed.',
      'Goblin Grunt is a token and cannot be put in a deck.',
      '"demo/nope" is not a card of Ember & Tide 1.0.2.',
    ]);
  });
});

describe('rules text', () => {
  it('is generated from every data ability (golden file)', () => {
    const texts = Object.fromEntries(
      [...demoContent().cards.values()].map((card) => [card.id, card.text]),
    );
    expect(texts).toMatchSnapshot();
    expect(texts['demo/fire-imp']).toBe('Whenever this takes damage, your opponent draws a card.');
    expect(texts['demo/firebolt']).toBe('Deal 3 damage to an enemy unit or hero.');
  });

  it('says a steal takes up to its amount, so an empty purse gives nothing', () => {
    const tithe = loadContentFrom(join(import.meta.dirname, 'packages/tithe'));
    expect(tithe.cards.get('tithe/pickpocket')!.text).toBe(
      'Steal up to 3 coin from your opponent.',
    );
    const pilfer = tithe.ruleset.keywords.pilfer!.abilities![0]!;
    expect(abilityText(pilfer, tithe.ruleset, (id) => id)).toBe(
      'Whenever this attacks, steal up to 1 coin from your opponent.',
    );
  });

  it('says a "played" trigger as the Lua abilities the studio and content init write do', () => {
    const texts = new Map([...demoContent().cards.values()].map((card) => [card.id, card.text]));
    expect(texts.get('demo/duelist')).toBe(
      'When you play this, choose an enemy unit, then deal 2 damage to it.',
    );
    const starter = JSON.parse(starterPackage('x', 'X').get('cards.json')!) as {
      cards: { abilities?: { trigger?: { on: string }; text?: string }[] }[];
    };
    const scripted = starter.cards.flatMap((c) => c.abilities ?? []).find((a) => a.text)!;
    expect(scripted.trigger?.on).toBe('played');
    expect(scripted.text).toMatch(/^When you play this, /);
  });
});

import type { BuiltinKeyword, Ruleset } from './ast.ts';

/**
 * What each engine keyword does, in one place: the rulesets' schema lists these names, the
 * table explains a keyword with its `rule` (next to the ruleset's own reminder text), and the
 * README's keyword table is generated from it (a test keeps the two equal).
 */
export const BUILTIN_KEYWORDS: Record<BuiltinKeyword, { name: string; rule: string }> = {
  guard: {
    name: 'Guard',
    rule: 'While its side has a unit with this keyword, enemy attacks must target one of those units.',
  },
  haste: {
    name: 'Haste',
    rule: 'It may attack on the turn it enters the board (no summoning sickness).',
  },
  lifesteal: {
    name: 'Lifesteal',
    rule: "Damage it deals also heals its controller's hero by the same amount.",
  },
  shield: {
    name: 'Shield',
    rule: 'The next damage it would take is prevented, and the shield breaks (a later grant restores it).',
  },
  poison: {
    name: 'Poison',
    rule: 'A unit it deals damage to is destroyed.',
  },
  ranged: {
    name: 'Ranged',
    rule: 'When it attacks a unit, that unit does not strike back.',
  },
};

export const BUILTIN_KEYWORD_NAMES = Object.keys(BUILTIN_KEYWORDS) as BuiltinKeyword[];

/** What the engine calls a battler's attack when it runs as an ability: `attack:<attack id>`. */
export const attackAbilityId = (attack: string) => `attack:${attack}`;

/** Whether an ability name is one `attackAbilityId` made. */
export const isAttackAbilityId = (name: string) => name.startsWith(attackAbilityId(''));

/**
 * Keyword ids the engine's own names already use, with why. A keyword's abilities are named
 * `<keyword>:<ability id>` (dry runs, `lua run --ability`, ability tests), so a keyword called
 * `attack` would give names a battler's attacks have (`attack:<id>`): one name, two abilities.
 */
export const RESERVED_KEYWORD_IDS: Readonly<Record<string, string>> = {
  attack: `the engine names a battler's attacks "${attackAbilityId('<id>')}", as this keyword's abilities would be named`,
};

/** Why a keyword id is refused, or null when it is free. */
export const reservedKeywordId = (id: string): string | null =>
  Object.hasOwn(RESERVED_KEYWORD_IDS, id) ? RESERVED_KEYWORD_IDS[id]! : null;

/** One keyword as a table explains it: the ruleset's name and reminder, and the engine's rule. */
export interface GlossaryEntry {
  name: string;
  reminder: string;
  /** What the engine does for a built-in keyword; null for a ruleset's own. */
  rule: string | null;
}

/** Every keyword of a ruleset, explained. */
export function keywordGlossary(ruleset: Pick<Ruleset, 'keywords'>): Record<string, GlossaryEntry> {
  return Object.fromEntries(
    Object.entries(ruleset.keywords).map(([id, def]) => [
      id,
      {
        name: def.name,
        reminder: def.reminder,
        rule: def.builtin ? BUILTIN_KEYWORDS[def.builtin].rule : null,
      },
    ]),
  );
}

/** The README's table of engine keywords (generated; see `test/keywords.test.ts`). */
export function builtinKeywordTable(): string {
  const rows = BUILTIN_KEYWORD_NAMES.map(
    (id) => `| \`${id}\` | ${BUILTIN_KEYWORDS[id].name} | ${BUILTIN_KEYWORDS[id].rule} |`,
  );
  return ['| builtin | usual name | what the engine does |', '| --- | --- | --- |', ...rows].join(
    '\n',
  );
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoContent } from '../content/demo/index.ts';
import { rulesetSchema } from '../src/index.ts';
import {
  BUILTIN_KEYWORD_NAMES,
  BUILTIN_KEYWORDS,
  builtinKeywordTable,
  keywordGlossary,
} from '../src/content/keywords.ts';

/** A markdown table as its cells (prettier may re-pad it; the words are what must match). */
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('the keyword glossary', () => {
  it('is the one the README shows', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const shown = readme.split('<!-- keywords:start -->')[1]?.split('<!-- keywords:end -->')[0];
    expect(shown).toBeDefined();
    expect(cells(shown!)).toEqual(cells(builtinKeywordTable()));
  });

  it('names every engine keyword the schema accepts', () => {
    const keyword = (rulesetSchema as { $defs?: Record<string, unknown> }).$defs?.Keyword as
      { properties: { builtin: { enum: string[] } } } | undefined;
    const accepted = keyword?.properties.builtin.enum ?? [];
    expect(accepted).toEqual(BUILTIN_KEYWORD_NAMES);
  });

  it("explains the demo's keywords with the ruleset's reminder and the engine's rule", () => {
    const glossary = keywordGlossary(demoContent().ruleset);
    expect(glossary.guard).toEqual({
      name: 'Guard',
      reminder: 'Enemies must attack a unit with Guard first.',
      rule: BUILTIN_KEYWORDS.guard.rule,
    });
    // A ruleset's own keyword has no engine rule, only its reminder.
    expect(glossary.burning?.rule).toBeNull();
    expect(glossary.burning?.reminder).toMatch(/end of your turn/);
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt JSON documents freely */
import { describe, expect, it } from 'vitest';
import { demoSource } from '../content/demo/index.ts';
import { describeLoadProblem, loadContent, type ContentSource } from '../src/index.ts';

describe('a mistyped name is answered with the list and the closest one', () => {
  const source = () =>
    structuredClone(demoSource()) as ContentSource & {
      ruleset: Record<string, any>;
      cards: { cards: Record<string, any>[] };
    };
  const problemsOf = (s: ContentSource) => {
    const loaded = loadContent(s);
    return loaded.ok ? [] : loaded.problems.map(describeLoadProblem);
  };
  const card = (s: ReturnType<typeof source>, id: string) =>
    s.cards.cards.find((c) => c.id === id)!;

  it('a trigger, a field, a keyword, a card type, a zone and a stat', () => {
    const s = source();
    card(s, 'demo/bone-collector').abilities[0].trigger.on = 'dide';
    let problems = problemsOf(s).join('\n');
    expect(problems).toMatch(/trigger\.on: must be one of: .*"died".*: did you mean "died"\?$/m);

    const t = source();
    card(t, 'demo/fire-imp').abilites = [];
    card(t, 'demo/longbow-archer').keywords = ['rangd'];
    card(t, 'demo/goblin-warcaller').type = 'unti';
    problems = problemsOf(t).join('\n');
    expect(problems).toMatch(
      /abilites: is not a known field here .*: did you mean "abilities"\?$/m,
    );
    expect(problems).toMatch(/unknown keyword "rangd" .*: did you mean "ranged"\?$/m);
    expect(problems).toMatch(/unknown card type "unti" .*: did you mean "unit"\?$/m);

    const u = source();
    const spell = u.cards.cards.find((c) => c.type === 'spell' && c.abilities[0]?.targets)!;
    spell.abilities[0].targets[0].choose = 'unit & @bord';
    problems = problemsOf(u).join('\n');
    expect(problems).toMatch(/unknown zone "@bord" .*: did you mean "@board"\?$/m);
    spell.abilities[0].targets[0].choose = 'unit & atack>2';
    problems = problemsOf(u).join('\n');
    expect(problems).toMatch(/unknown stat "atack" .*: did you mean "attack"\?$/m);
  });

  it('says nothing of a name far from every known one', () => {
    const s = source();
    card(s, 'demo/bone-collector').abilities[0].trigger.on = 'whenever';
    expect(problemsOf(s).join('\n')).not.toMatch(/did you mean/);
  });
});

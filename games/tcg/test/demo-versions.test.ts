import { startMatch } from '@cardtable/engine';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VERSIONS_DIR, demoContent, demoVersions, tcgGameFor } from '../content/demo/index.ts';
import { SELF_TRIGGER_PHRASES, selfTriggeredSentence } from '../src/content/words.ts';
import type { TcgEvent } from '../src/engine/events.ts';
import type { TcgGame } from '../src/index.ts';

/**
 * Every shipped version of the demo set and its content hash. A version is immutable: matches
 * record it and replay against it. When this fails because the demo's files changed, give
 * `ruleset.json` a new version, move the files of the one it replaces, unchanged, to
 * `content/demo-versions/<version>/`, and add the new version's hash here.
 */
const DEMO_HASHES: Readonly<Record<string, string>> = {
  '1.0.0': '6a99ea8a8af68f87568e05b6c3a5ad9c',
  // Its Lua abilities' texts say "When you play this" (SELF_TRIGGER_PHRASES), not "When played".
  '1.0.1': 'f74d58cd06f2df8e950f44dcb217e12c',
};

describe('the demo set, versioned', () => {
  it('ships each version with the content it was published with, the newest as the demo', () => {
    const versions = demoVersions();
    expect(Object.fromEntries(versions.map((c) => [c.ruleset.version, c.hash]))).toEqual(
      DEMO_HASHES,
    );
    expect(versions.at(-1)).toBe(demoContent());
    // Each earlier version's folder is named by the version its ruleset says.
    expect(readdirSync(DEMO_VERSIONS_DIR).sort()).toEqual(
      versions.slice(0, -1).map((c) => c.ruleset.version),
    );
  });

  it("words its Lua abilities' own triggers as generated text does", () => {
    const worded = [...demoContent().cards.values()].flatMap((card) =>
      (card.abilities ?? []).flatMap((ability) =>
        ability.kind === 'triggered' &&
        ability.lua &&
        (ability.trigger.subject ?? '$self') === '$self' &&
        ability.trigger.on in SELF_TRIGGER_PHRASES
          ? [[ability.trigger.on as keyof typeof SELF_TRIGGER_PHRASES, ability.text!] as const]
          : [],
      ),
    );
    expect(worded.length).toBeGreaterThan(0);
    for (const [on, text] of worded) {
      const opening = selfTriggeredSentence(on, '');
      expect(text.slice(0, opening.length)).toBe(opening);
    }
  });
});

describe('the demo game, as the server hosts it (every version)', () => {
  let game: TcgGame & { dispose(): void };
  beforeAll(async () => {
    game = await tcgGameFor(demoVersions());
  });
  afterAll(() => game.dispose());

  const started = (options: Record<string, unknown>) => {
    const parsed = game.parseOptions(options, 2);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { resolution } = startMatch(game, {
      options: parsed.value,
      seats: [{ kind: 'human' }, { kind: 'human' }],
      seed: 'versions',
    });
    const first = resolution.steps[0] as TcgEvent;
    if (first.type !== 'matchStarted') throw new Error(first.type);
    return first.data;
  };

  it('starts new matches with the newest version, and a recorded version with its own content', () => {
    expect(started({ ruleset: 'demo' })).toMatchObject({
      version: '1.0.1',
      hash: DEMO_HASHES['1.0.1'],
    });
    expect(started({ ruleset: 'demo', version: '1.0.0' })).toMatchObject({
      version: '1.0.0',
      hash: DEMO_HASHES['1.0.0'],
    });
  });

  it('refuses versions that would need sandboxes of their own', async () => {
    const [old, now] = demoVersions();
    const otherLua = { ...old!, scripts: { ...old!.scripts, extra: 'function f() end' } };
    await expect(tcgGameFor([otherLua, now!])).rejects.toThrow(
      'demo@1.0.0 and demo@1.0.1 have different Lua modules or budgets: they cannot share a sandbox.',
    );
  });
});

import {
  applyAction,
  createRng,
  replayFileOf,
  ReplayLog,
  startMatch,
  verifyReplay,
  type ReplayFile,
} from '@cardtable/engine';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VERSIONS_DIR, demoContent, demoVersions, tcgGameFor } from '../content/demo/index.ts';
import { SELF_TRIGGER_PHRASES, selfTriggeredSentence } from '../src/content/words.ts';
import type { TcgEvent } from '../src/engine/events.ts';
import {
  MAX_LUA_SANDBOXES,
  sharedRuntime,
  validateContentPackage,
  type Content,
  type TcgGame,
} from '../src/index.ts';
import { cpuMove } from './cpu-games.ts';
import { readPackage, REEF } from './package-files.ts';

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
  // Its Lua modules' comments say so too (1.0.1's still say "When played"): new Lua, same play.
  '1.0.2': '457e436a8c002a7113733f02dba8c8a2',
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

  it("words its Lua abilities' own triggers as generated text does, in its text and its Lua", () => {
    const { cards, scripts } = demoContent();
    const worded = [...cards.values()].flatMap((card) =>
      (card.abilities ?? []).flatMap((ability) =>
        ability.kind === 'triggered' &&
        ability.lua &&
        (ability.trigger.subject ?? '$self') === '$self' &&
        ability.trigger.on in SELF_TRIGGER_PHRASES
          ? [
              {
                on: ability.trigger.on as keyof typeof SELF_TRIGGER_PHRASES,
                text: ability.text!,
                lua: scripts[ability.lua.module]!,
              },
            ]
          : [],
      ),
    );
    expect(worded.length).toBeGreaterThan(0);
    for (const { on, text, lua } of worded) {
      const opening = selfTriggeredSentence(on, '');
      expect(text.slice(0, opening.length)).toBe(opening);
      // The module's opening comment says what the card says.
      expect(lua.slice(0, opening.length + 3)).toBe(`-- ${opening}`);
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
      version: '1.0.2',
      hash: DEMO_HASHES['1.0.2'],
    });
    for (const version of ['1.0.0', '1.0.1'])
      expect(started({ ruleset: 'demo', version })).toMatchObject({
        version,
        hash: DEMO_HASHES[version],
      });
  });

  it('runs each version on the sandbox of its own Lua: 1.0.0 and 1.0.1 share one, 1.0.2 has its own', () => {
    const [v100, v101, v102] = demoVersions().map((c) => game.scriptsFor(c));
    expect(v100).not.toBeNull();
    expect(v101).toBe(v100);
    expect(v102).not.toBe(v100);
  });
});

/** Reef (test/packages/reef) as version `version`, its Pearl Diver's `dive` as `dive`. */
async function reefVersion(version: string, dive: string): Promise<Content> {
  const files = readPackage(REEF);
  const ruleset = JSON.parse(String(files.get('ruleset.json'))) as { version: string };
  files.set('ruleset.json', JSON.stringify({ ...ruleset, version }));
  files.set('lua/pearl_diver.lua', dive);
  const checked = await validateContentPackage(files, { abilityTests: false });
  if (!checked.content) throw new Error(JSON.stringify(checked.errors));
  return checked.content;
}

const DIVE_AND_PEARL = String(readPackage(REEF).get('lua/pearl_diver.lua'));
const DIVE_DEEP =
  '-- When you play this: 3 damage to the enemy diver.\nfunction dive()\n  damage(state.enemy.hero, 3)\nend\n';

/** A CPU match on one version, both seats easy, as a replay file. */
function cpuMatch(game: TcgGame, version: string, seed: string): ReplayFile {
  const options = game.parseOptions({ ruleset: 'reef', version, decks: ['shallows', 'depths'] }, 2);
  if (!options.ok) throw new Error(options.error.message);
  const started = startMatch(game, {
    options: options.value,
    seats: [{ kind: 'human' }, { kind: 'human' }],
    seed,
  });
  let { match } = started;
  const log = new ReplayLog();
  log.append(started.resolution);
  for (let n = 0; n < 500 && !game.outcome(match.state); n++) {
    const [seat, action] = cpuMove(game, match.state, 'easy', createRng(seed, n));
    const applied = applyAction(game, match, seat, action, `a${n}`);
    if (!applied.ok) throw new Error(applied.error.message);
    log.append(applied.value.resolution);
    match = applied.value.match;
  }
  return replayFileOf(game, match, log, seed);
}

describe('versions of one set whose Lua differs', () => {
  let old: Content;
  let now: Content;
  let game: TcgGame & { dispose(): void };
  beforeAll(async () => {
    old = await reefVersion('1.0.0', DIVE_AND_PEARL);
    now = await reefVersion('2.0.0', DIVE_DEEP);
    game = await tcgGameFor([old, now]);
  });
  afterAll(() => game.dispose());

  it("plays and replays each version's matches with that version's own Lua", () => {
    const divers = (replay: ReplayFile) => {
      const played = replay.events.filter(
        (e) =>
          e.type === 'cardPlayed' && (e.data as { defId?: string }).defId === 'reef/pearl-diver',
      );
      const handles = new Set(played.map((e) => (e.data as { handle: string }).handle));
      return {
        played: played.length,
        pearls: replay.events.filter(
          (e) =>
            e.type === 'cardCreated' &&
            (e.data as { defId: string }).defId === 'reef/pearl-diver#pearl',
        ).length,
        hits: replay.events
          .filter((e) => e.type === 'damageDealt')
          .map((e) => e.data as { source: string | null; target: string; amount: number })
          .filter((d) => d.source !== null && handles.has(d.source) && d.target.startsWith('hero:'))
          .map((d) => d.amount),
      };
    };
    const before = cpuMatch(game, '1.0.0', 'lua-versions');
    const after = cpuMatch(game, '2.0.0', 'lua-versions');
    const [a, b] = [divers(before), divers(after)];
    expect(a.played).toBeGreaterThan(0);
    expect(b.played).toBeGreaterThan(0);
    // 1.0.0's dive: 1 damage and a Pearl; 2.0.0's: 3 damage, no Pearl.
    expect(a.pearls).toBe(a.played);
    expect(a.hits).toContain(1);
    expect(b.pearls).toBe(0);
    expect(b.hits).toContain(3);
    expect(b.hits).not.toContain(1);
    for (const replay of [before, after]) {
      const report = verifyReplay(game, replay);
      expect(report.ok, report.ok ? '' : report.message).toBe(true);
    }
    // The same seed and actions give the same events.
    expect(cpuMatch(game, '2.0.0', 'lua-versions').events).toEqual(after.events);
  });

  it('keeps one sandbox per distinct Lua bundle: versions with the same Lua share one', async () => {
    const live = () => sharedRuntime().stats().liveVms;
    const before = live();
    const twin = await reefVersion('1.0.1', DIVE_AND_PEARL);
    const shared = await tcgGameFor([old, twin, now]);
    expect(live()).toBe(before + 2);
    expect(shared.scriptsFor(twin)).toBe(shared.scriptsFor(old));
    expect(shared.scriptsFor(now)).not.toBe(shared.scriptsFor(old));
    shared.dispose();
    expect(live()).toBe(before);
  });

  it(`refuses more than ${MAX_LUA_SANDBOXES} distinct Lua bundles, before making any sandbox`, async () => {
    const many = await Promise.all(
      Array.from({ length: MAX_LUA_SANDBOXES + 1 }, (_, i) =>
        reefVersion(`3.0.${i}`, `${DIVE_DEEP}-- ${i}\n`),
      ),
    );
    const before = sharedRuntime().stats().liveVms;
    await expect(tcgGameFor(many)).rejects.toThrow(
      `reef: ${MAX_LUA_SANDBOXES + 1} versions with different Lua modules or budgets; one game keeps at most ${MAX_LUA_SANDBOXES} Lua sandboxes.`,
    );
    expect(sharedRuntime().stats().liveVms).toBe(before);
  });
});

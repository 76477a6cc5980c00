import { stateHash } from '@cardtable/engine';
import { contentKey, type Content } from '../content/content.ts';
import { ContentRegistry } from '../content/registry.ts';
import { tcgCpu } from '../cpu/index.ts';
import { createTcgGame, type TcgGame } from '../engine/game.ts';
import type { ScriptHost } from '../engine/scripts.ts';
import { createSandboxScriptHost } from '../lua/sandbox-host.ts';

/**
 * The most Lua sandboxes (VMs) one game keeps: one per distinct Lua bundle of its versions, all
 * of them live for as long as the game (a replay of any version may come at any time, and the
 * engine calls Lua synchronously, so a sandbox cannot be made on demand). Each VM is held to the
 * sandbox's memory cap, so a game's Lua memory is bounded by this many caps.
 */
export const MAX_LUA_SANDBOXES = 8;

/**
 * The TCG game with exactly this content registered, Lua abilities on the ability sandbox and
 * the CPU players: what the server, the CLI simulator, the benchmark and the studio's workers
 * play. `dispose` frees its Lua VMs. Works in Node and in browsers (no file system).
 *
 * Several versions of one set (the demo's, `demoVersions`) make one game that plays each match
 * with the version it records (new matches get the newest). Each version runs its Lua in the
 * sandbox of its own modules and budget, so versions may differ in Lua and a match replays with
 * the Lua it was played with; versions with the same Lua and budget share one sandbox. More than
 * `MAX_LUA_SANDBOXES` distinct bundles are refused before any sandbox is made.
 */
export async function tcgGameFor(
  content: Content | readonly Content[],
  name?: string,
): Promise<TcgGame & { dispose(): void }> {
  const contents = 'ruleset' in content ? [content] : content;
  const first = contents[0];
  if (!first) throw new Error('tcgGameFor needs some content.');
  // By id and version, as the registry (and so each match) finds its content.
  const bundleOfContent = new Map(contents.map((c) => [keyOf(c), bundleOf(c)]));
  const bundles = new Map(contents.map((c) => [bundleOfContent.get(keyOf(c))!, c]));
  if (bundles.size > MAX_LUA_SANDBOXES)
    throw new Error(
      `${first.ruleset.id}: ${bundles.size} versions with different Lua modules or budgets; one game keeps at most ${MAX_LUA_SANDBOXES} Lua sandboxes.`,
    );
  const hosts = await sandboxesOf([...bundles]);
  const byContent = new Map([...bundleOfContent].map(([key, bundle]) => [key, hosts.get(bundle)!]));
  const game = createTcgGame({
    ...(name ? { name } : {}),
    registry: new ContentRegistry(contents),
    scriptsFor: (c) => byContent.get(keyOf(c)) ?? null,
    cpu: tcgCpu,
  });
  return Object.assign(game, { dispose: () => disposeAll(hosts.values()) });
}

type SandboxHost = ScriptHost & { dispose(): void };

/** One sandbox per bundle; none is left running when one of them fails to load. */
async function sandboxesOf(
  bundles: readonly (readonly [string, Content])[],
): Promise<Map<string, SandboxHost>> {
  const hosts = new Map<string, SandboxHost>();
  for (const [bundle, content] of bundles) {
    const host = await createSandboxScriptHost(content.scripts, {
      instructionsPerCall: content.ruleset.limits.luaInstructions,
    });
    if (!host.ok) {
      disposeAll(hosts.values());
      throw new Error(host.error.message);
    }
    hosts.set(bundle, host.value);
  }
  return hosts;
}

const disposeAll = (hosts: Iterable<SandboxHost>) => {
  for (const host of hosts) host.dispose();
};

const keyOf = (content: Content) => contentKey(content.ruleset.id, content.ruleset.version);

/** What a set's sandbox is made from: its Lua modules and its instruction budget. */
const bundleOf = (content: Content): string =>
  stateHash({ scripts: content.scripts, budget: content.ruleset.limits.luaInstructions });

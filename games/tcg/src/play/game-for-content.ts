import { stateHash } from '@cardtable/engine';
import type { Content } from '../content/content.ts';
import { ContentRegistry } from '../content/registry.ts';
import { tcgCpu } from '../cpu/index.ts';
import { createTcgGame, type TcgGame } from '../engine/game.ts';
import { createSandboxScriptHost } from '../lua/sandbox-host.ts';

/**
 * The TCG game with exactly this content registered, Lua abilities on the ability sandbox and
 * the CPU players: what the server, the CLI simulator, the benchmark and the studio's workers
 * play. `dispose` frees its Lua VM. Works in Node and in browsers (no file system).
 *
 * Several versions of one set (the demo's, `demoVersions`) make one game that plays each match
 * with the version it records (new matches get the newest). They share one sandbox, so they
 * must have the same Lua modules and budget: versions that differ there are refused.
 */
export async function tcgGameFor(
  content: Content | readonly Content[],
  name?: string,
): Promise<TcgGame & { dispose(): void }> {
  const contents = 'ruleset' in content ? [content] : content;
  const first = contents[0];
  if (!first) throw new Error('tcgGameFor needs some content.');
  const differs = contents.find((other) => sandboxOf(other) !== sandboxOf(first));
  if (differs)
    throw new Error(
      `${first.ruleset.id}@${first.ruleset.version} and ${differs.ruleset.id}@${differs.ruleset.version} have different Lua modules or budgets: they cannot share a sandbox.`,
    );
  const host = await createSandboxScriptHost(first.scripts, {
    instructionsPerCall: first.ruleset.limits.luaInstructions,
  });
  if (!host.ok) throw new Error(host.error.message);
  const game = createTcgGame({
    ...(name ? { name } : {}),
    registry: new ContentRegistry(contents),
    scripts: host.value,
    cpu: tcgCpu,
  });
  return Object.assign(game, { dispose: () => host.value.dispose() });
}

/** What a set's sandbox is made from: its Lua modules and its instruction budget. */
const sandboxOf = (content: Content): string =>
  stateHash({ scripts: content.scripts, budget: content.ruleset.limits.luaInstructions });

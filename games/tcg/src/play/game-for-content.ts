import type { Content } from '../content/content.ts';
import { ContentRegistry } from '../content/registry.ts';
import { tcgCpu } from '../cpu/index.ts';
import { createTcgGame, type TcgGame } from '../engine/game.ts';
import { createSandboxScriptHost } from '../lua/sandbox-host.ts';

/**
 * The TCG game with exactly this content registered, Lua abilities on the ability sandbox and
 * the CPU players: what the server, the CLI simulator, the benchmark and the studio's workers
 * play. `dispose` frees its Lua VM. Works in Node and in browsers (no file system).
 */
export async function tcgGameFor(
  content: Content,
  name?: string,
): Promise<TcgGame & { dispose(): void }> {
  const host = await createSandboxScriptHost(content.scripts, {
    instructionsPerCall: content.ruleset.limits.luaInstructions,
  });
  if (!host.ok) throw new Error(host.error.message);
  const game = createTcgGame({
    ...(name ? { name } : {}),
    registry: new ContentRegistry([content]),
    scripts: host.value,
    cpu: tcgCpu,
  });
  return Object.assign(game, { dispose: () => host.value.dispose() });
}

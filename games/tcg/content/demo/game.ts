import { ContentRegistry, createTcgGame, type TcgGame } from '../../src/index.ts';
import { tcgCpu } from '../../src/cpu/index.ts';
import { createSandboxScriptHost } from '../../src/lua/sandbox-host.ts';
import { demoContent } from './index.ts';

/**
 * The TCG game with the demo ruleset registered, Lua abilities on the sandbox and the CPU
 * players: what the server, the CLI simulator and the benchmarks use.
 */
export async function createDemoGame(): Promise<TcgGame & { dispose(): void }> {
  const content = demoContent();
  const host = await createSandboxScriptHost(content.scripts, {
    instructionsPerCall: content.ruleset.limits.luaInstructions,
  });
  if (!host.ok) throw new Error(host.error.message);
  const game = createTcgGame({
    registry: new ContentRegistry([content]),
    scripts: host.value,
    cpu: tcgCpu,
  });
  return Object.assign(game, { dispose: () => host.value.dispose() });
}

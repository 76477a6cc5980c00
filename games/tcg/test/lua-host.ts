import { demoContent } from '../content/demo/index.ts';
import { createSandboxScriptHost } from '../src/index.ts';
import type { ScriptHost } from '../src/engine/scripts.ts';

let host: Promise<ScriptHost> | null = null;

/** One sandbox VM with the demo's Lua modules, shared by the tests of a file. */
export function demoScripts(): Promise<ScriptHost> {
  host ??= createSandboxScriptHost(demoContent().scripts, { instructionsPerCall: 200_000 }).then(
    (result) => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
  );
  return host;
}

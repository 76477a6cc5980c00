import { checkAbility, scanScript, type EffectCall, type SandboxRuntime } from '@cardtable/sandbox';
import { error, warning, type Diagnostic } from './diagnostic.ts';

/** What the validator learned about one module beyond its diagnostics. */
export interface ModuleFacts {
  file: string;
  /** Global functions it defines: the entries an ability may name. */
  functions: ReadonlySet<string>;
  calls: readonly EffectCall[];
}

/**
 * Problems reported per module: past this many, one more diagnostic sums up the rest. A module
 * of 64 KiB can hold some 16,000 one-line calls the lint refuses, and a package 64 modules: a
 * report of a million diagnostics overflowed the validator (and the server's answer).
 */
export const MAX_DIAGNOSTICS_PER_MODULE = 100;

/**
 * Every module compiles with Lua's own compiler (the same one a match uses) and passes the
 * lint against the ability API: only effect functions the engine offers, with the arities and
 * literal argument types it accepts.
 */
export async function checkLuaModules(
  modules: ReadonlyMap<string, { file: string; source: string }>,
  runtime: SandboxRuntime,
): Promise<{ diagnostics: Diagnostic[]; facts: Map<string, ModuleFacts> }> {
  const diagnostics: Diagnostic[] = [];
  const facts = new Map<string, ModuleFacts>();
  for (const [name, { file, source }] of modules) {
    const checked = await checkLuaModule(runtime, file, source);
    diagnostics.push(...checked.diagnostics);
    if (checked.facts) facts.set(name, checked.facts);
  }
  return { diagnostics, facts };
}

/**
 * One module's checks, with the validator's codes (`LUA_SYNTAX`, `LUA_EFFECT_ARGUMENTS`, ...):
 * `content validate` runs it on every module and `cardtable lua check` on one file, so both
 * name a problem the same way. `facts` is absent when the module does not compile.
 */
export async function checkLuaModule(
  runtime: SandboxRuntime,
  file: string,
  source: string,
): Promise<{ diagnostics: Diagnostic[]; facts?: ModuleFacts }> {
  const checked = await checkAbility(runtime, source);
  if (!checked.syntax.ok) {
    const { code, message, line } = checked.syntax.error;
    return {
      diagnostics: [
        error(code === 'SYNTAX' ? 'LUA_SYNTAX' : `LUA_${code}`, message, {
          file,
          ...(line === undefined ? {} : { line }),
        }),
      ],
    };
  }
  const diagnostics = checked.diagnostics.map((d) =>
    (d.severity === 'error' ? error : warning)(`LUA_${d.code}`, d.message, {
      file,
      line: d.line,
      column: d.column,
    }),
  );
  const scan = scanScript(source, {
    effects: runtime.effects,
    ...(runtime.state ? { state: runtime.state } : {}),
  });
  // The host loads `<module>\n<entry>()\n` per entry: it must fit the sandbox's source limit.
  const longest = Math.max(0, ...scan.functions.map((f) => f.length));
  const bytes = new TextEncoder().encode(source).length + longest + 4;
  if (bytes > runtime.limits.maxSourceBytes)
    diagnostics.push(
      error(
        'LUA_TOO_LARGE',
        `is ${bytes} bytes with its entry call; a module may have at most ${runtime.limits.maxSourceBytes}`,
        { file },
      ),
    );
  return {
    diagnostics: summedUp(diagnostics, file),
    facts: { file, functions: new Set(scan.functions), calls: scan.calls },
  };
}

/** The first MAX_DIAGNOSTICS_PER_MODULE, then one that counts the rest (an error if any is). */
function summedUp(diagnostics: Diagnostic[], file: string): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_MODULE) return diagnostics;
  const rest = diagnostics.slice(MAX_DIAGNOSTICS_PER_MODULE);
  const worst = rest.some((d) => d.severity === 'error') ? error : warning;
  return [
    ...diagnostics.slice(0, MAX_DIAGNOSTICS_PER_MODULE),
    worst('LUA_TOO_MANY_PROBLEMS', `has ${rest.length} more problems not listed`, { file }),
  ];
}

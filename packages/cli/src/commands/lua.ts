import { createRng } from '@cardtable/engine';
import {
  dryRunAbility,
  type CallResult,
  type JsonValue,
  type SandboxLimits,
  type StateField,
} from '@cardtable/sandbox';
import {
  checkLuaModule,
  formatDiagnostic,
  sampleScriptContext,
  sharedRuntime,
  TCG_SCRIPT_EFFECTS,
  TCG_SCRIPT_STATE,
  toEffects,
} from '@cardtable/tcg';
import { demoContent, tcgGameFor } from '@cardtable/tcg/demo';
import { parseJson, readText, type Parsed } from '../read-input.ts';
import { contentModuleHint } from './lua-module-hint.ts';
import { luaCardCommand } from './lua-card.ts';

export const LUA_USAGE = `Usage:
  cardtable lua check FILE [--json]
      Syntax (Lua 5.4's own compiler) and lint against the ability API (undeclared globals,
      unknown API names, effect arity and literal argument types, unreachable code), with line
      and column, under the codes content validate gives them (LUA_SYNTAX,
      LUA_EFFECT_ARGUMENTS, ...). Nothing runs. --json: {ok, errors, warnings}.
  cardtable lua run FILE [--entry NAME] [--state STATE.json] [--self JSON] [--args JSON]
                         [--budget N] [--memory BYTES] [--seed S] [--json]
      Runs FILE once as an ability (its top-level code, then NAME() when --entry is given, as a
      match calls a module's entry) and prints the effect calls and the engine effects they
      become: {ok, effects, engineEffects, instructions, memoryBytes} or
      {ok:false, error:{code, message, line}}. The state is what a match shows a script: by
      default a sample position the engine deals from the demo set (self: the active player's
      first unit); --state replaces it with a JSON file of that shape.
      --budget: instructions for the call; --memory: the VM's memory cap in bytes;
      --seed: seeds random(a, b) and the sample position (default "0").
  cardtable lua run --content DIR --card ID [--ability N|ID] [--state FILE] [--seed S]
                   [--event JSON] [--json]
      Runs a card's Lua ability (--ability: its id, e.g. "swell" or "attack:flame" for an
      attack, or N, the Nth of its Lua abilities from 0; default the first; or a keyword's the
      unit does not print, e.g. "burning:burn", granted to it for the run as a match may grant
      it) through its module's
      entry function exactly as a match would, from a sample position of that set (or --state:
      a match export, folded to its end, or an engine state), and prints the effect nodes the
      engine would apply, or the failure it would record. A triggered ability sees a sample
      state.event (its trigger's name, the subject its trigger matches, amount 1 for damage and
      healing); --event '{"amount": 3}' sets any of on, subject, source, player, amount.
  cardtable lua api [--json]
      The ability API: every effect function with its parameters, types and bounds.

Exit codes: 0 when the script is fine (check: warnings allowed; run: it ran and the engine
would apply what it asked for); 1 when it is not (check: an error; run: the script failed, or
the engine would refuse its effects); 2 when the command itself could not run.`;

interface RunOptions {
  file: string;
  json: boolean;
  entry?: string;
  state?: string;
  self?: string;
  args?: string;
  budget?: number;
  memory?: number;
  seed: string;
}

const VALUE_FLAGS = ['--entry', '--state', '--self', '--args', '--budget', '--memory', '--seed'];

/** `cardtable lua check|run|api ...`: creator tooling for ability scripts. */
export async function luaCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(LUA_USAGE);
    return sub ? 0 : 2;
  }
  if (sub === 'api') return apiCommand(rest);
  if (sub !== 'check' && sub !== 'run') return usageError(`Unknown lua subcommand: ${sub}`);
  if (sub === 'run' && rest.includes('--content')) {
    const result = await luaCardCommand(rest);
    if (result.ok) return result.value;
    if (result.error.code === 'BAD_FLAG') return usageError(result.error.message);
    console.error(result.error.message);
    // Content with errors is the creator's problem to fix (1), like a failing script.
    return result.error.code === 'INVALID_CONTENT' ? 1 : 2;
  }
  const parsed = parseOptions(rest, sub === 'run');
  if (!parsed.ok) return usageError(parsed.message);
  const options = parsed.value;

  const source = await readText(options.file);
  if (source === undefined) return usageError(`Cannot read ${options.file}`);

  if (sub === 'check') {
    const { diagnostics } = await checkLuaModule(sharedRuntime(), options.file, source);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    const ok = errors.length === 0;
    if (options.json) console.log(JSON.stringify({ ok, errors, warnings }));
    else {
      for (const d of diagnostics) console.log(formatDiagnostic(d));
      console.log(`${options.file}: ${errors.length} error(s), ${warnings.length} warning(s)`);
    }
    return ok ? 0 : 1;
  }

  const inputs = await loadInputs(options);
  if (!inputs.ok) return usageError(inputs.message);
  const limits: Partial<SandboxLimits> = {};
  if (options.budget !== undefined) {
    limits.instructionsPerCall = options.budget;
    limits.instructionsPerAction = options.budget;
  }
  if (options.memory !== undefined) limits.memoryBytes = options.memory;
  const rng = createRng(options.seed);
  const { state, self, controller } = inputs.value;
  let result: CallResult;
  try {
    // The engine calls a module's entry by appending the call, so line numbers do not move.
    const chunk = options.entry === undefined ? source : `${source}\n${options.entry}()\n`;
    result = await dryRunAbility(sharedRuntime(), chunk, {
      state,
      ...(self === undefined ? {} : { self }),
      ...(inputs.value.args === undefined ? {} : { args: inputs.value.args }),
      random: (min: number, max: number) => rng.int(min, max),
      limits,
    });
  } catch (error) {
    // Bad limits (out of range) or a VM that could not be created: the command could not run.
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const shaped = cliShape(result, controller);
  console.log(options.json ? JSON.stringify(shaped) : formatRun(options.file, result, shaped));
  const hint =
    options.json || options.state ? null : await contentModuleHint(options.file, options.entry);
  if (hint) console.error(hint);
  return shaped.ok && shaped.engineEffects && !('error' in shaped.engineEffects) ? 0 : 1;
}

function usageError(message: string): number {
  console.error(`${message}\n\n${LUA_USAGE}`);
  return 2;
}

function apiCommand(argv: string[]): number {
  if (argv.some((arg) => arg !== '--json')) return usageError(`Unknown flag: ${argv[0]}`);
  if (argv.includes('--json')) {
    console.log(JSON.stringify(TCG_SCRIPT_EFFECTS.map(({ check: _check, ...spec }) => spec)));
    return 0;
  }
  for (const spec of TCG_SCRIPT_EFFECTS) {
    const params = spec.params.map((p) => {
      const bounds =
        p.type === 'integer'
          ? ` ${p.min ?? '-inf'}..${p.max ?? 'inf'}`
          : p.type === 'string' && p.oneOf
            ? ` ${p.oneOf.join('|')}`
            : '';
      return `${p.name}: ${p.type}${bounds}${p.optional ? ' (optional)' : ''}`;
    });
    console.log(
      `${spec.summary ?? spec.name}\n    ${params.join(', ')}\n    e.g. ${spec.example ?? ''}`,
    );
  }
  console.log(
    "log(...) / print(...): a debug line, shown by lua run and the studio's dry run (a match keeps none)",
  );
  console.log('\nWhat a script reads (read-only): state, and self (the card, as an object id)');
  for (const line of stateLines(TCG_SCRIPT_STATE, 'state')) console.log(line);
  return 0;
}

function stateLines(fields: Readonly<Record<string, StateField>>, at: string): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const path = `${at}.${name}`;
    const line = `  ${path}${field.items ? '[i]' : ''}: ${field.doc}`;
    const inner = field.fields ?? field.items;
    return [line, ...(inner ? stateLines(inner, field.items ? `${path}[i]` : path) : [])];
  });
}

function parseOptions(argv: string[], isRun: boolean): Parsed<RunOptions> {
  const options: Partial<RunOptions> & { json: boolean; seed: string } = { json: false, seed: '0' };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      options.json = true;
    } else if (isRun && VALUE_FLAGS.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) return { ok: false, message: `${arg} needs a value` };
      const set = setValue(options, arg, value);
      if (set) return { ok: false, message: set };
    } else if (arg.startsWith('-')) {
      return { ok: false, message: `Unknown flag: ${arg}` };
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) return { ok: false, message: 'Give exactly one Lua file' };
  return { ok: true, value: { ...options, file: files[0] as string } };
}

function setValue(options: Partial<RunOptions>, flag: string, value: string): string | undefined {
  switch (flag) {
    case '--entry':
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value))
        return `--entry needs a function name, got "${value}"`;
      options.entry = value;
      return undefined;
    case '--state':
    case '--self':
    case '--args':
    case '--seed':
      options[flag.slice(2) as 'state' | 'self' | 'args' | 'seed'] = value;
      return undefined;
    case '--budget':
    case '--memory': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) {
        return `${flag} needs a positive integer, got "${value}"`;
      }
      if (flag === '--budget') options.budget = n;
      else options.memory = n;
      return undefined;
    }
    default:
      return `Unknown flag: ${flag}`;
  }
}

interface Inputs {
  state: JsonValue;
  self?: JsonValue;
  args?: JsonValue;
  /** The seat the script acts for (a player named by seat or hero id is relative to it). */
  controller: number;
}

async function loadInputs(options: RunOptions): Promise<Parsed<Inputs>> {
  let value: Inputs;
  if (options.state !== undefined) {
    const text = await readText(options.state);
    if (text === undefined) return { ok: false, message: `Cannot read ${options.state}` };
    const state = parseJson(text, options.state);
    if (!state.ok) return state;
    const controller = (state.value as { controller?: unknown } | null)?.controller;
    value = { state: state.value, controller: controller === 1 ? 1 : 0 };
  } else {
    const content = demoContent();
    const game = await tcgGameFor(content);
    try {
      const sample = sampleScriptContext(game, content, options.seed);
      value = {
        state: sample.context as JsonValue,
        controller: sample.controller,
        ...(sample.context.self === null ? {} : { self: sample.context.self }),
      };
    } finally {
      game.dispose();
    }
  }
  for (const key of ['self', 'args'] as const) {
    const text = options[key];
    if (text === undefined) continue;
    const parsed = parseJson(text, `--${key}`);
    if (!parsed.ok) return parsed;
    value[key] = parsed.value;
  }
  return { ok: true, value };
}

/** The documented output: a success, or an error with code, message and line only. */
function cliShape(result: CallResult, controller: number) {
  if (result.ok) {
    const { effects, instructions, memoryBytes } = result;
    const translated = toEffects(effects, controller);
    const engineEffects = translated.ok
      ? translated.value
      : { error: { code: translated.error.code, message: translated.error.message } };
    return { ok: true, effects, engineEffects, instructions, memoryBytes };
  }
  const { code, message, line } = result.error;
  return { ok: false, error: line === undefined ? { code, message } : { code, message, line } };
}

function formatRun(file: string, result: CallResult, shaped: ReturnType<typeof cliShape>): string {
  const usage = `${result.instructions} instructions, ${formatBytes(result.memoryBytes)} peak memory`;
  if (!result.ok) {
    const where = result.error.line === undefined ? file : `${file}:${result.error.line}`;
    return `${where}: ${result.error.code}: ${result.error.message}\n(${usage})`;
  }
  const lines = [`${file}: ok, ${result.effects.length} effect(s), ${usage}`];
  for (const effect of result.effects) {
    const args = Object.entries(effect.args).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    lines.push(`  ${effect.type}(${args.join(', ')})`);
  }
  const engine = 'engineEffects' in shaped ? shaped.engineEffects : undefined;
  if (engine) {
    lines.push('The engine would apply:');
    if ('error' in engine) lines.push(`  nothing: ${engine.error.code}: ${engine.error.message}`);
    else {
      for (const effect of engine.effects) lines.push(`  ${JSON.stringify(effect)}`);
      for (const [name, ids] of Object.entries(engine.bindings))
        lines.push(`  $${name} = ${ids.join(', ')}`);
    }
  }
  return lines.join('\n');
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

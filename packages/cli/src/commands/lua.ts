import { readFile } from 'node:fs/promises';
import { createRng } from '@cardtable/engine';
import {
  checkScript,
  dryRunScript,
  type CallResult,
  type CheckResult,
  type JsonValue,
  type SandboxLimits,
} from '@cardtable/sandbox';

export const LUA_USAGE = `Usage:
  cardtable lua check FILE [--json]
      Syntax (Lua 5.4's own compiler) and lint (undeclared globals, unknown API names,
      unreachable code), with line and column. Nothing runs.
  cardtable lua run FILE [--state STATE.json] [--self JSON] [--args JSON]
                         [--budget N] [--memory BYTES] [--seed S] [--json]
      Runs FILE once as an ability against the state (default: a sample two-player table, with
      a sample unit as self), in the sandbox, and prints
      {ok, effects, instructions, memoryBytes} or {ok:false, error:{code, message, line}}.
      --budget: instructions for the call; --memory: the VM's memory cap in bytes;
      --seed: seeds random(a, b) (the game kernel's RNG; default "0").

The exit code is 0 whatever the script did; 2 when the command itself could not run.`;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

interface RunOptions {
  file: string;
  json: boolean;
  state?: string;
  self?: string;
  args?: string;
  budget?: number;
  memory?: number;
  seed: string;
}

/** `cardtable lua check|run ...`: creator tooling for ability scripts. */
export async function luaCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(LUA_USAGE);
    return sub ? 0 : 2;
  }
  if (sub !== 'check' && sub !== 'run') return usageError(`Unknown lua subcommand: ${sub}`);
  const parsed = parseOptions(rest, sub === 'run');
  if (!parsed.ok) return usageError(parsed.message);
  const options = parsed.value;

  const source = await readText(options.file);
  if (source === undefined) return usageError(`Cannot read ${options.file}`);

  if (sub === 'check') {
    const result = await checkScript(source);
    console.log(options.json ? JSON.stringify(result) : formatCheck(options.file, result));
    return 0;
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
  let result: CallResult;
  try {
    result = await dryRunScript(source, {
      ...inputs.value,
      random: (min, max) => rng.int(min, max),
      limits,
    });
  } catch (error) {
    // Bad limits (out of range) or a VM that could not be created: the command could not run.
    return usageError(error instanceof Error ? error.message : String(error));
  }
  console.log(options.json ? JSON.stringify(cliShape(result)) : formatRun(options.file, result));
  return 0;
}

function usageError(message: string): number {
  console.error(`${message}\n\n${LUA_USAGE}`);
  return 2;
}

function parseOptions(argv: string[], isRun: boolean): Parsed<RunOptions> {
  const options: Partial<RunOptions> & { json: boolean; seed: string } = { json: false, seed: '0' };
  const files: string[] = [];
  const valueFlags = isRun ? ['--state', '--self', '--args', '--budget', '--memory', '--seed'] : [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      options.json = true;
    } else if (valueFlags.includes(arg)) {
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
    case '--state':
      options.state = value;
      return undefined;
    case '--self':
      options.self = value;
      return undefined;
    case '--args':
      options.args = value;
      return undefined;
    case '--seed':
      options.seed = value;
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

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function loadInputs(
  options: RunOptions,
): Promise<Parsed<{ state?: JsonValue; self?: JsonValue; args?: JsonValue }>> {
  const value: { state?: JsonValue; self?: JsonValue; args?: JsonValue } = {};
  if (options.state !== undefined) {
    const text = await readText(options.state);
    if (text === undefined) return { ok: false, message: `Cannot read ${options.state}` };
    const state = parseJson(text, options.state);
    if (!state.ok) return state;
    value.state = state.value;
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

function parseJson(text: string, where: string): Parsed<JsonValue> {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    return { ok: false, message: `${where} is not valid JSON: ${(error as Error).message}` };
  }
}

/** The documented output: a success, or an error with code, message and line only. */
function cliShape(result: CallResult) {
  if (result.ok) {
    const { effects, instructions, memoryBytes } = result;
    return { ok: true, effects, instructions, memoryBytes };
  }
  const { code, message, line } = result.error;
  return { ok: false, error: line === undefined ? { code, message } : { code, message, line } };
}

function formatRun(file: string, result: CallResult): string {
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
  return lines.join('\n');
}

function formatCheck(file: string, result: CheckResult): string {
  if (!result.syntax.ok) {
    const { code, message, line } = result.syntax.error;
    return `${line === undefined ? file : `${file}:${line}`}: ${code}: ${message}`;
  }
  const lines = result.diagnostics.map(
    (d) => `${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
  );
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  lines.push(`${file}: syntax ok, ${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n');
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KiB`
    : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

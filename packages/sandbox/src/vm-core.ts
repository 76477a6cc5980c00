import { readEffectArgs } from './effects/read-effect-args.ts';
import type { Effect, EffectSpec } from './effects/effect-spec.ts';
import { creatorLine, PRELUDE_CHUNK, splitPosition } from './error-position.ts';
import type { SandboxError, SandboxErrorCode } from './errors.ts';
import type { LuaHeap } from './heap.ts';
import { InstructionMeter } from './instruction-meter.ts';
import type { SandboxLimits } from './limits.ts';
import {
  LUA_ERRMEM,
  LUA_OK,
  LUA_REGISTRYINDEX,
  LUA_TNUMBER,
  LUA_TSTRING,
  LUA_TYPE_NAMES,
  luaUpvalueIndex,
} from './lua/lua-constants.ts';
import { describeViolation, MemoryMeter } from './memory-meter.ts';
import type { NativeTarget } from './natives.ts';
import { PRELUDE_SOURCE } from './prelude.ts';
import { ReadOnlyPusher, type ReadOnlyRefs } from './readonly-push.ts';
import { collectSortedKeys, pushBacking } from './sorted-keys.ts';
import { FORBIDDEN_GLOBALS, FORBIDDEN_MEMBERS } from './script-api.ts';
import { Watchdog } from './watchdog.ts';

/** The match's RNG as the host hands it in: an integer in [min, max], both inclusive. */
export type HostRandom = (min: number, max: number) => number;

export interface VmConfig {
  limits: Readonly<SandboxLimits>;
  /** `log` first, then the host's effects. */
  effects: readonly EffectSpec[];
  random?: HostRandom;
  now: () => number;
}

interface PreludeRefs extends ReadOnlyRefs {
  api: number;
  envMeta: number;
  stopMessage: number;
}

/** Instructions between two looks of the watchdog (the hook's period). */
const WATCH_PERIOD = 10_000;
/** Growing allocations between two looks of the watchdog from the allocator. */
const WATCH_ALLOCATIONS = 1024;
const STOP_MESSAGE = 'sandbox: the call was stopped';
const RANDOM_SPAN = 2 ** 32;

/** The outcome of one protected run: Lua's status, or a fault that crossed the wasm boundary. */
export type RunStatus = { status: number } | { fault: string };

/**
 * One Lua state and everything that watches it: the allocator's meter, the instruction meter,
 * the watchdog, and the natives scripts call. Operations on it are "episodes" (load, state,
 * call); a fatal condition in an episode (budget, memory, forbidden, watchdog, host fault) makes
 * the hook fire at every instruction, so the script cannot catch it and the episode ends.
 */
export class VmCore implements NativeTarget {
  readonly L: number;
  readonly meter: MemoryMeter;
  readonly instructions: InstructionMeter;
  readonly pusher: ReadOnlyPusher;
  readonly refs: PreludeRefs;
  /** The first fatal condition of the running episode. */
  fatal: SandboxError | undefined;
  effects: Effect[] = [];
  budgetScope: 'call' | 'action' = 'call';
  /** Set when a JS exception crossed the wasm boundary: the state is not trusted any more. */
  fault: string | undefined;
  /** Inside a protected run: a host callback must not re-enter this VM (it would reset its stack). */
  busy = false;
  private readonly watchdog: Watchdog;
  private readonly meterId: number;
  private errorLine: number | undefined;
  private lastEffectError: string | undefined;
  private job: ((L: number) => number) | undefined;
  private allocations = 0;
  private closed = false;

  constructor(
    readonly heap: LuaHeap,
    readonly config: VmConfig,
  ) {
    const { api, natives } = heap;
    this.watchdog = new Watchdog(config.now);
    this.meter = new MemoryMeter(config.limits.memoryBytes, config.limits.maxStringBytes, (v) =>
      this.setFatal('MEMORY_EXCEEDED', describeViolation(v)),
    );
    this.meter.watch = () => this.allocationTick();
    this.meterId = heap.addMeter(this.meter);
    this.L = api.lua_newstate(natives.alloc, this.meterId);
    if (!this.L) {
      heap.removeMeter(this.meterId);
      throw new Error('lua_newstate failed: the WASM heap is exhausted');
    }
    api.lua_atpanic(this.L, natives.panic);
    heap.attach(this.L, this);
    this.instructions = new InstructionMeter(
      api,
      heap.memory,
      this.L,
      this.L + heap.calibration.hookcountOffset,
      natives.hook,
      WATCH_PERIOD,
    );
    const refs = { api: 0, envMeta: 0, stopMessage: 0, roNewindex: 0 };
    this.refs = refs;
    this.pusher = new ReadOnlyPusher(heap, refs, natives.roLen, (L) => this.raiseStop(L));
    this.meter.reset();
    const run = this.runProtected((L) => this.setup(L, refs));
    if (!('status' in run) || run.status !== LUA_OK || this.fatal) {
      const reason = this.fatal?.message ?? ('fault' in run ? run.fault : this.takeError().message);
      this.close();
      throw new Error(`Could not create a sandbox VM: ${reason}`);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Episodes

  /** Starts an operation: no fatal condition, no effects, a fresh memory peak. */
  beginEpisode(): void {
    this.fatal = undefined;
    this.effects = [];
    this.errorLine = undefined;
    this.lastEffectError = undefined;
    this.allocations = 0;
    this.meter.reset();
  }

  armWatchdog(): void {
    this.watchdog.arm(this.config.limits.watchdogMs);
  }

  disarmWatchdog(): void {
    this.watchdog.disarm();
    this.heap.api.lua_sethook(this.L, 0, 0, 0);
  }

  /**
   * Runs `job` inside lua_pcall (through the runner native), with the message handler at
   * index 1. On an error the error value is left at index 2 for `takeError`.
   */
  runProtected(job: (L: number) => number): RunStatus {
    const { api, natives } = this.heap;
    const { L } = this;
    api.lua_settop(L, 0);
    api.lua_pushcclosure(L, natives.messageHandler, 0);
    api.lua_pushcclosure(L, natives.runner, 0);
    this.job = job;
    this.busy = true;
    try {
      return { status: api.lua_pcallk(L, 0, 0, 1, 0, 0) };
    } catch (error) {
      // Only Lua's own unwinding may cross wasm; anything else leaves Lua's state unknown.
      const reason = error instanceof Error ? error.message : String(error);
      this.fault = reason;
      this.heap.poison(reason);
      return { fault: reason };
    } finally {
      this.job = undefined;
      this.busy = false;
    }
  }

  /** The error of a failed run, cleaned of chunk positions, with the creator's line. */
  takeError(): { message: string; line?: number; code: SandboxErrorCode } {
    const { api, memory } = this.heap;
    const { L } = this;
    const type = api.lua_type(L, -1);
    let text: string;
    if (type === LUA_TSTRING || type === LUA_TNUMBER) {
      const ptr = api.lua_tolstring(L, -1, memory.outPtr);
      text = memory.readString(ptr, memory.readI32(memory.outPtr));
    } else {
      text = `(error object is a ${LUA_TYPE_NAMES[type] ?? 'strange'} value)`;
    }
    const code: SandboxErrorCode = text === this.lastEffectError ? 'INVALID_EFFECT' : 'RUNTIME';
    api.lua_settop(L, 0);
    const split = splitPosition(text);
    const line = split.line ?? this.errorLine;
    return line === undefined
      ? { message: split.message, code }
      : { message: split.message, line, code };
  }

  /** Ends the episode's fatal condition; returns the error it left, if any. */
  outcomeOf(run: RunStatus): SandboxError | undefined {
    if ('fault' in run) {
      return { code: 'VM_UNAVAILABLE', message: `internal sandbox fault: ${run.fault}` };
    }
    if (this.fatal) {
      // the hook set to stop the episode must not outlive it
      this.heap.api.lua_sethook(this.L, 0, 0, 0);
      this.heap.api.lua_settop(this.L, 0);
      return this.fatal;
    }
    if (run.status === LUA_OK) return undefined;
    if (run.status === LUA_ERRMEM) {
      this.heap.api.lua_settop(this.L, 0);
      return { code: 'MEMORY_EXCEEDED', message: 'not enough memory' };
    }
    const error = this.takeError();
    return error.line === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, line: error.line };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const { api } = this.heap;
    try {
      if (!this.fault) api.lua_close(this.L);
    } catch (error) {
      this.heap.poison(error instanceof Error ? error.message : String(error));
    }
    this.heap.detach(this.L);
    this.heap.removeMeter(this.meterId);
  }

  // ---------------------------------------------------------------------------------------
  // Fatal conditions

  setFatal(code: SandboxErrorCode, message: string, line?: number): void {
    if (!this.fatal) this.fatal = line === undefined ? { code, message } : { code, message, line };
    this.instructions.stopAtEveryInstruction();
  }

  /** Raises the stop error (a preallocated string; the real error is `fatal`). */
  raiseStop(L: number): number {
    const { api } = this.heap;
    api.lua_rawgeti(L, LUA_REGISTRYINDEX, BigInt(this.refs.stopMessage));
    return api.lua_error(L);
  }

  /** Raises a catchable error at the creator's line, like luaL_error does at its caller. */
  private raiseMessage(L: number, message: string): number {
    const { api, memory } = this.heap;
    const line = creatorLine(this.heap, L, 1);
    const text = line === undefined ? message : `ability:${line}: ${message}`;
    const [ptr, len] = memory.writeScratch(text);
    api.lua_pushlstring(L, ptr, len);
    return api.lua_error(L);
  }

  private allocationTick(): boolean {
    this.allocations++;
    if (this.allocations % WATCH_ALLOCATIONS !== 0 || !this.watchdog.expired()) return false;
    this.setFatal('WATCHDOG', this.watchdogMessage());
    return true;
  }

  private watchdogMessage(): string {
    return `the call ran longer than ${this.config.limits.watchdogMs} ms of wall-clock time`;
  }

  private budgetMessage(): string {
    const { instructionsPerCall, instructionsPerAction } = this.config.limits;
    return this.budgetScope === 'call'
      ? `instruction budget exceeded: ${instructionsPerCall} instructions per call`
      : `instruction budget exceeded: ${instructionsPerAction} instructions per action`;
  }

  // ---------------------------------------------------------------------------------------
  // Natives (called from wasm)

  runJob(L: number): number {
    const job = this.job;
    this.job = undefined;
    return job ? job(L) : 0;
  }

  onCountHook(L: number): void {
    if (this.fatal) {
      this.fatal.line ??= creatorLine(this.heap, L, 0);
      this.raiseStop(L);
      return;
    }
    if (!this.instructions.periodElapsed()) {
      this.setFatal('BUDGET_EXCEEDED', this.budgetMessage(), creatorLine(this.heap, L, 0));
      this.raiseStop(L);
      return;
    }
    if (this.watchdog.expired()) {
      this.setFatal('WATCHDOG', this.watchdogMessage(), creatorLine(this.heap, L, 0));
      this.raiseStop(L);
    }
  }

  onError(L: number): void {
    if (!this.fatal) this.errorLine = creatorLine(this.heap, L, 0);
  }

  emitEffect(L: number): number {
    if (this.fatal) return this.raiseStop(L);
    const { api } = this.heap;
    const spec = this.config.effects[Number(api.lua_tointegerx(L, luaUpvalueIndex(1), 0))];
    if (!spec) return this.raiseMessage(L, 'unknown effect');
    const read = readEffectArgs(this.heap, L, spec, this.config.limits.maxStringBytes);
    let problem = read.ok ? undefined : read.message;
    if (read.ok && spec.check) {
      try {
        problem = spec.check(read.value);
      } catch (error) {
        this.setFatal('HOST_ERROR', `${spec.name}: the host's check threw: ${String(error)}`);
        return this.raiseStop(L);
      }
    }
    if (problem !== undefined || !read.ok) {
      const message = `${spec.name}: ${problem ?? 'invalid arguments'}`;
      const line = creatorLine(this.heap, L, 1);
      this.lastEffectError = line === undefined ? message : `ability:${line}: ${message}`;
      return this.raiseMessage(L, message);
    }
    if (this.effects.length >= this.config.limits.maxEffectsPerCall) {
      const limit = this.config.limits.maxEffectsPerCall;
      this.setFatal(
        'LIMIT_EXCEEDED',
        `more than ${limit} effects in one call`,
        creatorLine(this.heap, L, 1),
      );
      return this.raiseStop(L);
    }
    this.effects.push({ type: spec.name, args: read.value });
    return 0;
  }

  random(L: number): number {
    if (this.fatal) return this.raiseStop(L);
    const { api } = this.heap;
    const bounds: number[] = [];
    for (const index of [1, 2]) {
      const value = api.lua_type(L, index) === LUA_TNUMBER ? api.lua_tonumberx(L, index, 0) : NaN;
      if (!Number.isSafeInteger(value)) {
        return this.raiseMessage(L, `bad argument #${index} to 'random' (integer expected)`);
      }
      bounds.push(value);
    }
    const [min, max] = bounds as [number, number];
    if (min > max) return this.raiseMessage(L, `bad argument #2 to 'random' (interval is empty)`);
    if (max - min >= RANDOM_SPAN) {
      return this.raiseMessage(L, `bad argument #2 to 'random' (interval wider than 2^32)`);
    }
    const host = this.config.random;
    if (!host) return this.raiseMessage(L, 'random: this VM was created without an RNG');
    let value: number;
    try {
      value = host(min, max);
    } catch (error) {
      this.setFatal(
        'HOST_ERROR',
        `random: the host RNG threw: ${String(error)}`,
        creatorLine(this.heap, L, 1),
      );
      return this.raiseStop(L);
    }
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.setFatal(
        'HOST_ERROR',
        `random: the host RNG returned ${String(value)} for [${min}, ${max}]`,
      );
      return this.raiseStop(L);
    }
    api.lua_pushinteger(L, BigInt(value));
    return 1;
  }

  forbid(L: number): number {
    const { api, memory } = this.heap;
    let name = '?';
    if (api.lua_type(L, 1) === LUA_TSTRING) {
      const ptr = api.lua_tolstring(L, 1, memory.outPtr);
      name = memory.readString(ptr, memory.readI32(memory.outPtr));
    }
    this.setFatal('FORBIDDEN', forbiddenMessage(name), creatorLine(this.heap, L, 1));
    return this.raiseStop(L);
  }

  charge(L: number): number {
    if (this.fatal) return this.raiseStop(L);
    const n = Number(this.heap.api.lua_tointegerx(L, 1, 0));
    if (!this.instructions.charge(n)) {
      this.setFatal('BUDGET_EXCEEDED', this.budgetMessage(), creatorLine(this.heap, L, 1));
      return this.raiseStop(L);
    }
    return 0;
  }

  sortedKeys(L: number): number {
    if (this.fatal) return this.raiseStop(L);
    const result = collectSortedKeys(this.heap, L);
    if (typeof result === 'string') return this.raiseMessage(L, result);
    if (!this.instructions.charge(result)) {
      this.setFatal('BUDGET_EXCEEDED', this.budgetMessage(), creatorLine(this.heap, L, 1));
      return this.raiseStop(L);
    }
    return 1;
  }

  where(L: number): number {
    const line = creatorLine(this.heap, L, 1);
    const [ptr, len] = this.heap.memory.writeScratch(line === undefined ? '' : `ability:${line}: `);
    this.heap.api.lua_pushlstring(L, ptr, len);
    return 1;
  }

  roLen(L: number): number {
    const { api } = this.heap;
    pushBacking(this.heap, L, 1);
    api.lua_pushinteger(L, BigInt(api.lua_rawlen(L, -1)));
    return 1;
  }

  stopped(L: number): number {
    this.heap.api.lua_pushboolean(L, this.fatal ? 1 : 0);
    return 1;
  }

  // ---------------------------------------------------------------------------------------
  // Setup: libraries, prelude, natives

  private setup(L: number, refs: PreludeRefs): number {
    const { api, memory, natives } = this.heap;
    const name = (text: string) => memory.cString(text);
    api.luaopen_base(L);
    api.lua_settop(L, 0);
    for (const [lib, open] of [
      ['string', api.luaopen_string],
      ['table', api.luaopen_table],
      ['math', api.luaopen_math],
    ] as const) {
      open(L);
      api.lua_setglobal(L, name(lib));
    }
    const [ptr, len] = memory.writeScratch(PRELUDE_SOURCE);
    if (api.luaL_loadbufferx(L, ptr, len, name(PRELUDE_CHUNK), name('t')) !== LUA_OK) {
      return api.lua_error(L);
    }
    api.lua_createtable(L, 0, 6);
    api.lua_createtable(L, 0, this.config.effects.length);
    this.config.effects.forEach((spec, index) => {
      api.lua_pushinteger(L, BigInt(index));
      api.lua_pushcclosure(L, natives.emitEffect, 1);
      api.lua_setfield(L, -2, name(spec.name));
    });
    api.lua_setfield(L, -2, name('effects'));
    for (const [field, fn] of [
      ['random', natives.random],
      ['forbid', natives.forbid],
      ['charge', natives.charge],
      ['stopped', natives.stopped],
      ['sorted_keys', natives.sortedKeys],
      ['ro_len', natives.roLen],
      ['where', natives.where],
    ] as const) {
      api.lua_pushcclosure(L, fn, 0);
      api.lua_setfield(L, -2, name(field));
    }
    api.lua_pushinteger(L, BigInt(this.config.limits.maxStringBytes));
    api.lua_setfield(L, -2, name('maxStringBytes'));
    api.lua_pushinteger(L, BigInt(this.config.limits.maxResults));
    api.lua_setfield(L, -2, name('maxResults'));
    api.lua_callk(L, 1, 1, 0, 0);
    const fields: [keyof PreludeRefs, string][] = [
      ['api', 'api'],
      ['envMeta', 'env_meta'],
      ['roNewindex', 'ro_newindex'],
    ];
    for (const [key, field] of fields) {
      api.lua_getfield(L, -1, name(field));
      refs[key] = api.luaL_ref(L, LUA_REGISTRYINDEX);
    }
    const [stopPtr, stopLen] = memory.writeScratch(STOP_MESSAGE);
    api.lua_pushlstring(L, stopPtr, stopLen);
    refs.stopMessage = api.luaL_ref(L, LUA_REGISTRYINDEX);
    api.lua_settop(L, 0);
    return 0;
  }
}

function forbiddenMessage(name: string): string {
  if (name === '__gc') return 'metatables with __gc are not allowed (finalizers run unmetered)';
  if (name === '__mode') return 'weak tables (__mode) are not allowed (they depend on GC timing)';
  const reason = FORBIDDEN_GLOBALS[name] ?? FORBIDDEN_MEMBERS[name];
  return reason
    ? `'${name}' is not available in the sandbox: ${reason}`
    : `'${name}' is not available in the sandbox`;
}

import { LOG_EFFECT } from './effects/log-effect.ts';
import { assertValidEffectSpecs, type EffectSpec } from './effects/effect-spec.ts';
import { ENGINE_INFO, type EngineInfo } from './engine-info.ts';
import { HeapPool, type HeapPoolOptions, type HeapStats } from './heap-pool.ts';
import { resolveLimits, type SandboxLimits } from './limits.ts';
import { BASE_GLOBALS, CONTEXT_GLOBALS, LIBRARY_MEMBERS, type StateField } from './script-api.ts';
import { VmCore, type HostRandom } from './vm-core.ts';
import { SandboxVm } from './vm.ts';

export interface SandboxRuntimeOptions extends Partial<Omit<HeapPoolOptions, 'wasmUrl'>> {
  /** Where wasmoon's glue.wasm is served (needed in browsers; Node finds it by itself). */
  wasmUrl?: string;
  /** Default limits of every VM (each VM may override). */
  limits?: Partial<SandboxLimits>;
  /**
   * The effect functions scripts may call: the game's ability API (the TCG's is
   * `TCG_SCRIPT_EFFECTS`). `log` is always added. Default: none but `log`.
   */
  effects?: readonly EffectSpec[];
  /** The fields of the `state` the host shows scripts, for the lint. Default: not checked. */
  state?: Readonly<Record<string, StateField>>;
  /** The watchdog's clock (ms). Default: performance.now. */
  now?: () => number;
}

export interface CreateVmOptions {
  /** The match's seeded RNG, used by `random(a, b)`. Without it, `random` raises an error. */
  random?: HostRandom;
  limits?: Partial<SandboxLimits>;
}

const RESERVED_NAMES = new Set([
  ...BASE_GLOBALS,
  ...CONTEXT_GLOBALS,
  ...Object.keys(LIBRARY_MEMBERS),
]);

/**
 * The ability sandbox for a game engine: creates one VM per match on a pool of WASM heaps.
 * Create one per process (server) or per page (browser) and keep it.
 */
export class SandboxRuntime {
  readonly engine: EngineInfo = ENGINE_INFO;
  readonly limits: Readonly<SandboxLimits>;
  /** `log` first, then the host's effects, in the order scripts' natives are numbered. */
  readonly effects: readonly EffectSpec[];
  readonly state: Readonly<Record<string, StateField>> | undefined;
  private readonly pool: HeapPool;
  private readonly now: () => number;
  private readonly live = new Set<SandboxVm>();

  constructor(options: SandboxRuntimeOptions = {}) {
    const hostEffects = options.effects ?? [];
    assertValidEffectSpecs(hostEffects, new Set([...RESERVED_NAMES, LOG_EFFECT.name]));
    this.effects = [LOG_EFFECT, ...hostEffects];
    this.state = options.state;
    this.limits = resolveLimits(options.limits);
    this.now = options.now ?? (() => performance.now());
    this.pool = new HeapPool({
      heaps: options.heaps ?? 4,
      vmsPerHeap: options.vmsPerHeap ?? 256,
      retireAfterVms: options.retireAfterVms ?? 2048,
      retireAboveBytes: options.retireAboveBytes ?? 512 * 1024 * 1024,
      ...(options.wasmUrl === undefined ? {} : { wasmUrl: options.wasmUrl }),
    });
  }

  /** A new VM (one per match). Throws only for operational faults (heap exhausted, bad limits). */
  async createVm(options: CreateVmOptions = {}): Promise<SandboxVm> {
    const limits = resolveLimits(this.limits, options.limits);
    const heap = await this.pool.acquire();
    let core: VmCore;
    try {
      core = new VmCore(heap, {
        limits,
        effects: this.effects,
        now: this.now,
        ...(options.random ? { random: options.random } : {}),
      });
    } catch (error) {
      this.pool.release(heap);
      throw error;
    }
    const vm = new SandboxVm(core, () => {
      this.live.delete(vm);
      this.pool.release(heap);
    });
    this.live.add(vm);
    return vm;
  }

  /** @internal the heap used by tooling (syntax checks) */
  toolingHeap() {
    return this.pool.any();
  }

  stats(): { liveVms: number; heaps: HeapStats[] } {
    return { liveVms: this.live.size, heaps: this.pool.stats() };
  }

  /** Disposes every VM and lets the heaps go. */
  dispose(): void {
    for (const vm of [...this.live]) vm.dispose();
    this.pool.dropIdle();
  }
}

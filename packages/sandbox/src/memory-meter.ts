import { LUA_TSTRING } from './lua/lua-constants.ts';

export type MemoryViolation =
  | { kind: 'cap'; requested: number; used: number; cap: number }
  | { kind: 'string'; bytes: number; limit: number }
  | { kind: 'heap'; requested: number };

/** Header bytes of a Lua string object on wasm32 (TString fields plus the terminating NUL). */
const STRING_OVERHEAD = 32;
/**
 * A small allocation that crosses the cap is granted and the call is stopped at the next
 * instruction instead: there the instruction hook can name the creator's line. A refusal inside
 * the allocator could not (the Lua stack may be mid-reallocation).
 */
const OVERDRAFT_BYTES = 64 * 1024;

/** Counts one VM's bytes through its allocator and enforces the memory and string caps. */
export class MemoryMeter {
  used = 0;
  peak = 0;
  /** When set, every growing allocation fails (the watchdog fired). */
  blocked = false;
  /** Called on each growing allocation; returning true blocks allocation (the watchdog). */
  watch: () => boolean = () => false;
  private violated = false;
  /** The previous growing request was refused (Lua collects garbage, then retries). */
  private refusedLast = false;

  constructor(
    readonly cap: number,
    private readonly maxStringBytes: number,
    private readonly onViolation: (violation: MemoryViolation) => void,
  ) {}

  /**
   * Whether an allocation may proceed. `tag` is Lua's object type for a new object (the
   * allocator's `osize` when `ptr` is NULL), or -1 for a resize.
   */
  admit(tag: number, newSize: number, delta: number): boolean {
    if (delta <= 0) return true; // shrinking never fails: Lua does not expect it to
    if (this.blocked || this.watch()) {
      this.blocked = true;
      return false;
    }
    let violation: MemoryViolation | undefined;
    if (tag === LUA_TSTRING && newSize > this.maxStringBytes + STRING_OVERHEAD) {
      violation = { kind: 'string', bytes: newSize - STRING_OVERHEAD, limit: this.maxStringBytes };
    } else if (this.used + delta > this.cap) {
      violation = { kind: 'cap', requested: delta, used: this.used, cap: this.cap };
    }
    if (!violation) {
      this.refusedLast = false;
      return true;
    }
    if (!this.refusedLast && !this.violated) {
      // Refuse once: Lua answers with an emergency full collection and asks again.
      this.refusedLast = true;
      return false;
    }
    this.refusedLast = false;
    if (!this.violated) {
      this.violated = true;
      this.onViolation(violation);
    }
    return delta <= OVERDRAFT_BYTES && this.used + delta <= this.cap + OVERDRAFT_BYTES;
  }

  commit(delta: number): void {
    this.used += delta;
    if (this.used > this.peak) this.peak = this.used;
  }

  release(bytes: number): void {
    this.used -= bytes;
  }

  heapExhausted(requested: number): void {
    if (this.violated) return;
    this.violated = true;
    this.onViolation({ kind: 'heap', requested });
  }

  /** Starts a new operation: a fresh peak and no violation yet. */
  reset(): void {
    this.peak = this.used;
    this.violated = false;
    this.refusedLast = false;
    this.blocked = false;
  }
}

export function describeViolation(violation: MemoryViolation): string {
  switch (violation.kind) {
    case 'cap':
      return `memory cap of ${violation.cap} bytes exceeded`;
    case 'string':
      return `a string of ${violation.bytes} bytes is over the limit of ${violation.limit} bytes`;
    case 'heap':
      return `the WASM heap could not grow by ${violation.requested} bytes`;
  }
}

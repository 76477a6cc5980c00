import type { LuaApi } from './lua-api.ts';

const encoder = new TextEncoder();
const lenientDecoder = new TextDecoder('utf-8');
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Views over one module's WASM memory, refreshed when the memory grows (growing detaches the old
 * ArrayBuffer), plus a scratch area for passing strings into C without a malloc per string.
 */
export class WasmMemory {
  private u8: Uint8Array;
  private i32: Int32Array;
  private scratch: number;
  private scratchSize: number;
  /** Four bytes for out-parameters such as `size_t *len`. */
  readonly outPtr: number;
  private readonly cStrings = new Map<string, number>();

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly api: LuaApi,
  ) {
    this.u8 = new Uint8Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
    this.scratchSize = 64 * 1024;
    this.scratch = this.mustMalloc(this.scratchSize);
    this.outPtr = this.mustMalloc(8);
  }

  bytes(): Uint8Array {
    if (this.u8.buffer !== this.memory.buffer) this.refresh();
    return this.u8;
  }

  readI32(ptr: number): number {
    if (this.i32.buffer !== this.memory.buffer) this.refresh();
    return this.i32[ptr >> 2] ?? 0;
  }

  writeI32(ptr: number, value: number): void {
    if (this.i32.buffer !== this.memory.buffer) this.refresh();
    this.i32[ptr >> 2] = value;
  }

  /**
   * Writes `text` as UTF-8 into the scratch area and returns [pointer, byteLength]. The pointer
   * is valid until the next call; consume it before anything else writes scratch.
   */
  writeScratch(text: string): [number, number] {
    const maxBytes = text.length * 3;
    if (maxBytes > this.scratchSize) this.growScratch(maxBytes);
    const { written } = encoder.encodeInto(
      text,
      this.bytes().subarray(this.scratch, this.scratch + this.scratchSize),
    );
    return [this.scratch, written];
  }

  /** A NUL-terminated copy of `text` that lives as long as the module (for field names). */
  cString(text: string): number {
    let ptr = this.cStrings.get(text);
    if (ptr === undefined) {
      const bytes = encoder.encode(text);
      ptr = this.mustMalloc(bytes.length + 1);
      const u8 = this.bytes();
      u8.set(bytes, ptr);
      u8[ptr + bytes.length] = 0;
      this.cStrings.set(text, ptr);
    }
    return ptr;
  }

  /** How many field names are interned; callers bound it for names taken from host data. */
  get cStringCount(): number {
    return this.cStrings.size;
  }

  readCString(ptr: number, maxBytes = 4096): string {
    const u8 = this.bytes();
    let end = ptr;
    while (end < ptr + maxBytes && u8[end] !== 0) end++;
    return lenientDecoder.decode(u8.subarray(ptr, end));
  }

  /** Decodes `len` bytes at `ptr`; invalid UTF-8 becomes U+FFFD. */
  readString(ptr: number, len: number): string {
    return lenientDecoder.decode(this.bytes().subarray(ptr, ptr + len));
  }

  /** Decodes `len` bytes at `ptr`, or undefined if they are not valid UTF-8. */
  readStrictString(ptr: number, len: number): string | undefined {
    try {
      return strictDecoder.decode(this.bytes().subarray(ptr, ptr + len));
    } catch {
      return undefined;
    }
  }

  /** Frees every allocation this object made (before the module is dropped). */
  release(): void {
    this.api.free(this.scratch);
    this.api.free(this.outPtr);
    for (const ptr of this.cStrings.values()) this.api.free(ptr);
    this.cStrings.clear();
  }

  private growScratch(bytes: number): void {
    this.api.free(this.scratch);
    this.scratchSize = Math.max(bytes, this.scratchSize * 2);
    this.scratch = this.mustMalloc(this.scratchSize);
  }

  private mustMalloc(bytes: number): number {
    const ptr = this.api.malloc(bytes);
    if (!ptr) throw new Error(`WASM heap exhausted allocating ${bytes} bytes`);
    return ptr;
  }

  private refresh(): void {
    this.u8 = new Uint8Array(this.memory.buffer);
    this.i32 = new Int32Array(this.memory.buffer);
  }
}

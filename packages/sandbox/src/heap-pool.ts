import { LuaHeap } from './heap.ts';

export interface HeapPoolOptions {
  /** Heaps to spread VMs over (created on demand). */
  heaps: number;
  /** Live VMs one heap may hold. */
  vmsPerHeap: number;
  /** A heap that has hosted this many VMs takes no more and is dropped once empty. */
  retireAfterVms: number;
  /** A heap whose WASM memory has grown past this takes no more VMs (memory never shrinks). */
  retireAboveBytes: number;
  wasmUrl?: string;
}

export interface HeapStats {
  id: number;
  liveVms: number;
  createdVms: number;
  wasmBytes: number;
  retired: boolean;
}

/**
 * Places VMs on several wasmoon module instances (separate WASM heaps) and recycles them: a
 * heap is retired after enough VMs or enough growth, and released when its last VM goes.
 */
export class HeapPool {
  private readonly heaps: LuaHeap[] = [];
  private pending: Promise<LuaHeap> | undefined;

  constructor(private readonly options: HeapPoolOptions) {}

  /** A heap with room for one more VM, creating one if the pool may grow. */
  async acquire(): Promise<LuaHeap> {
    for (;;) {
      this.retireWornHeaps();
      const open = this.heaps.filter((h) => !h.retired && h.liveVms < this.options.vmsPerHeap);
      const active = this.heaps.filter((h) => !h.retired).length;
      const emptyOpen = open.some((h) => h.liveVms === 0);
      if (open.length > 0 && (emptyOpen || active >= this.options.heaps)) {
        const heap = open.reduce((best, h) => (h.liveVms < best.liveVms ? h : best));
        heap.liveVms++;
        heap.createdVms++;
        return heap;
      }
      if (active >= this.options.heaps && open.length === 0 && !this.pending) {
        throw new Error(
          `Sandbox heaps are full: ${this.options.heaps} x ${this.options.vmsPerHeap} VMs`,
        );
      }
      await this.grow();
    }
  }

  /** The VM placed on `heap` is gone; release the heap if it is retired and empty. */
  release(heap: LuaHeap): void {
    heap.liveVms--;
    this.retireWornHeaps();
    if (heap.retired && heap.liveVms === 0) this.drop(heap);
  }

  /** The heap used for tooling (syntax checks); any open heap will do. */
  async any(): Promise<LuaHeap> {
    const open = this.heaps.find((h) => !h.retired);
    return open ?? (await this.grow());
  }

  stats(): HeapStats[] {
    return this.heaps.map((h) => ({
      id: h.id,
      liveVms: h.liveVms,
      createdVms: h.createdVms,
      wasmBytes: h.wasmBytes,
      retired: h.retired,
    }));
  }

  /** Releases every heap that has no live VM (the runtime is being disposed). */
  dropIdle(): void {
    for (const heap of [...this.heaps]) if (heap.liveVms === 0) this.drop(heap);
  }

  private grow(): Promise<LuaHeap> {
    this.pending ??= LuaHeap.create(this.options.wasmUrl)
      .then((heap) => {
        this.heaps.push(heap);
        return heap;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private retireWornHeaps(): void {
    for (const heap of [...this.heaps]) {
      if (
        heap.createdVms >= this.options.retireAfterVms ||
        heap.wasmBytes >= this.options.retireAboveBytes ||
        heap.poisoned
      ) {
        heap.retired = true;
      }
      if (heap.retired && heap.liveVms === 0) this.drop(heap);
    }
  }

  private drop(heap: LuaHeap): void {
    const index = this.heaps.indexOf(heap);
    if (index < 0) return;
    this.heaps.splice(index, 1);
    if (!heap.poisoned) heap.release();
  }
}

/**
 * A wall-clock deadline for one call. It is checked where JS gets control (the count hook every
 * few thousand instructions, the allocator, the natives); it is the last resort behind the
 * deterministic caps, so firing is an operational fault, never a game outcome.
 */
export class Watchdog {
  private deadline = Number.POSITIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  arm(timeoutMs: number): void {
    this.deadline = this.now() + timeoutMs;
  }

  disarm(): void {
    this.deadline = Number.POSITIVE_INFINITY;
  }

  expired(): boolean {
    return this.deadline !== Number.POSITIVE_INFINITY && this.now() > this.deadline;
  }
}

/**
 * A value that changes as a table plays and that React reads with `useSyncExternalStore`:
 * the directors of both tables and the replay player keep their state in one.
 */
export class SnapshotStore<T extends object> {
  private readonly listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): T => this.snapshot;

  protected set(patch: Partial<T>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

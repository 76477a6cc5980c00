/** The refusal of a socket opened faster than SOCKET_OPENS_PER_MIN allows (every socket kind). */
export const TOO_MANY_OPENINGS = 'Too many connections opened from your address: wait a moment.';

/**
 * Sockets of one kind each key (an address, a user) holds open, so none holds more than its
 * share. Each socket kind (match, matchmaking, chat) counts apart: a page holds one of each.
 */
export class OpenSockets<K extends string = string> {
  private readonly open = new Map<K, number>();

  constructor(private readonly max: number) {}

  /**
   * Counts a new socket of `key`. `over` says it is one too many (refuse it); `release` must be
   * called when it closes, refused or not, and counts once however often it is called.
   */
  add(key: K): { over: boolean; release: () => void } {
    const count = (this.open.get(key) ?? 0) + 1;
    this.open.set(key, count);
    let released = false;
    return {
      over: count > this.max,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(key) ?? 1) - 1;
        if (left <= 0) this.open.delete(key);
        else this.open.set(key, left);
      },
    };
  }
}

/**
 * Sockets of one kind each address holds open, so no address holds more than its share. Each
 * socket kind (match, matchmaking, chat) counts apart: a page holds one of each.
 */
export class OpenSocketsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /**
   * Counts a new socket of `ip`. `over` says it is one too many (refuse it); `release` must be
   * called when it closes, refused or not, and counts once however often it is called.
   */
  add(ip: string): { over: boolean; release: () => void } {
    const count = (this.open.get(ip) ?? 0) + 1;
    this.open.set(ip, count);
    let released = false;
    return {
      over: count > this.max,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.open.get(ip) ?? 1) - 1;
        if (left <= 0) this.open.delete(ip);
        else this.open.set(ip, left);
      },
    };
  }
}

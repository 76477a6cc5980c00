import { waitingStatus } from './estimate.ts';
import { poolKey, type Pool, type Ticket } from './pool.ts';
import { ASSIGNMENT_TTL_MS, WAIT_SAMPLES, type MatchQueue, type TicketStatus } from './queue.ts';

/** The queue in this process: one node, nothing shared. */
export class MemoryQueue implements MatchQueue {
  private readonly tickets = new Map<string, Ticket>();
  private readonly byUser = new Map<string, string>();
  private readonly assigned = new Map<string, { matchId: string; until: number }>();
  private readonly waits = new Map<string, number[]>();
  private readonly forming = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  async enqueue(ticket: Ticket): Promise<void> {
    const older = this.byUser.get(ticket.userId);
    if (older !== undefined) this.tickets.delete(older);
    this.tickets.set(ticket.id, ticket);
    this.byUser.set(ticket.userId, ticket.id);
  }

  async cancel(ticketId: string): Promise<boolean> {
    const ticket = this.tickets.get(ticketId);
    if (!ticket) return false;
    this.remove(ticket);
    return true;
  }

  async status(ticketId: string): Promise<TicketStatus> {
    const assignment = this.assigned.get(ticketId);
    if (assignment && assignment.until > this.now())
      return { state: 'matched', matchId: assignment.matchId };
    if (this.forming.has(ticketId)) return { state: 'forming' };
    const ticket = this.tickets.get(ticketId);
    if (!ticket) return { state: 'gone' };
    const key = poolKey(ticket.pool);
    const pool = this.inPool(key);
    return waitingStatus(
      pool.findIndex((t) => t.id === ticketId) + 1,
      pool.length,
      this.waits.get(key) ?? [],
      this.now() - ticket.enqueuedAt,
    );
  }

  async pools(): Promise<Pool[]> {
    const pools = new Map<string, Pool>();
    for (const ticket of this.tickets.values()) pools.set(poolKey(ticket.pool), ticket.pool);
    return [...pools.values()];
  }

  async take(pool: Pool, pick: (waiting: Ticket[]) => Ticket[][]): Promise<Ticket[][]> {
    const groups = pick(this.inPool(poolKey(pool)));
    for (const ticket of groups.flat()) {
      this.remove(ticket);
      this.forming.add(ticket.id);
    }
    return groups;
  }

  async assign(tickets: readonly Ticket[], matchId: string, now: number): Promise<void> {
    for (const ticket of tickets) {
      this.forming.delete(ticket.id);
      this.assigned.set(ticket.id, { matchId, until: now + ASSIGNMENT_TTL_MS });
      const key = poolKey(ticket.pool);
      const waits = [...(this.waits.get(key) ?? []), now - ticket.enqueuedAt];
      this.waits.set(key, waits.slice(-WAIT_SAMPLES));
    }
    for (const [id, assignment] of this.assigned)
      if (assignment.until <= now) this.assigned.delete(id);
  }

  async release(tickets: readonly Ticket[]): Promise<void> {
    for (const ticket of tickets) this.forming.delete(ticket.id);
  }

  async close(): Promise<void> {}

  /** A pool's tickets, longest waiting first. */
  private inPool(key: string): Ticket[] {
    return [...this.tickets.values()]
      .filter((t) => poolKey(t.pool) === key)
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : 1));
  }

  private remove(ticket: Ticket): void {
    this.tickets.delete(ticket.id);
    if (this.byUser.get(ticket.userId) === ticket.id) this.byUser.delete(ticket.userId);
  }
}

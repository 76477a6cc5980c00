import type { HostedGame } from '../games.ts';
import type { MatchRecord } from '../store/event-store.ts';
import { MatchActor, type ActorContext } from './actor.ts';

/**
 * The match actors of this process, loaded on first use and at start (every unfinished match).
 * One actor per match: concurrent loads of one match share a single promise.
 */
export class MatchRegistry {
  private readonly actors = new Map<string, Promise<MatchActor | null>>();

  constructor(
    /** The game a match plays, from what it recorded (built-in name or pinned content version). */
    private readonly gameOf: (record: MatchRecord) => Promise<HostedGame | null>,
    private readonly ctx: ActorContext,
  ) {}

  /** The actor of a match, loading it from the store; null when there is no such match. */
  get(matchId: string): Promise<MatchActor | null> {
    let actor = this.actors.get(matchId);
    if (!actor) {
      actor = this.load(matchId);
      this.actors.set(matchId, actor);
      actor.then(
        (loaded) => loaded ?? this.actors.delete(matchId),
        () => this.actors.delete(matchId),
      );
    }
    return actor;
  }

  /** Adopts a match created by this process (its actor starts with the record in hand). */
  async adopt(record: MatchRecord): Promise<MatchActor> {
    const hosted = await this.gameOf(record);
    if (!hosted) throw new Error(`Game ${record.game} is not hosted here.`);
    const actor = MatchActor.load(record, hosted, this.ctx);
    this.actors.set(record.id, actor);
    return actor;
  }

  /** Rebuilds every unfinished match: each goes on from its latest snapshot plus its tail. */
  async recover(): Promise<number> {
    const ids = await this.ctx.store.unfinishedMatchIds();
    for (const id of ids) await this.get(id);
    return ids.length;
  }

  /** Unloads a finished match nobody watches; it is loaded again when someone asks. */
  release(actor: MatchActor): void {
    if (actor.status === 'over' && actor.connectionCount === 0) {
      actor.dispose();
      this.actors.delete(actor.id);
    }
  }

  async counts(): Promise<Record<'waiting' | 'active' | 'over', number>> {
    const counts = { waiting: 0, active: 0, over: 0 };
    for (const actor of await Promise.all(this.actors.values())) {
      if (actor) counts[actor.status]++;
    }
    return counts;
  }

  /** Lets in-flight actions finish, then closes every match socket. */
  async drain(): Promise<void> {
    const actors = await Promise.all(this.actors.values());
    await Promise.all(actors.map((actor) => actor?.drain()));
  }

  private async load(matchId: string): Promise<MatchActor | null> {
    const record = await this.ctx.store.getMatch(matchId);
    if (!record) return null;
    const hosted = await this.gameOf(record);
    if (!hosted) {
      this.ctx.log.error({ matchId, game: record.game }, 'match of a game not hosted here');
      return null;
    }
    return MatchActor.load(record, hosted, this.ctx);
  }
}

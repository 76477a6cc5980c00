import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import type { Principal } from '../auth/tokens.ts';
import { isRegistered } from '../auth/registered.ts';
import { errorBody } from '../errors.ts';
import { newId } from '../ids.ts';
import { createMatch, type MatchCreationDeps } from '../match/create-match.ts';
import type { Database } from '../store/database.ts';
import type { SeatRecord } from '../store/event-store.ts';
import { NEW_PLAYER } from '../social/glicko2.ts';
import { formGroups } from './form-groups.ts';
import type { Pool, QueueMode, RatingWindow, Ticket } from './pool.ts';
import type { MatchQueue } from './queue.ts';

export interface MatchmakerDeps extends MatchCreationDeps {
  queue: MatchQueue;
  db: Database;
  log: Pick<Logger, 'error'>;
}

export interface MatchmakerSettings {
  /** How often this node tries to form tables. */
  tickMs: number;
  window: RatingWindow;
}

/**
 * Puts players in queues and forms tables from them: every node ticks, the queue makes sure a
 * ticket is taken once. A formed table becomes a match with every seat taken, started at once.
 */
export class Matchmaker {
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: MatchmakerDeps,
    private readonly settings: MatchmakerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  get queue(): MatchQueue {
    return this.deps.queue;
  }

  /** A ticket for the user in the pool they asked for, or why not. */
  async join(
    user: Principal,
    request: { game: string; mode: QueueMode; seats: number },
  ): Promise<Ticket | ErrorBody> {
    const hosted = this.deps.content.builtIn.get(request.game);
    if (!hosted)
      return errorBody('BAD_REQUEST', `Matchmaking has no game "${request.game}".`, {
        games: [...this.deps.content.builtIn.keys()],
      });
    const { game } = hosted;
    if (request.seats < game.seats.min || request.seats > game.seats.max)
      return errorBody(
        'BAD_REQUEST',
        `${game.name} is played by ${game.seats.min} to ${game.seats.max} seats.`,
      );
    if (request.mode === 'rated' && !isRegistered(user))
      return errorBody('FORBIDDEN', 'Rated play needs an account; guests can play casual.');
    const pool: Pool = {
      game: game.name,
      version: game.version,
      mode: request.mode,
      seats: request.seats,
    };
    const [row] = await this.deps.db.query<{ rating: number }>(
      `SELECT rating FROM player_ratings WHERE game = $1 AND version = $2 AND user_id = $3`,
      [pool.game, pool.version, user.userId],
    );
    const ticket: Ticket = {
      id: newId('q'),
      userId: user.userId,
      name: user.name,
      pool,
      rating: row?.rating ?? NEW_PLAYER.rating,
      enqueuedAt: this.now(),
    };
    await this.deps.queue.enqueue(ticket);
    return ticket;
  }

  start(): void {
    const loop = () => {
      this.timer = setTimeout(() => {
        this.ticking = this.tick()
          .then(
            () => undefined,
            (err: unknown) => this.deps.log.error({ err }, 'matchmaking failed'),
          )
          .finally(() => {
            if (this.timer) loop();
          });
      }, this.settings.tickMs);
      this.timer.unref();
    };
    loop();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    await this.deps.queue.close();
  }

  /** One pass over every pool: tables formed and their matches created. */
  async tick(): Promise<number> {
    let formed = 0;
    for (const pool of await this.deps.queue.pools()) {
      const now = this.now();
      const groups = await this.deps.queue.take(pool, (waiting) =>
        formGroups(waiting, pool.seats, pool.mode === 'rated', now, this.settings.window),
      );
      for (const group of groups) {
        try {
          const matchId = await this.createMatch(pool, group);
          await this.deps.queue.assign(group, matchId, this.now());
          formed++;
        } catch (err) {
          // Their tickets are gone: each socket tells its player to queue again.
          this.deps.log.error({ err, pool }, 'a matched table could not be created');
          await this.deps.queue.release(group).catch(() => undefined);
        }
      }
    }
    return formed;
  }

  private async createMatch(pool: Pool, group: readonly Ticket[]): Promise<string> {
    const hosted = this.deps.content.builtIn.get(pool.game);
    if (!hosted) throw new Error(`No game ${pool.game}`);
    const options = hosted.game.parseOptions({}, pool.seats);
    if (!options.ok) throw new Error(options.error.message);
    const seats = group.map((ticket): SeatRecord => ({
      kind: 'human',
      userId: ticket.userId,
      name: ticket.name,
    }));
    const opened = await createMatch(this.deps, {
      game: hosted.game,
      pin: null,
      options: options.value,
      seats,
      hostUserId: (group[0] as Ticket).userId,
      turnTimeLimitMs: null,
      ip: null,
      rated: pool.mode === 'rated',
    });
    return opened.matchId;
  }
}

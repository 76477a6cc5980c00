import type { ErrorBody } from '@cardtable/sdk/protocol';
import type { Logger } from 'pino';
import type { Principal } from '../auth/tokens.ts';
import { isRegistered } from '../auth/registered.ts';
import { setupMatch } from '../content/match-setup.ts';
import { ApiError, errorBody, fromRuleError } from '../errors.ts';
import { newId } from '../ids.ts';
import { createMatch, type MatchCreationDeps, type MatchPlan } from '../match/create-match.ts';
import { periodicJob, type PeriodicJob } from '../periodic-job.ts';
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
  /**
   * Every matched table's turn time limit: its players chose neither the table nor each other,
   * so a player who stops moving (connected or not) is played for, never waited on for good.
   */
  turnTimeLimitMs: number;
}

/**
 * Puts players in queues and forms tables from them: every node ticks, the queue makes sure a
 * ticket is taken once. A formed table becomes a match with every seat taken, started at once.
 */
export class Matchmaker {
  private readonly ticking: PeriodicJob<number>;

  constructor(
    private readonly deps: MatchmakerDeps,
    private readonly settings: MatchmakerSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.ticking = periodicJob({
      everyMs: settings.tickMs,
      run: () => this.tick(),
      onError: (err) => deps.log.error({ err }, 'matchmaking failed'),
    });
  }

  get queue(): MatchQueue {
    return this.deps.queue;
  }

  /**
   * A ticket for the user in the pool they asked for, or why not. Any game a table can be made
   * for: a built-in one (its ruleset version) or a published version (the latest playable one
   * unless `version` names another; deprecated versions are refused), with its default rules.
   */
  async join(
    user: Principal,
    request: { game: string; version?: string; mode: QueueMode; seats: number },
  ): Promise<Ticket | ErrorBody> {
    if (request.mode === 'rated' && !isRegistered(user))
      return errorBody('FORBIDDEN', 'Rated play needs an account; guests can play casual.');
    const seated = await this.deps.quotas.admitQueued(user.userId);
    if (seated) return seated;
    const builtIn = this.deps.content.builtIn.get(request.game);
    if (builtIn && request.version !== undefined && request.version !== builtIn.game.version)
      return errorBody('BAD_REQUEST', `${request.game} is at version ${builtIn.game.version}.`);
    if (!builtIn && request.version !== undefined && !/^[1-9]\d{0,8}$/.test(request.version))
      return errorBody('BAD_REQUEST', 'version must be a published version number.');
    const table = await this.table({
      game: request.game,
      version: builtIn ? undefined : request.version,
      seats: request.seats,
    });
    if ('code' in table) return table;
    const pool: Pool = {
      game: request.game,
      version: table.version,
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

  /**
   * What a pool's tables are made of: the game (a published version pinned), its default
   * options for that many seats, and the version as pools and ratings name it.
   */
  private async table(request: {
    game: string;
    version: string | undefined;
    seats: number;
  }): Promise<{ plan: Pick<MatchPlan, 'game' | 'options' | 'pin'>; version: string } | ErrorBody> {
    try {
      const {
        hosted,
        options: raw,
        pin,
      } = await setupMatch(
        this.deps.content,
        {
          game: request.game,
          ...(request.version !== undefined ? { version: Number(request.version) } : {}),
          seats: Array.from({ length: request.seats }, () => ({ kind: 'human' as const })),
        },
        null,
      );
      const { game } = hosted;
      if (request.seats < game.seats.min || request.seats > game.seats.max)
        return errorBody(
          'BAD_REQUEST',
          `${game.name} is played by ${game.seats.min} to ${game.seats.max} seats.`,
        );
      const options = game.parseOptions(raw, request.seats);
      if (!options.ok) return fromRuleError(options.error, 'BAD_REQUEST');
      return {
        plan: { game, options: options.value, pin },
        version: pin ? String(pin.version) : game.version,
      };
    } catch (error) {
      if (error instanceof ApiError) return error.body;
      throw error;
    }
  }

  start(): void {
    this.ticking.start();
  }

  async stop(): Promise<void> {
    await this.ticking.stop();
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
    const builtIn = this.deps.content.builtIn.has(pool.game);
    const table = await this.table({
      game: pool.game,
      version: builtIn ? undefined : pool.version,
      seats: pool.seats,
    });
    if ('code' in table) throw new ApiError(table);
    const seats = group.map((ticket): SeatRecord => ({
      kind: 'human',
      userId: ticket.userId,
      name: ticket.name,
    }));
    const opened = await createMatch(this.deps, {
      ...table.plan,
      seats,
      hostUserId: (group[0] as Ticket).userId,
      turnTimeLimitMs: this.settings.turnTimeLimitMs,
      ip: null,
      rated: pool.mode === 'rated',
    });
    return opened.matchId;
  }
}

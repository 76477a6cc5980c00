import type { AddressKey } from '../address-key.ts';
import { CLOSE_CODES, type ErrorBody, type ErrorCode } from '@cardtable/sdk/protocol';
import type { QueueClientMessage, QueueServerMessage } from '@cardtable/sdk/social';
import type { FastifyInstance } from 'fastify';
import type { TokenService } from '../auth/tokens.ts';
import { Heartbeat } from '../heartbeat.ts';
import { repeatedParameter } from '../repeated-parameter.ts';
import { OpenSockets, TOO_MANY_OPENINGS } from '../open-sockets.ts';
import type { KeyedRateLimiter } from '../rate-limit.ts';
import { sendUnlessStalled } from '../socket-send.ts';
import type { Matchmaker } from './matchmaker.ts';

/** As parsed: a name given twice arrives as an array, which no parameter here accepts. */
type QueueQuery = Record<
  'token' | 'game' | 'version' | 'mode' | 'seats',
  string | string[] | undefined
>;

/** Frames a client may send (only CANCEL means anything). */
const MAX_FRAME = 256;
/**
 * Queue sockets one user may hold open (on this node), wherever they connect from: a user holds
 * one ticket, so a second tab or a reconnect before the heartbeat drops the old socket is all a
 * player needs. Without it one account held as many as its addresses allowed, each joining the
 * queue (a content lookup and a rating read) and polled every `statusEveryMs`.
 */
export const QUEUE_SOCKETS_PER_USER = 4;

/**
 * `GET /ws/matchmaking?token=..&game=golf&version=..&mode=casual&seats=2`: opening the socket queues the
 * player; the server pushes QUEUE_STATUS every `statusEveryMs` and QUEUE_MATCHED once a table is
 * formed, then closes. CANCEL, or closing the socket, leaves the queue.
 */
export function registerMatchmakingSocket(
  app: FastifyInstance,
  deps: {
    tokens: TokenService;
    /** Sockets each address may open, one token each (shared with the other socket kinds). */
    socketOpenings: KeyedRateLimiter<AddressKey>;
    matchmaker: Matchmaker;
    statusEveryMs: number;
    /** Queue sockets one address may hold open (counted apart from other sockets). */
    maxConnectionsPerIp: number;
    /** How often each socket is pinged; one that did not answer the last ping leaves the queue. */
    heartbeatMs: number;
  },
): void {
  const { tokens, matchmaker, statusEveryMs } = deps;
  const openPerIp = new OpenSockets<AddressKey>(deps.maxConnectionsPerIp);
  const openPerUser = new OpenSockets(QUEUE_SOCKETS_PER_USER);
  const heartbeat = new Heartbeat(app, deps.heartbeatMs);
  app.get<{ Querystring: QueueQuery }>(
    '/ws/matchmaking',
    { websocket: true, schema: { hide: true } as Record<string, unknown> },
    (socket, request) => {
      const send = (message: QueueServerMessage) => {
        sendUnlessStalled(socket, JSON.stringify(message));
      };
      /** Sends ERROR as the match socket does (`details` included), then closes. */
      const refuse = (
        code: ErrorCode,
        message: string,
        close: number = CLOSE_CODES.refused,
        details?: ErrorBody['details'],
      ) => {
        send({ type: 'ERROR', code, message, ...(details ? { details } : {}) });
        socket.close(close, message.slice(0, 120));
      };
      let ticketId: string | null = null;
      let timer: NodeJS.Timeout | null = null;
      let closed = false;
      /** The place this socket holds in its user's count, once its token is read. */
      let releaseUser: (() => void) | null = null;
      const leave = () => {
        closed = true;
        if (timer) clearInterval(timer);
        if (ticketId) void matchmaker.queue.cancel(ticketId).catch(() => undefined);
      };
      const counted = openPerIp.add(request.addressKey);
      heartbeat.watch(socket);
      socket.on('close', () => {
        counted.release();
        releaseUser?.();
        leave();
      });
      socket.on('error', () => undefined);
      if (!deps.socketOpenings.take(request.addressKey))
        return refuse('RATE_LIMITED', TOO_MANY_OPENINGS, CLOSE_CODES.tooMany);
      if (counted.over)
        return refuse(
          'RATE_LIMITED',
          'Too many queue connections from your address.',
          CLOSE_CODES.tooMany,
        );
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary || data.length > MAX_FRAME)
          return refuse('BAD_MESSAGE', 'Only CANCEL is read here.');
        let message: QueueClientMessage | null;
        try {
          message = JSON.parse(data.toString('utf8')) as QueueClientMessage;
        } catch {
          message = null;
        }
        if (message?.type !== 'CANCEL') return refuse('BAD_MESSAGE', 'Only CANCEL is read here.');
        leave();
        send({ type: 'QUEUE_ENDED', reason: 'cancelled' });
        socket.close(1000, 'cancelled');
      });

      void (async () => {
        const repeated = repeatedParameter(request.query);
        if (repeated) return refuse('BAD_REQUEST', `${repeated} is given more than once.`);
        const {
          token,
          game = '',
          version,
          mode = '',
          seats = '2',
        } = request.query as Partial<Record<keyof QueueQuery, string>>;
        const user = await tokens.verify(token);
        if (!user)
          return refuse(
            'UNAUTHORIZED',
            'A valid access token is required.',
            CLOSE_CODES.unauthorized,
          );
        if (closed) return;
        // Counted before the ticket is made: one socket too many replaces nobody's ticket.
        const mine = openPerUser.add(user.userId);
        releaseUser = mine.release;
        if (mine.over)
          return refuse(
            'TOO_MANY_CONNECTIONS',
            `You have ${QUEUE_SOCKETS_PER_USER} queue connections open already: close one first.`,
            CLOSE_CODES.tooMany,
          );
        if (mode !== 'casual' && mode !== 'rated')
          return refuse('BAD_REQUEST', 'mode must be casual or rated.');
        if (!/^\d{1,2}$/.test(seats)) return refuse('BAD_REQUEST', 'seats must be a small number.');
        const ticket = await matchmaker.join(user, {
          game: game.slice(0, 64),
          ...(version !== undefined ? { version: version.slice(0, 32) } : {}),
          mode,
          seats: Number(seats),
        });
        if ('code' in ticket)
          return refuse(ticket.code, ticket.message, CLOSE_CODES.refused, ticket.details);
        if (closed) return void matchmaker.queue.cancel(ticket.id);
        ticketId = ticket.id;
        const report = async () => {
          const status = await matchmaker.queue.status(ticket.id);
          if (closed || status.state === 'forming') return;
          if (status.state === 'waiting') {
            send({
              type: 'QUEUE_STATUS',
              position: status.position,
              waiting: status.waiting,
              estimatedWaitMs: status.estimatedWaitMs,
              waitedMs: Date.now() - ticket.enqueuedAt,
            });
            return;
          }
          closed = true;
          if (timer) clearInterval(timer);
          if (status.state === 'matched')
            send({ type: 'QUEUE_MATCHED', matchId: status.matchId, game: ticket.pool.game });
          else send({ type: 'QUEUE_ENDED', reason: 'gone' });
          socket.close(1000, status.state);
        };
        await report();
        timer = setInterval(() => void report().catch(() => undefined), statusEveryMs);
      })().catch(() => refuse('INTERNAL', 'The queue could not be joined.'));
    },
  );
}

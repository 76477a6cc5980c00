import type { AddressKey } from '../address-key.ts';
import { CLOSE_CODES } from '@cardtable/sdk/protocol';
import { ChatClientMessage, type ChatErrorCode, type ChatServerMessage } from '@cardtable/sdk/chat';
import type { FastifyInstance } from 'fastify';
import { SocketSessions } from '../auth/socket-sessions.ts';
import type { TokenService } from '../auth/tokens.ts';
import { Heartbeat } from '../heartbeat.ts';
import type { ViewerOf } from '../auth/roles.ts';
import type { ContentLibrary } from '../content/library.ts';
import { unsafeJsonProblem } from '../json-guard.ts';
import { MessageCheck } from '../message-check.ts';
import { OpenSockets, TOO_MANY_OPENINGS } from '../open-sockets.ts';
import type { MatchRegistry } from '../match/registry.ts';
import { TokenBucket, type KeyedRateLimiter } from '../rate-limit.ts';
import { repeatedParameter } from '../repeated-parameter.ts';
import { sendUnlessStalled } from '../socket-send.ts';
import type { ChatMember, ChatService } from './chat-service.ts';
import { roomAccess } from './room-access.ts';

const chatMessage = new MessageCheck(ChatClientMessage);

/** A parsed frame as a chat message, or why it is not one (in words, naming the field). */
function readChatFrame(parsed: unknown): { message: ChatClientMessage } | { problem: string } {
  const unsafe = unsafeJsonProblem(parsed, 'message');
  if (unsafe !== null) return { problem: unsafe };
  if (chatMessage.check(parsed)) return { message: parsed };
  const { path, problem } = chatMessage.problemOf(parsed);
  return { problem: `${path || 'message'}: ${problem}` };
}

/** A chat frame is small: a message of 300 characters, escaped, fits many times over. */
const MAX_FRAME_BYTES = 8 * 1024;
/** Frames per connection beyond the chat limits (which are per channel): against floods. */
const FRAME_BURST = 20;
const FRAMES_PER_SECOND = 5;
/**
 * Refused frames a connection may earn at once before it is closed; beyond them, as many a
 * second as it is allowed frames (a count "in a row", reset by each frame let through, never
 * closed a flood paced to let one frame in a hundred through).
 */
const FLOOD_STRIKES = 100;

interface ChatQuery {
  token?: string;
  room?: string;
  filter?: string;
  link?: string;
}

/**
 * `GET /ws/chat?token=..&room=..[&filter=off][&link=..]`: one chat room per socket. The server
 * sends CHAT_WELCOME (role, channels, history, mutes), then CHAT_MESSAGE / CHAT_EMOTE as they
 * come; every client message carries a `clientId` and gets one CHAT_RESULT.
 */
export function registerChatSocket(
  app: FastifyInstance,
  deps: {
    tokens: TokenService;
    /** Sockets each address may open, one token each (shared with the other socket kinds). */
    socketOpenings: KeyedRateLimiter<AddressKey>;
    sessionCheckMs: number;
    /** How often each socket is pinged; one that did not answer the last ping is dropped. */
    heartbeatMs: number;
    /** Chat sockets one address may hold open (counted apart from match sockets). */
    maxConnectionsPerIp: number;
    /** Chat sockets one user may hold open, whatever their addresses: each is a room membership. */
    maxConnectionsPerUser: number;
    chat: ChatService;
    registry: MatchRegistry;
    content: ContentLibrary;
    viewerOf: ViewerOf;
  },
): void {
  const { tokens, chat } = deps;
  const sessions = new SocketSessions(tokens.sessions, deps.sessionCheckMs);
  const openPerIp = new OpenSockets<AddressKey>(deps.maxConnectionsPerIp);
  const openPerUser = new OpenSockets(deps.maxConnectionsPerUser);
  const heartbeat = new Heartbeat(app, deps.heartbeatMs);
  app.addHook('onClose', async () => sessions.stop());
  app.get<{ Querystring: ChatQuery }>(
    '/ws/chat',
    { websocket: true, schema: { hide: true } as Record<string, unknown> },
    (socket, request) => {
      const send = (message: ChatServerMessage) => {
        sendUnlessStalled(socket, JSON.stringify(message));
      };
      const refuse = (code: ChatErrorCode, message: string, close: number) => {
        send({ type: 'CHAT_ERROR', code, message });
        socket.close(close, message.slice(0, 120));
      };
      let member: ChatMember | null = null;
      let release: (() => void) | null = null;
      let releaseUser: (() => void) | null = null;
      let closed = false;
      const bucket = new TokenBucket(FRAME_BURST, FRAMES_PER_SECOND);
      /** The client's messages, handled one after another (each settles, never rejects). */
      let turns: Promise<void> = Promise.resolve();
      const refusals = new TokenBucket(FLOOD_STRIKES, FRAMES_PER_SECOND);
      const counted = openPerIp.add(request.addressKey);
      heartbeat.watch(socket);
      socket.on('close', () => {
        counted.release();
        releaseUser?.();
        closed = true;
        release?.();
        if (member) chat.leave(member);
      });
      socket.on('error', () => undefined);
      if (!deps.socketOpenings.take(request.addressKey)) {
        refuse('RATE_LIMITED', TOO_MANY_OPENINGS, CLOSE_CODES.tooMany);
        return;
      }
      if (counted.over) {
        refuse('RATE_LIMITED', 'Too many chat connections from your address.', CLOSE_CODES.tooMany);
        return;
      }
      // Read as one value, `filter=off&filter=off` was the filter on and `room=a&room=b` a room
      // "a,b": refused at once, as on the match and matchmaking sockets.
      const repeated = repeatedParameter(request.query);
      if (repeated) {
        refuse('BAD_MESSAGE', `${repeated} is given more than once.`, CLOSE_CODES.refused);
        return;
      }

      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (!bucket.take()) {
          if (!refusals.take()) refuse('RATE_LIMITED', 'Too many frames.', CLOSE_CODES.flooding);
          else send({ type: 'CHAT_ERROR', code: 'RATE_LIMITED', message: 'Too many frames.' });
          return;
        }
        if (isBinary || data.length > MAX_FRAME_BYTES) {
          send({ type: 'CHAT_ERROR', code: 'BAD_MESSAGE', message: 'Frames are small JSON text.' });
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(data.toString('utf8'));
        } catch {
          send({ type: 'CHAT_ERROR', code: 'BAD_MESSAGE', message: 'The frame is not JSON.' });
          return;
        }
        const read = readChatFrame(parsed);
        if ('problem' in read) {
          send({
            type: 'CHAT_ERROR',
            code: 'BAD_MESSAGE',
            message: `Not a chat message: ${read.problem}`,
          });
          return;
        }
        const current = member;
        if (!current) {
          send({ type: 'CHAT_ERROR', code: 'BAD_MESSAGE', message: 'Wait for CHAT_WELCOME.' });
          return;
        }
        const { message } = read;
        // One message at a time, in the order sent: a MUTE still being stored let the UNMUTE
        // sent after it find nothing to undo (both answered ok, the user stayed muted), and two
        // SENDs could be stored in either order.
        turns = turns.then(() =>
          handle(chat, current, message)
            .catch((error: unknown) => {
              request.log.error({ err: error }, 'chat failed');
              return {
                ok: false as const,
                error: { code: 'INTERNAL' as const, message: 'The server failed: try again.' },
              };
            })
            .then((outcome) =>
              send({ type: 'CHAT_RESULT', clientId: message.clientId, ...outcome }),
            ),
        );
      });

      void (async () => {
        const { token, filter } = request.query;
        const link =
          request.query.link === undefined ? undefined : String(request.query.link).slice(0, 128);
        const room = String(request.query.room ?? '').slice(0, 200);
        const principal = await tokens.verify(token);
        if (!principal) {
          return refuse(
            'UNAUTHORIZED',
            'A valid access token is required.',
            CLOSE_CODES.unauthorized,
          );
        }
        if (closed) return;
        const mine = openPerUser.add(principal.userId);
        releaseUser = mine.release;
        if (mine.over) {
          return refuse(
            'RATE_LIMITED',
            `You have ${deps.maxConnectionsPerUser} chats open already: close one first.`,
            CLOSE_CODES.tooMany,
          );
        }
        const access = await roomAccess(room, await deps.viewerOf(principal), deps, link);
        if ('code' in access) {
          return refuse(
            access.code,
            access.message,
            access.code === 'NOT_FOUND' ? CLOSE_CODES.notFound : CLOSE_CODES.refused,
          );
        }
        if (closed) return;
        const joined: ChatMember = {
          room,
          userId: principal.userId,
          name: principal.name,
          guest: principal.guest,
          access,
          filter: filter !== 'off',
          send,
          end: refuse,
        };
        release = sessions.track(principal.sessionId, principal.expiresAt, (why) =>
          why === 'revoked'
            ? refuse('UNAUTHORIZED', 'This session was signed out.', CLOSE_CODES.sessionRevoked)
            : refuse(
                'UNAUTHORIZED',
                'Your access token expired: reconnect.',
                CLOSE_CODES.unauthorized,
              ),
        );
        await chat.join(joined);
        if (closed) chat.leave(joined);
        else member = joined;
      })().catch((error: unknown) => {
        request.log.error({ err: error }, 'chat join failed');
        refuse('INTERNAL', 'The chat could not be opened.', 1011);
      });
    },
  );
}

function handle(chat: ChatService, member: ChatMember, message: ChatClientMessage) {
  switch (message.type) {
    case 'SEND':
      return chat.send(member, message.channel, message.text);
    case 'EMOTE':
      return chat.emote(member, message.emote);
    case 'MUTE':
    case 'UNMUTE':
      return chat.mute(member, message.userId, message.type === 'MUTE');
    case 'MUTE_MANY':
      return chat.muteMany(member, message.userIds);
    case 'REPORT':
      return chat.report(member, message.messageId, message.reason ?? '');
    case 'SET_FILTER':
      return Promise.resolve(chat.setFilter(member, message.on));
  }
}

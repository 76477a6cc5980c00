import {
  ChatReportList,
  ChatReportQuery,
  ChatReportView,
  ChatSilence,
  MatchChatLog,
  ResolveChatReport,
} from '@cardtable/sdk/chat';
import { ErrorBody } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RoleGuard, ViewerOf } from '../auth/roles.ts';
import type { ChatStore } from '../chat/chat-store.ts';
import { reportedTables } from '../chat/reported-tables.ts';
import { matchAccess } from '../chat/room-access.ts';
import type { WordFilter } from '../chat/word-filter.ts';
import type { ContentStore } from '../content/store.ts';
import { apiError } from '../errors.ts';
import type { MatchRegistry } from '../match/registry.ts';
import { noSuchMatch } from '../match/visibility.ts';
import type { EventStore } from '../store/event-store.ts';
import { requireUser } from './authenticate.ts';

const secured = { security: [{ bearer: [] }] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** A match's chat over HTTP (for its replay), and the moderators' report queue. */
export function registerChatRoutes(
  app: FastifyInstance,
  deps: {
    store: ChatStore;
    filter: WordFilter;
    registry: MatchRegistry;
    viewerOf: ViewerOf;
    requireRole: RoleGuard;
    matches: EventStore;
    content: ContentStore;
  },
): void {
  const { store, filter, registry, viewerOf, requireRole } = deps;

  app.get<{ Params: { id: string }; Querystring: { link?: string; filter?: 'on' | 'off' } }>(
    '/api/matches/:id/chat',
    {
      schema: {
        tags: ['chat'],
        summary:
          "A match's chat, the channels the caller reads (both once the match is over, for " +
          'whoever may see its replay); masked unless `filter=off`',
        ...secured,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Type.Object({
          link: Type.Optional(Type.String({ maxLength: 128 })),
          filter: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')])),
        }),
        response: { 200: MatchChatLog, ...errors },
      },
    },
    async (request) => {
      const viewer = await viewerOf(requireUser(request));
      const access = await registry.use(request.params.id, (actor) => {
        if (!actor) throw noSuchMatch();
        return matchAccess(actor, viewer, request.query.link);
      });
      if ('code' in access) throw apiError(access.code, access.message);
      const masked = request.query.filter !== 'off';
      const messages = await store.roomLog(`match:${request.params.id}`);
      return {
        messages: messages
          .filter((message) => access.reads.includes(message.channel))
          .map(({ body, room: _room, ...message }) => ({
            ...message,
            text: masked ? filter.mask(body) : body,
          })),
      };
    },
  );

  const moderators = { preHandler: requireRole('moderator') };

  app.get<{ Querystring: ChatReportQuery }>(
    '/api/moderation/chat-reports',
    {
      ...moderators,
      schema: {
        tags: ['moderation'],
        summary:
          'Reported chat messages: open ones oldest first, or resolved ones newest first; with ' +
          'the tables they were written at',
        ...secured,
        querystring: ChatReportQuery,
        response: { 200: ChatReportList, ...errors },
      },
    },
    async (request) => {
      const reports = await store.reports(
        request.query.status ?? 'open',
        request.query.limit ?? 50,
      );
      return { reports, tables: await reportedTables(reports, deps) };
    },
  );

  app.post<{ Params: { id: string }; Body: ResolveChatReport }>(
    '/api/moderation/chat-reports/:id/resolve',
    {
      ...moderators,
      schema: {
        tags: ['moderation'],
        summary: 'Resolve a report: dismissed (nothing wrong) or actioned (dealt with)',
        ...secured,
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
        body: ResolveChatReport,
        response: { 200: ChatReportView, ...errors },
      },
    },
    async (request) => {
      const moderator = requireUser(request);
      const { outcome, note = '', silenceHours = null } = request.body;
      if (silenceHours !== null && outcome !== 'actioned')
        throw apiError('BAD_REQUEST', 'Only an actioned report silences its author.');
      const resolved = await store.resolve(
        request.params.id,
        moderator.userId,
        outcome,
        note,
        silenceHours,
      );
      if (resolved === null) throw apiError('NOT_FOUND', 'No such report.');
      if (resolved === 'resolved') throw apiError('CONFLICT', 'This report is already resolved.');
      return resolved;
    },
  );

  app.delete<{ Params: { userId: string } }>(
    '/api/moderation/users/:userId/chat-silence',
    {
      ...moderators,
      schema: {
        tags: ['moderation'],
        summary: 'Lift a silence: the user may write in chat again at once',
        ...secured,
        params: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: ChatSilence, ...errors },
      },
    },
    async (request) => {
      const { userId } = request.params;
      if (!(await store.liftSilence(userId))) throw apiError('NOT_FOUND', 'No such user.');
      return { userId, silencedUntil: null };
    },
  );
}

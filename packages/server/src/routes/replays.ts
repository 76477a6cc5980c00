import { verifyReplay, type ReplayFile } from '@cardtable/engine';
import { ErrorBody, ImportReplayResponse, ReplayFileSchema } from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../errors.ts';
import type { ContentLibrary } from '../content/library.ts';
import { newId } from '../ids.ts';
import type { EventStore } from '../store/event-store.ts';
import { requireUser } from './authenticate.ts';

interface Deps {
  content: ContentLibrary;
  store: EventStore;
  maxBodyBytes: number;
}

export function registerReplayRoutes(app: FastifyInstance, { content, store, maxBodyBytes }: Deps) {
  app.post<{ Body: ReplayFile }>(
    '/api/replays/import',
    {
      bodyLimit: maxBodyBytes,
      schema: {
        tags: ['replays'],
        summary:
          'Store a replay. One that carries a seed is re-executed first and refused if it diverges',
        security: [{ bearer: [] }],
        body: ReplayFileSchema,
        response: { 200: ImportReplayResponse, 400: ErrorBody, 401: ErrorBody, 413: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const replay = request.body;
      const resolved = await content.gameForReplay(replay);
      if (!resolved.ok) throw apiError('REPLAY_INVALID', resolved.message);
      let verified = false;
      try {
        if (replay.match.seed !== undefined) {
          const report = verifyReplay(resolved.game, replay);
          if (!report.ok) {
            throw apiError('REPLAY_INVALID', report.message, { divergence: report.divergence });
          }
          verified = true;
        }
      } finally {
        resolved.dispose();
      }
      const replayId = newId('rp');
      await store.saveReplay(replayId, replay, verified, user.userId);
      return { replayId, verified };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/replays/:id',
    {
      schema: {
        tags: ['replays'],
        summary: 'An imported replay, as it was imported',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: ReplayFileSchema, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      requireUser(request);
      const found = await store.getReplay(request.params.id);
      if (!found) throw apiError('NOT_FOUND', 'No such replay.');
      return found.file;
    },
  );
}

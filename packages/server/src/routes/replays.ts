import { canonicalJson, verifyReplay, type AnyGame, type ReplayFile } from '@cardtable/engine';
import {
  ErrorBody,
  ImportReplayResponse,
  ReplayFileSchema,
  StoredReplayResponse,
} from '@cardtable/sdk/protocol';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../errors.ts';
import type { ContentLibrary } from '../content/library.ts';
import { requesterOf } from '../content/validate.ts';
import { newId } from '../ids.ts';
import { sha256 } from '../sha256.ts';
import type { MatchRegistry } from '../match/registry.ts';
import type { EventStore, ReplayUsage } from '../store/event-store.ts';
import { requireUser } from './authenticate.ts';
import { exportMatch } from './export.ts';
import type { Viewer, ViewerOf } from '../auth/roles.ts';
import { maySeeFinished } from '../match/visibility.ts';

interface Deps {
  content: ContentLibrary;
  store: EventStore;
  registry: MatchRegistry;
  viewerOf: ViewerOf;
  /** The size cap of one import (its body). */
  maxBodyBytes: number;
  /** What one user may keep imported. */
  quota: ReplayUsage;
}

const ReplayParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const secured = { security: [{ bearer: [] }] };

export function registerReplayRoutes(app: FastifyInstance, deps: Deps) {
  const { content, store, quota } = deps;
  /** Users with an import being checked: one at a time each, so nobody queues up re-executions. */
  const importing = new Set<string>();

  app.post<{ Body: ReplayFile }>(
    '/api/replays/import',
    {
      bodyLimit: deps.maxBodyBytes,
      schema: {
        tags: ['replays'],
        summary:
          'Store a replay, verified only when it is this server’s record of a finished match ' +
          'and re-executes exactly; anything else is stored unverified, with the reason',
        ...secured,
        body: ReplayFileSchema,
        response: {
          200: ImportReplayResponse,
          400: ErrorBody,
          401: ErrorBody,
          413: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const viewer = await deps.viewerOf(user);
      const replay = request.body;
      const text = JSON.stringify(replay);
      const bytes = Buffer.byteLength(text);
      const contentHash = sha256(text);
      const known = await store.replayByContent(user.userId, contentHash);
      if (known) return verdictBody(known);
      refuseOverQuota(await store.replayUsage(user.userId), bytes, quota);
      if (importing.has(user.userId)) {
        throw apiError('RATE_LIMITED', 'Your previous import is still being checked.');
      }
      const resolved = await content.gameForReplay(replay, requesterOf(request, user.userId));
      if (!resolved.ok) throw apiError('REPLAY_INVALID', resolved.message);
      importing.add(user.userId);
      try {
        const problem = await problemWith(replay, resolved.game, deps, viewer);
        const id = newId('rp');
        const saved = await store.saveReplay(
          { id, userId: user.userId, text, bytes, contentHash, verified: !problem, problem },
          quota,
        );
        if (saved.kind === 'existing') return verdictBody(saved.replay);
        if (saved.kind === 'over-quota') refuseOverQuota(saved.used, bytes, quota);
        return verdictBody({ id, verified: !problem, problem });
      } finally {
        importing.delete(user.userId);
        resolved.dispose();
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/replays/:id',
    {
      schema: {
        tags: ['replays'],
        summary:
          'A replay you imported, as you imported it, with whether it is verified and why not ' +
          '(anyone else’s: 404, as for no replay)',
        ...secured,
        params: ReplayParams,
        response: { 200: StoredReplayResponse, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const found = await store.getReplay(request.params.id);
      // The importer's own: the file may be a private match's, its players' business alone.
      if (!found || found.importedBy !== user.userId)
        throw apiError('NOT_FOUND', 'No such replay.');
      return { ...verdictBody(found), importedAt: found.importedAt, replay: found.file };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/replays/:id',
    {
      schema: {
        tags: ['replays'],
        summary: 'Delete a replay you imported (it no longer counts against your quota)',
        ...secured,
        params: ReplayParams,
        response: { 204: Type.Null(), 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!(await store.deleteReplay(request.params.id, user.userId))) {
        throw apiError('NOT_FOUND', 'You imported no replay with that id.');
      }
      return reply.code(204).send();
    },
  );
}

const verdictBody = (verdict: { id: string; verified: boolean; problem: string | null }) => ({
  replayId: verdict.id,
  verified: verdict.verified,
  ...(verdict.problem ? { problem: verdict.problem } : {}),
});

function refuseOverQuota(used: ReplayUsage, bytes: number, quota: ReplayUsage): void {
  if (used.count + 1 > quota.count) {
    throw apiError(
      'QUOTA_EXCEEDED',
      `You keep ${used.count} imported replays, the most allowed: delete one first.`,
      { limit: quota.count, used: used.count },
    );
  }
  if (used.bytes + bytes > quota.bytes) {
    throw apiError(
      'QUOTA_EXCEEDED',
      `This replay (${bytes} bytes) would take your imports past ${quota.bytes} bytes.`,
      { limitBytes: quota.bytes, usedBytes: used.bytes, bytes },
    );
  }
}

/**
 * Why a replay cannot be called verified, or null when it can. Re-execution proves the log
 * follows from the seed and actions, but not who played or when, nor that this seed was ever
 * dealt: so the file must also be, field for field, this server's export of that finished
 * match. That comparison comes first, so only such files (whose size the match bounds) cost a
 * re-execution.
 */
async function problemWith(
  replay: ReplayFile,
  game: AnyGame,
  { content, store, registry }: Deps,
  viewer: Viewer,
): Promise<string | null> {
  const unrecorded =
    'Not a finished match recorded by this server: its players, dates and result cannot be checked.';
  const mismatch = await registry.use(replay.match.matchId, async (actor) => {
    // A match the importer may not see answers as one never played here: a refusal would tell
    // a stranger that a private match of that id exists.
    if (actor?.status !== 'over' || !maySeeFinished(actor, viewer)) return unrecorded;
    const recorded = JSON.parse(JSON.stringify(await exportMatch(actor, content, store, viewer)));
    const differs = differingParts(replay, recorded as ReplayFile);
    return differs.length > 0
      ? `It differs from this server's record of the match in ${differs.join(', ')}.`
      : null;
  });
  if (mismatch) return mismatch;
  const report = verifyReplay(game, replay);
  return report.ok ? null : `It does not re-execute: ${report.message}`;
}

/** The parts of a replay (header fields, `events`, `actions`, anything extra) that differ. */
function differingParts(replay: ReplayFile, recorded: ReplayFile): string[] {
  const parts = (file: ReplayFile): Record<string, unknown> => {
    const { match, ...rest } = file as unknown as { match: Record<string, unknown> };
    const entries = Object.entries(match).map(([key, value]) => [`match.${key}`, value]);
    return { ...Object.fromEntries(entries), ...rest };
  };
  const mine = parts(replay);
  const theirs = parts(recorded);
  return [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (key) => canonicalJson(mine[key]) !== canonicalJson(theirs[key]),
  );
}

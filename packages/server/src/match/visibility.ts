import { timingSafeEqual } from 'node:crypto';
import type { Viewer } from '../auth/roles.ts';
import { apiError } from '../errors.ts';
import type { MatchFacts } from './registry.ts';

/**
 * Who may see a finished match (its details, replay and chat): its players and its host, anyone
 * who presents its replay link when the host chose `replayPrivacy: 'link'` (but a user the host
 * removed: `barred`), and moderators and admins (a report names its table; they look at it to
 * judge the report).
 */
export function maySeeFinished(facts: MatchFacts, viewer: Viewer, link?: string): boolean {
  const record = facts.matchRecord;
  return (
    viewer.staff ||
    (!barred(facts, viewer) &&
      (facts.seatOf(viewer.userId) !== null ||
        viewer.userId === record.hostUserId ||
        opensReplay(record.replayLink, link)))
  );
}

/**
 * Who may see a match at all (every route and socket about it): while it waits or is played,
 * anyone signed in who has its id, which its players share as the link for spectators, but a
 * user the host removed (`barred`); once over, whoever `maySeeFinished`. Anyone else gets
 * `noSuchMatch`, the answer to an id that names nothing, so a private match's id found later (a
 * profile's history lists finished matches) tells them nothing, not even that it exists.
 */
export const maySeeMatch = (facts: MatchFacts, viewer: Viewer, link?: string): boolean =>
  facts.status === 'over'
    ? maySeeFinished(facts, viewer, link)
    : viewer.staff || !barred(facts, viewer);

/**
 * A user the host removed before the start (`barred_user_ids`): the id they were given is no
 * longer theirs to use, so the table is gone for them, before the start and after, whoever
 * passes them its id or replay link. Moderators still see what they must judge.
 */
const barred = (facts: MatchFacts, viewer: Viewer): boolean =>
  facts.matchRecord.barredUserIds.includes(viewer.userId);

export const noSuchMatch = () => apiError('NOT_FOUND', 'No such match.');

/** Whether `link` is the match's replay link (compared in constant time). */
function opensReplay(replayLink: string | null, link: string | undefined): boolean {
  if (replayLink === null || link === undefined) return false;
  const [expected, given] = [Buffer.from(replayLink), Buffer.from(link)];
  return expected.length === given.length && timingSafeEqual(expected, given);
}

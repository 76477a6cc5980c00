import type { Seat } from '@cardtable/engine';
import type { Runner } from './runner.ts';
import {
  heroSeat,
  type Decision,
  type DecisionKind,
  type Frame,
  type ObjectId,
  type TcgState,
} from './state.ts';

/** Whether `seat` can see which card `id` is (chosen picks range over what the chooser sees). */
export function visibleTo(
  state: TcgState,
  zonesVisibility: ReadonlyMap<string, string>,
  seat: Seat,
  id: ObjectId,
): boolean {
  if (heroSeat(id) !== null) return true;
  const card = state.cards[id];
  if (!card) return false;
  const visibility = zonesVisibility.get(card.zone) ?? 'public';
  return visibility === 'public' || (visibility === 'owner' && card.controller === seat);
}

export function zoneVisibility(r: Pick<Runner, 'content'>): ReadonlyMap<string, string> {
  return new Map(r.content.ruleset.zones.map((z) => [z.id, z.visibility]));
}

export interface PickRequest {
  player: Seat;
  kind: DecisionKind;
  key: string;
  params?: Record<string, string | number>;
  candidates: string[];
  labels?: string[];
  min: number;
  max: number;
  frame: Frame | null;
  defaultPicks?: string[];
}

/**
 * The auto-resolution policy: a forced pick (exactly as many candidates as must be picked) is
 * made for the player and shown as `decisionAutoResolved`; otherwise the player is asked.
 * Callers never ask with fewer candidates than `min` (they skip the step instead).
 */
export function pickOrAsk(r: Runner, request: PickRequest): string[] | 'suspend' {
  const { candidates, min, max } = request;
  if (
    candidates.length === min &&
    min === max &&
    request.kind !== 'confirm' &&
    request.kind !== 'chooseOption'
  ) {
    r.emit({
      type: 'decisionAutoResolved',
      data: { player: request.player, kind: request.kind, picks: candidates },
    });
    return candidates;
  }
  const decision: Omit<Decision, 'id'> = {
    player: request.player,
    kind: request.kind,
    prompt: { key: request.key, params: request.params ?? {} },
    candidates,
    ...(request.labels ? { labels: request.labels } : {}),
    min,
    max,
    source: request.frame
      ? {
          handle: request.frame.source.handle,
          defId: request.frame.source.defId,
          abilityId: request.frame.ability.ability,
        }
      : null,
    defaultPicks: request.defaultPicks ?? candidates.slice(0, min),
  };
  return r.ask(decision);
}

/** Checks an answer against its decision: picks from the candidates, distinct, within min..max. */
export function answerProblem(decision: Decision, picks: readonly string[]): string | null {
  if (new Set(picks).size !== picks.length) return 'The same pick appears twice.';
  if (picks.length < decision.min || picks.length > decision.max)
    return decision.min === decision.max
      ? `Pick exactly ${decision.min}.`
      : `Pick from ${decision.min} to ${decision.max}.`;
  const unknown = picks.find((p) => !decision.candidates.includes(p));
  return unknown === undefined ? null : `"${unknown}" is not one of the choices.`;
}

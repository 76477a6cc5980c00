import { diff, type PatchOp } from './diff.ts';
import type { Game, GameAction, GameEvent, Viewer } from './game.ts';
import { eventOf, type Resolution, type StepEvent } from './match.ts';

/** A step as one viewer receives it: projected data plus the diff between that viewer's views. */
export interface ProjectedStep<E extends GameEvent = GameEvent> extends StepEvent<E> {
  stateDiff: PatchOp[];
}

/**
 * Projects every step of a resolution for one viewer. Event data goes through the game's event
 * projection, and each diff is taken between two projected views, so hidden information cannot
 * reach the viewer through either.
 */
export function projectResolution<S, A extends GameAction, E extends GameEvent>(
  game: Game<S, A, E>,
  before: S,
  resolution: Resolution<S, A, E>,
  viewer: Viewer,
): ProjectedStep<E>[] {
  let previousState = before;
  let previousView = game.view(before, viewer);
  return resolution.steps.map((step, index) => {
    const after = resolution.statesAfter[index] as S;
    const nextView = game.view(after, viewer);
    const event = game.projectEvent(eventOf(step), viewer, previousState);
    const projected: ProjectedStep<E> = {
      ...step,
      data: event.data,
      stateDiff: diff(previousView, nextView),
    };
    previousState = after;
    previousView = nextView;
    return projected;
  });
}

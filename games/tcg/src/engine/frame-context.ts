import { visibleTo, zoneVisibility } from './decisions.ts';
import type { EvalContext } from './eval-context.ts';
import type { Runner } from './runner.ts';
import type { Frame, ObjectId } from './state.ts';

/** What an ability frame's selectors, conditions and values are evaluated against. */
export const frameContext = (r: Runner, frame: Frame): EvalContext => {
  const ctx = r.ctx(frame.controller, frame.source.handle, frame.bindings, frame.event);
  ctx.heads = frame.heads; // a context of its own, made just now
  return ctx;
};

/** Chosen picks only range over what the chooser can see. */
export function visibleCandidates(
  r: Runner,
  frame: Frame,
  ids: ObjectId[],
  chooser = frame.controller,
): ObjectId[] {
  const zones = zoneVisibility(r);
  return ids.filter((id) => visibleTo(r.state, zones, chooser, id));
}

/** The position of a step in a match's log. */
export interface StepPosition {
  version: number;
  step: number;
  resolutionId: string;
}

/** Log order: by version, then by step within the version. */
export function compareSteps(a: StepPosition, b: StepPosition): number {
  return a.version - b.version || a.step - b.step;
}

/**
 * The last step a client has: what RESUME names after a reconnect, and the filter that drops a
 * step delivered twice (once live, once replayed by RESUME).
 */
export class StepCursor {
  private last: StepPosition = { version: 0, step: 0, resolutionId: '' };

  get position(): StepPosition {
    return { ...this.last };
  }

  /** Starts over from a full view, which includes every step up to `position` (a WELCOME's). */
  reset(position: StepPosition): void {
    this.last = {
      version: position.version,
      step: position.step,
      resolutionId: position.resolutionId,
    };
  }

  /** True when `step` comes after everything received so far (and records it); false for a repeat. */
  advance(step: StepPosition): boolean {
    if (compareSteps(step, this.last) <= 0) return false;
    this.last = { version: step.version, step: step.step, resolutionId: step.resolutionId };
    return true;
  }
}

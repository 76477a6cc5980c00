import { projectResolution, SPECTATOR, seatViewer, type Viewer } from '@cardtable/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { golf, type GolfState } from '../../src/index.ts';
import { tableArb } from './arbitraries.ts';
import { leaks, visibleIds } from './invariants.ts';
import { playRandomMatch, type PlayedStep } from './random-play.ts';

/** Every identity a viewer receives (events, diffs, views) is one that viewer may see. */
function checkProjections(step: PlayedStep, viewers: readonly Viewer[]): string[] {
  const problems: string[] = [];
  for (const viewer of viewers) {
    const who = JSON.stringify(viewer);
    const projected = projectResolution(golf, step.before.state, step.resolution, viewer);
    projected.forEach((projectedStep, index) => {
      const after = step.resolution.statesAfter[index] as GolfState;
      const allowed = visibleIds(after, viewer);
      const where = `${who} v${projectedStep.version}.${projectedStep.step} ${projectedStep.type}`;
      problems.push(...leaks(projectedStep.data, allowed, `${where} data`));
      problems.push(...leaks(projectedStep.stateDiff, allowed, `${where} diff`));
    });
    const state = step.after.state;
    problems.push(...leaks(golf.view(state, viewer), visibleIds(state, viewer), `${who} view`));
  }
  return problems;
}

describe('golf hidden information under random legal play', () => {
  it('no view, projected event or diff holds a card its viewer may not see', () => {
    fc.assert(
      fc.property(tableArb(2), (table) => {
        const viewers = [
          ...Array.from({ length: table.seats }, (_, seat) => seatViewer(seat)),
          SPECTATOR,
        ];
        const problems: string[] = [];
        playRandomMatch(table, (step) => problems.push(...checkProjections(step, viewers)));
        expect(problems.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('the checker itself catches a leak: the unprojected view shows face-down cards', () => {
    fc.assert(
      fc.property(tableArb(1), (table) => {
        let caught = 0;
        playRandomMatch(table, (step) => {
          const state = step.after.state;
          const allView = golf.view(state, { kind: 'all' });
          caught += leaks(allView, visibleIds(state, SPECTATOR), 'all').length;
        });
        expect(caught).toBeGreaterThan(0);
      }),
      { numRuns: 5 },
    );
  });
});

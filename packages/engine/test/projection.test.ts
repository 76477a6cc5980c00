import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  EVERYTHING,
  projectResolution,
  seatViewer,
  SPECTATOR,
  type Viewer,
} from '../src/index.ts';
import { highCard } from './fixtures/high-card.ts';
import { config, playHighCard } from './helpers.ts';

const viewers: Viewer[] = [seatViewer(0), seatViewer(1), seatViewer(2), SPECTATOR, EVERYTHING];

describe('projectResolution', () => {
  const { resolutions } = playHighCard();

  it("gives each viewer diffs that rebuild exactly that viewer's views", () => {
    for (const viewer of viewers) {
      let state = highCard.initialState(config());
      let view = highCard.view(state, viewer);
      for (const resolution of resolutions) {
        for (const step of projectResolution(highCard, state, resolution, viewer)) {
          view = applyPatch(view, step.stateDiff);
        }
        state = resolution.statesAfter.at(-1)!;
        expect(view).toEqual(highCard.view(state, viewer));
      }
    }
  });

  it("keeps a card drawn by one seat out of every other viewer's event and diff", () => {
    const draw = resolutions.find((r) => r.steps[0]?.type === 'drew')!;
    const before = resolutions[resolutions.indexOf(draw) - 1]!.statesAfter.at(-1)!;
    const drawer = (draw.steps[0]!.data as { seat: number }).seat;
    const card = (draw.steps[0]!.data as { card: number }).card;

    const own = projectResolution(highCard, before, draw, seatViewer(drawer));
    expect(own[0]!.data).toEqual({ seat: drawer, card });

    for (const viewer of [seatViewer((drawer + 1) % 3), SPECTATOR]) {
      const [drew] = projectResolution(highCard, before, draw, viewer);
      expect(drew!.data).toEqual({ seat: drawer, card: null });
      expect(JSON.stringify(drew!.stateDiff)).not.toContain(`"value":${card}`);
    }
  });

  it('hides the shuffled deck from everyone but the unprojected viewer', () => {
    const [opening] = resolutions;
    const initial = highCard.initialState(config());
    expect(projectResolution(highCard, initial, opening!, SPECTATOR)[0]!.data).toEqual({
      deck: null,
    });
    expect(projectResolution(highCard, initial, opening!, EVERYTHING)[0]!.data).toEqual(
      opening!.steps[0]!.data,
    );
  });
});

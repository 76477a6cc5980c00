import { readdirSync } from 'node:fs';
import {
  applyAction,
  canonicalJson,
  eventOf,
  foldEvents,
  projectResolution,
  replayFileOf,
  startMatch,
  stateHash,
  verifyReplay,
  type MatchConfig,
  type MatchState,
  type ReplayAction,
  type StepEvent,
} from '@cardtable/engine';
import { describe, expect, it } from 'vitest';
import { golf, type GolfEvent, type GolfOptions, type GolfState } from '../../src/index.ts';
import type { ArrangedDeal, EventPattern, Scenario, ScenarioAction } from '../scenarios/format.ts';
import { EVENT_TYPES } from '../support/event-types.ts';
import { parseCard, readable } from '../support/notation.ts';
import { humanSeats } from '../support/seats.ts';

const directory = new URL('../scenarios/', import.meta.url);
const scenarioFiles = readdirSync(directory)
  .filter((file) => file.endsWith('.scenario.ts'))
  .sort();
const scenarios = await Promise.all(
  scenarioFiles.map(async (file) => ({
    file,
    scenario: ((await import(new URL(file, directory).href)) as { default: Scenario }).default,
  })),
);

describe('golf scenarios', () => {
  it('finds the scenario files', () => {
    expect(scenarios.length).toBeGreaterThan(30);
  });
  for (const { file, scenario } of scenarios) {
    it(`${scenario.name} [${file}]`, () => runScenario(scenario));
  }
});

/** The opening `roundDealt` of an arranged deal; ids run over hands, discard, then deck. */
function arrangedDeal(deal: ArrangedDeal, config: MatchConfig<GolfOptions>): GolfEvent {
  let nextId = 0;
  const card = (text: string) => parseCard(text, nextId++);
  const round = deal.round ?? 1;
  const hands = deal.hands.map((hand) => hand.map(card));
  expect(hands.length, 'one hand per seat').toBe(config.seats.length);
  const discardTop = card(deal.discardTop);
  const deck = deal.deck.map(card).reverse();
  return {
    type: 'roundDealt',
    data: {
      round,
      dealer: (round - 1) % config.seats.length,
      hands,
      discardTop,
      deck,
      deckCount: deck.length,
    },
  };
}

function runScenario(scenario: Scenario): void {
  const options = golf.parseOptions(scenario.options ?? {}, scenario.seats);
  if (!options.ok) throw new Error(`Bad scenario options: ${options.error.message}`);
  const config: MatchConfig<GolfOptions> = {
    options: options.value,
    seats: humanSeats(scenario.seats),
    seed: scenario.seed ?? `scenario:${scenario.name}`,
  };
  const log: Pick<StepEvent<GolfEvent>, 'type' | 'data'>[] = [];
  const steps: StepEvent[] = [];
  const replayActions: ReplayAction[] = [];
  let match: MatchState<GolfState, GolfOptions>;
  if (scenario.deal) {
    const dealt = arrangedDeal(scenario.deal, config);
    match = { config, state: golf.evolve(golf.initialState(config), dealt), version: 1 };
    log.push(dealt);
  } else {
    const started = startMatch(golf, config);
    match = started.match;
    const events = started.resolution.steps.map(eventOf);
    if (scenario.startEvents) expectEvents(events, scenario.startEvents, 'the deal');
    log.push(...events);
    steps.push(...started.resolution.steps);
  }

  scenario.actions.forEach((action, index) => {
    const label = `action ${index + 1} (seat ${action.seat} ${action.type})`;
    const next = runAction(match, action, label, `a${index + 1}`);
    if (!next) return;
    log.push(...next.resolution.steps.map(eventOf));
    steps.push(...next.resolution.steps);
    replayActions.push({
      version: next.match.version,
      seat: action.seat,
      actionId: `a${index + 1}`,
      type: action.type,
      payload: action.payload ?? {},
    });
    match = next.match;
  });

  const { state } = match;
  const { expect: final } = scenario;
  if (final?.roundScores) {
    expect(state.rounds.map((round) => round.scores.map((score) => score.roundScore))).toEqual(
      final.roundScores,
    );
  }
  if (final?.totals) expect(state.players.map((player) => player.total)).toEqual(final.totals);
  if (final?.rounds) expect(readable(state.rounds)).toMatchObject(final.rounds);
  if (final?.outcome !== undefined) {
    if (final.outcome === null) expect(golf.outcome(state)).toBeNull();
    else expect(golf.outcome(state)).toMatchObject(final.outcome);
  }
  if (final?.state) expect(readable(state)).toMatchObject(final.state);

  // Events are the truth: folding the log gives the live state.
  expect(canonicalJson(foldEvents(golf, config, log))).toBe(canonicalJson(state));
  if (!scenario.deal) {
    const replay = replayFileOf(golf, match, { events: steps, actions: replayActions }, 'scenario');
    const report = verifyReplay(golf, replay);
    expect(report.ok ? 'ok' : report.message).toBe('ok');
  }
}

function runAction(
  match: MatchState<GolfState, GolfOptions>,
  action: ScenarioAction,
  label: string,
  actionId: string,
) {
  const hashBefore = stateHash(match.state);
  const parsed = golf.parseAction({ type: action.type, payload: action.payload });
  const applied = parsed.ok
    ? applyAction(golf, match, action.seat, parsed.value, actionId)
    : parsed;

  if (action.rejects) {
    expect(applied.ok, `${label} should be rejected`).toBe(false);
    if (applied.ok) return null;
    expect(applied.error.code, `${label}: ${applied.error.message}`).toBe(action.rejects);
    expect(applied.error.message.length, 'a message for a person').toBeGreaterThan(10);
    expect(stateHash(match.state), `${label} changed the state`).toBe(hashBefore);
    if (parsed.ok) {
      expect(golf.legalActions(match.state, action.seat)).not.toContainEqual(parsed.value);
    }
    return null;
  }
  if (!applied.ok) throw new Error(`${label} was rejected: ${canonicalJson(applied.error)}`);
  if (!parsed.ok) throw new Error('unreachable: an unparsed action was applied');
  expect(golf.legalActions(match.state, action.seat), `${label} is listed as legal`).toContainEqual(
    parsed.value,
  );

  const { resolution } = applied.value;
  const events = resolution.steps.map(eventOf);
  for (const event of events) expect(EVENT_TYPES.has(event.type), event.type).toBe(true);
  if (action.events) expectEvents(events, action.events, label);
  if (action.includes) expectIncludes(events, action.includes, label);
  for (const type of action.excludes ?? []) {
    expect(
      events.map((event) => event.type),
      label,
    ).not.toContain(type);
  }
  for (const seen of action.seenBy ?? []) {
    const projected = projectResolution(golf, match.state, resolution, seen.viewer).map((step) =>
      eventOf<GolfEvent>(step),
    );
    const who = `${label} as seen by ${canonicalJson(seen.viewer)}`;
    if (seen.events) expectEvents(projected, seen.events, who);
    if (seen.view) {
      expect(readable(golf.view(applied.value.match.state, seen.viewer)), who).toMatchObject(
        seen.view,
      );
    }
  }
  const after = applied.value.match.state;
  if (action.state) expect(readable(after), label).toMatchObject(action.state);
  if (action.legalAfter) {
    const legal = golf.legalActions(after, action.legalAfter.seat);
    expect(sortedJson(legal), `${label}: legal actions after`).toEqual(
      sortedJson(action.legalAfter.actions),
    );
  }
  return applied.value;
}

const sortedJson = (actions: readonly unknown[]) => actions.map((a) => canonicalJson(a)).sort();

function expectEvents(
  events: readonly GolfEvent[],
  patterns: readonly EventPattern[],
  label: string,
): void {
  expect(readable(events), label).toMatchObject(patterns);
}

function expectIncludes(
  events: readonly GolfEvent[],
  patterns: readonly EventPattern[],
  label: string,
): void {
  const seen = readable(events) as unknown[];
  let from = 0;
  for (const pattern of patterns) {
    const found = seen.findIndex((event, index) => index >= from && isSubset(event, pattern));
    if (found < 0) {
      throw new Error(
        `${label}: expected ${canonicalJson(pattern)} (in order) among ${canonicalJson(seen)}`,
      );
    }
    from = found + 1;
  }
}

/** Whether `pattern` matches `value` the way toMatchObject does (arrays match in full). */
function isSubset(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    return (
      Array.isArray(value) &&
      value.length === pattern.length &&
      pattern.every((item, index) => isSubset(value[index], item))
    );
  }
  if (pattern !== null && typeof pattern === 'object') {
    if (value === null || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, inner]) =>
      isSubset((value as Record<string, unknown>)[key], inner),
    );
  }
  return Object.is(value, pattern);
}

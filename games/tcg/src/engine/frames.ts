import { abilityByRef } from './abilities.ts';
import { conditionHolds, evaluate } from './conditions.ts';
import { pickOrAsk } from './decisions.ts';
import { applyLeaf } from './effects.ts';
import { flipCoins } from './battler/creatures.ts';
import { frameContext, visibleCandidates } from './frame-context.ts';
import { runScript } from './lua.ts';
import type { Runner, StepResult } from './runner.ts';
import { select } from './select.ts';
import type { Effect } from '../content/ast.ts';
import type { Awaiting, Frame, QueuedTrigger } from './state.ts';
import { opponentOf } from './state.ts';

export function frameForTrigger(r: Runner, trigger: QueuedTrigger): Frame {
  const ability = abilityByRef(r.content, trigger.ability);
  const optional = ability.kind === 'triggered' && ability.optional === true;
  return {
    id: `f${r.state.seq}-${r.events.length}`,
    ability: trigger.ability,
    source: trigger.source,
    controller: trigger.source.controller,
    bindings: {},
    event: trigger.event,
    stage: optional ? { kind: 'confirm' } : { kind: 'targets', index: 0 },
    cursors: [],
    awaiting: null,
    chosen: null,
  };
}

/**
 * Runs an ability frame until it finishes or waits for a decision. Its position is the list
 * of cursors, so a paused frame is plain data and resumes exactly where it stopped.
 */
export function runFrame(r: Runner, frame: Frame): StepResult {
  const ability = abilityByRef(r.content, frame.ability);
  if (frame.stage.kind === 'confirm') {
    frame.awaiting = { kind: 'optional' };
    return pickOrAsk(r, {
      player: frame.controller,
      kind: 'confirm',
      key: 'confirm.optionalTrigger',
      candidates: ['yes', 'no'],
      min: 1,
      max: 1,
      frame,
      defaultPicks: ['no'],
    }) as 'suspend';
  }
  if (frame.stage.kind === 'targets') {
    const specs = ability.kind === 'static' ? [] : (ability.targets ?? []);
    while (frame.stage.index < specs.length) {
      const spec = specs[frame.stage.index]!;
      const candidates = visibleCandidates(r, frame, select(frameContext(r, frame), spec.choose));
      const count = Math.min(spec.count ?? 1, candidates.length);
      if (count === 0) {
        r.emit({ type: 'stepFizzled', data: { reason: 'noTargets', source: frame.source.handle } });
        frame.bindings[spec.id] = [];
        frame.stage.index++;
        continue;
      }
      frame.awaiting = { kind: 'targets', index: frame.stage.index, id: spec.id };
      const picks = pickOrAsk(r, {
        player: frame.controller,
        kind: 'chooseTargets',
        key: 'choose.targets',
        params: { selector: spec.choose },
        candidates,
        min: count,
        max: count,
        frame,
      });
      if (picks === 'suspend') return 'suspend';
      frame.awaiting = null;
      frame.bindings[spec.id] = picks;
      frame.stage.index++;
    }
    frame.stage = { kind: 'run', loaded: false };
  }
  if (frame.stage.kind === 'run' && !frame.stage.loaded) {
    frame.stage.loaded = true;
    const effects =
      ability.kind === 'static'
        ? []
        : ability.lua
          ? runScript(r, frame, ability.lua)
          : (ability.effects ?? []);
    if (effects.length) frame.cursors.push({ nodes: effects, index: 0, repeat: 0, each: null });
  }
  return runCursors(r, frame);
}

function runCursors(r: Runner, frame: Frame): StepResult {
  while (frame.cursors.length > 0) {
    if (r.state.outcome) return 'done';
    const cursor = frame.cursors.at(-1)!;
    if (cursor.index >= cursor.nodes.length) {
      if (cursor.each && cursor.each.items.length > 0) {
        frame.bindings[cursor.each.as] = [cursor.each.items.shift()!];
        cursor.index = 0;
      } else if (cursor.repeat > 0) {
        cursor.repeat--;
        cursor.index = 0;
      } else frame.cursors.pop();
      continue;
    }
    const node = cursor.nodes[cursor.index++]!;
    if (runNode(r, frame, node) === 'suspend') {
      if (frame.awaiting?.kind === 'pick') cursor.index--;
      return 'suspend';
    }
  }
  return 'done';
}

/** The seat a node's `chooser` names: its frame's controller unless `$opponent`. */
const chooserOf = (frame: Frame, ref?: '$controller' | '$opponent') =>
  ref === '$opponent' ? opponentOf(frame.controller) : frame.controller;

/** The picks made at once, or null when the frame now awaits them (`suspend`). */
function wait(frame: Frame, awaiting: Awaiting, picks: string[] | 'suspend'): string[] | null {
  if (picks === 'suspend') {
    frame.awaiting = awaiting;
    return null;
  }
  return picks;
}

/**
 * One node of a frame. Its helpers are module functions, not closures made per node: under tsx
 * (esbuild's `keepNames`) each closure made is also renamed with a `defineProperty` call.
 */
function runNode(r: Runner, frame: Frame, node: Effect): StepResult {
  const ctx = frameContext(r, frame);
  switch (node.do) {
    case 'if': {
      const nodes = conditionHolds(ctx, node.cond) ? node.then : (node.else ?? []);
      if (nodes.length) frame.cursors.push({ nodes, index: 0, repeat: 0, each: null });
      return 'continue';
    }
    case 'repeat': {
      const times = Math.min(evaluate(ctx, node.times), 100);
      if (times > 0)
        frame.cursors.push({ nodes: node.effects, index: 0, repeat: times - 1, each: null });
      return 'continue';
    }
    case 'forEach': {
      const [first, ...rest] = select(ctx, node.in);
      if (first === undefined) return 'continue';
      frame.bindings[node.as] = [first];
      frame.cursors.push({
        nodes: node.effects,
        index: 0,
        repeat: 0,
        each: { as: node.as, items: rest },
      });
      return 'continue';
    }
    case 'choose': {
      const awaiting: Awaiting = { kind: 'option', options: node.options };
      const picks = wait(
        frame,
        awaiting,
        pickOrAsk(r, {
          player: chooserOf(frame, node.chooser),
          kind: 'chooseOption',
          key: 'choose.option',
          candidates: node.options.map((_, i) => String(i)),
          labels: node.options.map((o) => o.label),
          min: 1,
          max: 1,
          frame,
        }),
      );
      if (!picks) return 'suspend';
      applyAnswer(frame, awaiting, picks);
      return 'continue';
    }
    case 'may': {
      const awaiting: Awaiting = { kind: 'may', effects: node.effects };
      const picks = wait(
        frame,
        awaiting,
        pickOrAsk(r, {
          player: chooserOf(frame, node.chooser),
          kind: 'confirm',
          key: 'confirm.may',
          params: { prompt: node.prompt },
          candidates: ['yes', 'no'],
          min: 1,
          max: 1,
          frame,
          defaultPicks: ['no'],
        }),
      );
      if (!picks) return 'suspend';
      applyAnswer(frame, awaiting, picks);
      return 'continue';
    }
    case 'chooseTargets': {
      const candidates = visibleCandidates(
        r,
        frame,
        select(ctx, node.from),
        chooserOf(frame, node.chooser),
      );
      const count = Math.min(node.count ?? 1, candidates.length);
      if (count === 0) {
        r.emit({ type: 'stepFizzled', data: { reason: 'noTargets', source: frame.source.handle } });
        frame.bindings[node.id] = [];
        return 'continue';
      }
      const awaiting: Awaiting = { kind: 'bind', id: node.id };
      const picks = wait(
        frame,
        awaiting,
        pickOrAsk(r, {
          player: chooserOf(frame, node.chooser),
          kind: 'chooseTargets',
          key: 'choose.targets',
          params: { selector: node.from },
          candidates,
          min: count,
          max: count,
          frame,
        }),
      );
      if (!picks) return 'suspend';
      frame.bindings[node.id] = picks;
      return 'continue';
    }
    case 'flip': {
      const coins = node.untilTails ? 'untilTails' : Math.max(0, evaluate(ctx, node.coins ?? 1));
      const results = flipCoins(r, frame.controller, frame.source.handle, coins, 'effect');
      const heads = results.filter(Boolean).length;
      const tails = results.length - heads;
      frame.heads = (frame.heads ?? 0) + heads;
      if (tails > 0 && node.tails?.length)
        frame.cursors.push({ nodes: node.tails, index: 0, repeat: tails - 1, each: null });
      if (heads > 0 && node.heads?.length)
        frame.cursors.push({ nodes: node.heads, index: 0, repeat: heads - 1, each: null });
      return 'continue';
    }
    case 'lua': {
      const effects = runScript(r, frame, node);
      if (effects.length) frame.cursors.push({ nodes: effects, index: 0, repeat: 0, each: null });
      return 'continue';
    }
    default:
      return applyLeaf(r, frame, node);
  }
}

/** Applies a decision's answer to the paused frame; `pick` answers wait in `chosen`. */
export function applyAnswer(frame: Frame, awaiting: Awaiting, picks: string[]): void {
  frame.awaiting = null;
  switch (awaiting.kind) {
    case 'targets':
      frame.bindings[awaiting.id] = picks;
      if (frame.stage.kind === 'targets') frame.stage.index++;
      return;
    case 'bind':
      frame.bindings[awaiting.id] = picks;
      return;
    case 'option': {
      const option = awaiting.options[Number(picks[0])];
      if (option) frame.cursors.push({ nodes: option.effects, index: 0, repeat: 0, each: null });
      return;
    }
    case 'may':
      if (picks[0] === 'yes')
        frame.cursors.push({ nodes: awaiting.effects, index: 0, repeat: 0, each: null });
      return;
    case 'optional':
      frame.stage =
        picks[0] === 'yes' ? { kind: 'targets', index: 0 } : { kind: 'run', loaded: true };
      return;
    case 'pick':
      frame.chosen = picks;
      return;
  }
}

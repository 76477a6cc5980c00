import { oncePerContent } from '../content/content.ts';
import type { Effect, LuaRef } from '../content/ast.ts';
import { checkAbility } from '../content/check-abilities.ts';
import { checkSchema } from '../schema/validate.ts';
import { activeOf, benchOf, energyTypes } from './battler/rules.ts';
import type { Runner } from './runner.ts';
import type { ScriptContext } from './scripts.ts';
import { statsOf } from './stats.ts';
import { baseCardId, heroId, opponentOf, type Frame } from './state.ts';

/**
 * Calls a Lua ability and returns the effect nodes it asked for, after checking them exactly
 * as data effects are checked (schema, then references). A script that fails, runs out of
 * budget or returns something invalid does nothing, and the failure is recorded as
 * `scriptFailed` (card, ability, module, line, code): never silent.
 */
export function runScript(r: Runner, frame: Frame, lua: LuaRef): Effect[] {
  if (!r.scripts) return failed(r, frame, lua, 'LUA_UNAVAILABLE', null);
  const result = r.scripts.run({
    module: lua.module,
    entry: lua.entry,
    context: scriptContext(r, frame),
    random(min, max) {
      return min + r.randomIndex(max - min + 1);
    },
  });
  if (!result.ok) {
    const line = (result.error.details as { line?: unknown } | undefined)?.line;
    const at = typeof line === 'number' ? line : null;
    return failed(r, frame, lua, result.error.code, result.error.message, at);
  }
  const { effects, bindings } = result.value;
  const clash = Object.keys(bindings).find((name) => name in frame.bindings);
  if (clash) return failed(r, frame, lua, 'INVALID_EFFECTS', `the script rebinds "${clash}"`);
  const scope = { ...frame.bindings, ...bindings };
  const problems = checkScriptEffects(r, frame, scope, effects);
  if (problems) return failed(r, frame, lua, 'INVALID_EFFECTS', problems);
  Object.assign(frame.bindings, bindings);
  return effects as Effect[];
}

/**
 * Records a script's failure; it does nothing. (Module functions here and in `scriptContext`,
 * not closures made per call: under tsx, esbuild's `keepNames` renames each closure made with a
 * `defineProperty` call.)
 */
function failed(
  r: Runner,
  frame: Frame,
  lua: LuaRef,
  code: string,
  detail: string | null,
  line: number | null = null,
): Effect[] {
  r.emit({
    type: 'scriptFailed',
    data: {
      source: frame.source.handle,
      card: frame.source.defId,
      ability: frame.ability.ability,
      module: lua.module,
      entry: lua.entry,
      code,
      line,
      message: PUBLIC_MESSAGES[code] ?? 'The script failed and did nothing.',
      detail,
    },
  });
  return [];
}

/** What everyone at the table may read about a failure: nothing from the game's data. */
const PUBLIC_MESSAGES: Readonly<Record<string, string>> = {
  RUNTIME: 'The script raised an error and did nothing.',
  INVALID_EFFECT: 'The script called an effect with arguments the engine refuses.',
  INVALID_EFFECTS: 'The script asked for effects the engine refuses.',
  BUDGET_EXCEEDED: 'The script ran past its instruction budget.',
  MEMORY_EXCEEDED: 'The script ran out of memory.',
  FORBIDDEN: 'The script used something the sandbox does not offer.',
  LIMIT_EXCEEDED: 'The script went past a sandbox limit.',
  WATCHDOG: 'The script ran too long.',
  LUA_UNKNOWN_ENTRY: 'The module has no such entry function.',
  LUA_BAD_PLAYER: 'The script named something that is not a player.',
  LUA_UNAVAILABLE: 'This server runs no Lua.',
};

/**
 * Verdicts on a script's effects, per content, by what they depend on: the card's id (its
 * tokens), the names in scope and the effects. The schema and reference checks were 2% of a
 * demo batch, and a script returns the same few lists again and again. At most
 * `VERDICTS_KEPT` are kept (then the map starts again). Effects with a non-finite number or an
 * `undefined` field are checked every time (JSON writes the first as `null` and leaves the
 * second out, so the key would not tell them apart).
 */
const verdictsOf = oncePerContent(() => new Map<string, string | null>());
const VERDICTS_KEPT = 4096;

/** Tests only: each verdict taken from the map is checked against a fresh one (a mismatch throws). */
const audit = { on: false, checked: 0, computed: 0 };
export function auditScriptVerdicts(on: boolean): { checked: number; computed: number } {
  audit.on = on;
  audit.checked = 0;
  audit.computed = 0;
  return audit;
}

function checkScriptEffects(
  r: Runner,
  frame: Frame,
  scope: Record<string, unknown>,
  effects: unknown,
): string | null {
  if (!Array.isArray(effects)) return 'a script must return a list of effects';
  if (effects.length === 0) return null;
  let exact = true;
  const json = JSON.stringify(effects, (_key, value: unknown) => {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      exact = false;
    return value;
  });
  if (!exact) return checkEffectsNow(r, frame, scope, effects);
  const verdicts = verdictsOf(r.content);
  const key = `${tokensOwner(frame)}\u0000${Object.keys(scope).join(',')}\u0000${json}`;
  const kept = verdicts.get(key);
  if (kept !== undefined) {
    if (audit.on) auditVerdict(kept, checkEffectsNow(r, frame, scope, effects));
    return kept;
  }
  const verdict = checkEffectsNow(r, frame, scope, effects);
  if (audit.on) audit.computed++;
  if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function auditVerdict(kept: string | null, fresh: string | null): void {
  audit.checked++;
  if (kept !== fresh) throw new Error(`kept verdict ${String(kept)}, fresh ${String(fresh)}`);
}

function checkEffectsNow(
  r: Runner,
  frame: Frame,
  scope: Record<string, unknown>,
  effects: unknown[],
): string | null {
  const wrapped = {
    schema: 'tcg/cards@1',
    ruleset: r.content.ruleset.id,
    cards: [
      {
        id: 'lua/x',
        name: 'x',
        type: Object.keys(r.content.ruleset.cardTypes)[0],
        cost: 0,
        art: { palette: 'void', glyph: 'x' },
        abilities: [{ id: 'lua', kind: 'spell', effects }],
      },
    ],
  };
  const shape = checkSchema('cards', wrapped).filter((p) =>
    p.path.startsWith('cards[0].abilities[0].effects'),
  );
  if (shape.length)
    return shape
      .map((p) => `${p.path.replace('cards[0].abilities[0].', '')}: ${p.message}`)
      .join('; ');
  const targets = Object.keys(scope).map((id) => ({ id, choose: '$self' }));
  const ability = {
    id: 'lua',
    kind: 'triggered' as const,
    trigger: { on: 'played' as const },
    targets,
    effects: effects as Effect[],
  };
  const semantic = checkAbility(ability, 'effects', {
    scope: { ruleset: r.content.ruleset, cardIds: r.content.cards },
    tokens:
      'keyword' in frame.ability ? {} : (r.content.cards.get(baseCardId(frame))?.tokens ?? {}),
    scripts: r.content.scripts,
    cards: r.content.cards,
    ...('keyword' in frame.ability ? { keyword: frame.ability.keyword } : {}),
  }).filter((p) => !p.path.endsWith('.text'));
  return semantic.length ? semantic.map((p) => `${p.path}: ${p.message}`).join('; ') : null;
}

/**
 * Whose tokens a script's `#name` names: its card's, or none for a keyword's ability (it belongs
 * to no card, as the validator says of the same call).
 */
const tokensOwner = (frame: Frame): string =>
  'keyword' in frame.ability ? `keyword:${frame.ability.keyword}` : baseCardId(frame);

/** The read-only picture a script sees: plain JSON, ids as the engine's object ids. */
export function scriptContext(r: Runner, frame: Frame): ScriptContext {
  const { state } = r;
  return {
    self: state.cards[frame.source.handle] ? frame.source.handle : null,
    controller: frame.controller,
    card: frame.source.defId,
    turn: state.turn,
    friendly: scriptSide(r, frame.controller),
    enemy: scriptSide(r, opponentOf(frame.controller)),
    bindings: frame.bindings,
    event: frame.event,
  };
}

/** A side as a script sees it. Battler facts are there in every ruleset (one shape for the lint), empty without `battler`. */
function scriptSide(r: Runner, seat: number) {
  const { state, content } = r;
  const battler = content.ruleset.battler;
  const player = state.players[seat]!;
  return {
    hero: heroId(seat),
    life: player.life,
    hand: player.zones.hand?.length ?? 0,
    deck: player.zones.deck?.length ?? 0,
    resource: player.resource.current,
    zones: Object.fromEntries(
      content.ruleset.zones.map((z) => [z.id, player.zones[z.id]?.length ?? 0]),
    ),
    board: (player.zones.board ?? []).filter((h) => alive(r, h)).map((h) => scriptUnit(r, h)),
    active: battler ? activeOf(state, seat) : null,
    bench: battler ? benchOf(state, seat).filter((h) => alive(r, h)) : [],
    prizes: battler ? (player.zones[battler.prizeZone]?.length ?? 0) : 0,
  };
}

const alive = (r: Runner, handle: string) => !r.state.cards[handle]!.doomed;

/** A unit as a script sees it. */
function scriptUnit(r: Runner, handle: string) {
  const { state, content } = r;
  const card = state.cards[handle]!;
  const stats = statsOf(state, content, handle);
  return {
    id: handle,
    card: card.defId,
    controller: card.controller,
    attack: stats.attack,
    health: stats.health,
    maxHealth: stats.maxHealth,
    keywords: [...stats.keywords].sort(),
    energy: energyTypes(state, content, handle),
    conditions: [...(card.conditions ?? [])],
  };
}

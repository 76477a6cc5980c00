import { fail, ok, type Result } from '@cardtable/engine';

/** What a player may send. Every id is a handle (or `hero:<seat>`) as that player sees it. */
export type TcgAction =
  | { type: 'mulligan'; payload: { replace: string[] } }
  | { type: 'play'; payload: { card: string; targets?: Record<string, string[]> } }
  | { type: 'attack'; payload: { attacker: string; target: string } }
  /** A unit on the board uses one of its activated abilities (targets as a spell's). */
  | {
      type: 'activate';
      payload: { card: string; ability: string; targets?: Record<string, string[]> };
    }
  | { type: 'attach'; payload: { card: string; unit: string } }
  | { type: 'pass'; payload: Record<string, never> }
  /** Battler: the active creature uses one of its attacks (the turn then ends). */
  | { type: 'useAttack'; payload: { attack: string } }
  /** Battler: the active creature retreats to the bench, `to` becomes active. */
  | { type: 'retreat'; payload: { to: string } }
  /** Battler: an evolution card from hand onto a creature in play. */
  | { type: 'evolve'; payload: { card: string; unit: string } }
  /** Battler setup: an active creature and benched ones, basics from hand. */
  | { type: 'setup'; payload: { active: string; bench: string[] } }
  | { type: 'answer'; payload: { decision: string; picks: string[] } }
  | { type: 'nextPhase'; payload: Record<string, never> }
  | { type: 'endTurn'; payload: Record<string, never> }
  | { type: 'concede'; payload: Record<string, never> }
  /** Sent by the server when the seat's clock runs out. */
  | { type: 'timeout'; payload: Record<string, never> };

export type TcgActionType = TcgAction['type'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;
const isIdList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 64 && value.every(isId);

/** At most 8 bindings of at most 64 ids each. */
const targetsOk = (targets: unknown) =>
  targets === undefined ||
  (isRecord(targets) && Object.values(targets).every(isIdList) && Object.keys(targets).length <= 8);

const invalid = (message: string) => fail('INVALID_PAYLOAD', message);

/** Checks an untrusted action's shape (not its legality). */
export function parseAction(raw: unknown): Result<TcgAction> {
  if (!isRecord(raw) || typeof raw.type !== 'string')
    return invalid('An action needs a string "type".');
  const payload = raw.payload === undefined ? {} : raw.payload;
  if (!isRecord(payload)) return invalid('"payload" must be an object.');
  const only = (...keys: string[]) => Object.keys(payload).every((key) => keys.includes(key));
  switch (raw.type) {
    case 'mulligan':
      return isIdList(payload.replace) && only('replace')
        ? ok({ type: 'mulligan', payload: { replace: payload.replace } })
        : invalid('mulligan needs {replace: [handles]}.');
    case 'play': {
      const targets = payload.targets;
      if (!isId(payload.card) || !targetsOk(targets) || !only('card', 'targets'))
        return invalid('play needs {card: handle, targets?: {binding: [ids]}}.');
      return ok({
        type: 'play',
        payload:
          targets === undefined
            ? { card: payload.card }
            : { card: payload.card, targets: targets as Record<string, string[]> },
      });
    }
    case 'activate': {
      const { card, ability, targets } = payload;
      if (
        !isId(card) ||
        !isId(ability) ||
        !targetsOk(targets) ||
        !only('card', 'ability', 'targets')
      )
        return invalid('activate needs {card: handle, ability: id, targets?: {binding: [ids]}}.');
      return ok({
        type: 'activate',
        payload:
          targets === undefined
            ? { card, ability }
            : { card, ability, targets: targets as Record<string, string[]> },
      });
    }
    case 'attack':
      return isId(payload.attacker) && isId(payload.target) && only('attacker', 'target')
        ? ok({ type: 'attack', payload: { attacker: payload.attacker, target: payload.target } })
        : invalid('attack needs {attacker: handle, target: id}.');
    case 'attach':
      return isId(payload.card) && isId(payload.unit) && only('card', 'unit')
        ? ok({ type: 'attach', payload: { card: payload.card, unit: payload.unit } })
        : invalid('attach needs {card: handle, unit: handle}.');
    case 'useAttack':
      return isId(payload.attack) && only('attack')
        ? ok({ type: 'useAttack', payload: { attack: payload.attack } })
        : invalid('useAttack needs {attack: id}.');
    case 'retreat':
      return isId(payload.to) && only('to')
        ? ok({ type: 'retreat', payload: { to: payload.to } })
        : invalid('retreat needs {to: handle}.');
    case 'evolve':
      return isId(payload.card) && isId(payload.unit) && only('card', 'unit')
        ? ok({ type: 'evolve', payload: { card: payload.card, unit: payload.unit } })
        : invalid('evolve needs {card: handle, unit: handle}.');
    case 'setup':
      return isId(payload.active) &&
        isIdList(payload.bench) &&
        payload.bench.length <= 16 &&
        only('active', 'bench')
        ? ok({ type: 'setup', payload: { active: payload.active, bench: payload.bench } })
        : invalid('setup needs {active: handle, bench: [handles]}.');
    case 'answer':
      return isId(payload.decision) && isIdList(payload.picks) && only('decision', 'picks')
        ? ok({ type: 'answer', payload: { decision: payload.decision, picks: payload.picks } })
        : invalid('answer needs {decision: id, picks: [ids]}.');
    case 'pass':
    case 'nextPhase':
    case 'endTurn':
    case 'concede':
    case 'timeout':
      return only()
        ? ok({ type: raw.type, payload: {} })
        : invalid(`${raw.type} takes an empty payload.`);
    default:
      return fail('UNKNOWN_ACTION', `Unknown action "${raw.type}".`);
  }
}

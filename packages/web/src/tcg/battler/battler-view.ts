import type { Seat } from '@cardtable/engine';
import type { BattlerControls, TcgView } from '@cardtable/tcg/ui';
import { counted } from '../../ui/counted.ts';
import { shownHealth } from '../shown-health.ts';

/** An energy pip: the attached card, its type, and the label read out next to its colour. */
export interface EnergyPip {
  handle: string;
  element: string;
  label: string;
}

/** A creature in play as the battler table draws it. */
export interface CreatureSlot {
  handle: string;
  defId: string;
  name: string;
  hp: number;
  maxHp: number;
  /** Damage counters on it (damage / the ruleset's counter size). */
  counters: number;
  energy: EnergyPip[];
  /** Attached tools (card handles). */
  tools: string[];
  conditions: { id: string; name: string; reminder: string }[];
}

/** One side of the battler table: active spot, bench, face-down prizes. */
export interface BattlerSide {
  active: CreatureSlot | null;
  bench: CreatureSlot[];
  benchSize: number;
  prizes: number;
  /** What the prize pile says: how many are left, or, before setup is done, that none are dealt yet. */
  prizeWords: string;
  /** What the active spot says while it is empty. */
  emptyActiveWords: string;
}

/** An attack of the active creature as the controls offer it. */
export interface AttackOption {
  id: string;
  name: string;
  cost: string[];
  damage: number | null;
  usable: boolean;
  /** Why it cannot be used now (null when usable). */
  reason: string | null;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The energy attached to a creature, by type, in attachment order. */
function energyOf(view: TcgView, creature: string): EnergyPip[] {
  return Object.values(view.cards)
    .filter((card) => card.attachedTo === creature && !card.under)
    .filter((card) => view.faces[card.defId]?.kind === 'energy')
    .sort((a, b) => a.playOrder - b.playOrder)
    .map((card) => {
      const face = view.faces[card.defId]!;
      const element = face.battler?.element ?? 'colorless';
      return { handle: card.handle, element, label: capital(element) };
    });
}

export function creatureSlot(view: TcgView, handle: string): CreatureSlot | null {
  const card = view.cards[handle];
  const rules = view.battler?.rules;
  if (!card || !rules) return null;
  const face = view.faces[card.defId]!;
  const tools = Object.values(view.cards)
    .filter((c) => c.attachedTo === handle && !c.under && view.faces[c.defId]?.kind === 'tool')
    .map((c) => c.handle);
  return {
    handle,
    defId: card.defId,
    name: face.name,
    hp: shownHealth(card.stats?.health ?? face.stats?.health ?? 0),
    maxHp: card.stats?.maxHealth ?? face.stats?.health ?? 0,
    counters: Math.floor(card.damage / Math.max(1, rules.damageCounter)),
    energy: energyOf(view, handle),
    tools,
    conditions: (card.conditions ?? []).map((id) => ({
      id,
      name: rules.conditions[id]?.name ?? capital(id),
      reminder: rules.conditions[id]?.reminder ?? '',
    })),
  };
}

const sizeOf = (zone: string[] | number | undefined): number =>
  Array.isArray(zone) ? zone.length : (zone ?? 0);

export function battlerSide(view: TcgView, seat: Seat): BattlerSide | null {
  const battler = view.battler;
  if (!battler) return null;
  const player = view.players[seat]!;
  const activeHandle = battler.active[seat] ?? null;
  const board = player.zones.board;
  const bench = (Array.isArray(board) ? board : [])
    .filter((h) => h !== activeHandle)
    .map((h) => creatureSlot(view, h))
    .filter((slot): slot is CreatureSlot => slot !== null);
  const prizes = sizeOf(player.zones[battler.rules.prizeZone]);
  // Prizes are set aside and the active creatures revealed only once both players have chosen
  // their setup: until then "0 prizes left" or "No active creature" would read like a lost game.
  const settingUp = view.status === 'setup' || view.status === 'mulligan';
  return {
    active: activeHandle ? creatureSlot(view, activeHandle) : null,
    bench,
    benchSize: battler.rules.bench,
    prizes,
    prizeWords: settingUp
      ? 'Prizes are set aside when the game starts'
      : `${counted(prizes, 'prize')} left`,
    emptyActiveWords: !settingUp
      ? 'No active creature'
      : battler.setupChosen[seat]
        ? 'Active creature chosen'
        : 'Choosing an active creature',
  };
}

/** The stadium in play (either player's), or null. */
export function stadiumInPlay(view: TcgView): string | null {
  const zone = view.battler?.rules.stadiumZone;
  if (!zone) return null;
  for (const player of view.players) {
    const cards = player.zones[zone];
    if (Array.isArray(cards) && cards.length > 0) return cards[cards.length - 1]!;
  }
  return null;
}

/**
 * The energy a cost still needs from what is attached: typed symbols are paid by their type
 * first, the wildcard (colourless) by anything left. Empty when the cost is met.
 */
export function missingEnergy(
  cost: readonly string[],
  attached: readonly string[],
  wildcard: string,
) {
  const pool = [...attached];
  const missing: string[] = [];
  for (const symbol of cost.filter((s) => s !== wildcard)) {
    const at = pool.indexOf(symbol);
    if (at >= 0) pool.splice(at, 1);
    else missing.push(symbol);
  }
  const wild = cost.filter((s) => s === wildcard).length;
  for (let i = pool.length; i < wild; i++) missing.push(wildcard);
  return missing;
}

const listMissing = (missing: string[]): string => {
  const counts = new Map<string, number>();
  for (const m of missing) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}`).join(' and ');
};

/** The active creature's attacks, each usable or not with the reason in words. */
export function attackOptions(
  view: TcgView,
  me: Seat | null,
  controls: BattlerControls | null,
): AttackOption[] {
  if (me === null || !view.battler) return [];
  const active = view.battler.active[me];
  const slot = active ? creatureSlot(view, active) : null;
  const face = slot ? view.faces[slot.defId] : undefined;
  if (!slot || !face?.battler) return [];
  const legal = new Set(controls?.attacks ?? []);
  const wildcard = view.battler.rules.wildcard;
  return face.battler.attacks.map((attack) => {
    const usable = legal.has(attack.id);
    const missing = missingEnergy(
      attack.cost,
      slot.energy.map((e) => e.element),
      wildcard,
    );
    const blocking = slot.conditions.find(
      (c) => c.id === 'asleep' || c.id === 'paralyzed' || c.id === 'paralysed',
    );
    const reason = usable
      ? null
      : view.status !== 'playing' || view.active !== me
        ? 'Not your turn'
        : missing.length > 0
          ? `Needs ${listMissing(missing)} energy more`
          : blocking
            ? `${slot.name} is ${blocking.name.toLowerCase()}`
            : 'First turn, or already attacked';
    return { ...attack, usable, reason };
  });
}

/**
 * The reason every attack shares (not your turn, asleep, a rule of the turn), to say once for
 * them all rather than under each; null when one may be used or their reasons differ (energy
 * missing is each attack's own).
 */
export function sharedReason(attacks: readonly AttackOption[]): string | null {
  const first = attacks[0]?.reason ?? null;
  return first !== null && attacks.every((attack) => attack.reason === first) ? first : null;
}

/**
 * Energy by type, in the order each type first comes, with how many of it: seven fire energy
 * on a creature read as one pip "fire ×7" (a pip each stacked four rows tall under the card).
 */
export function energyCounts(types: readonly string[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count }));
}

/** The setup choices the LEGAL list allows: which actives, and which bench for an active. */
export function setupChoices(controls: BattlerControls | null) {
  const setups = controls?.setups ?? [];
  const actives = [...new Set(setups.map((s) => s.active))];
  const benchFor = (active: string) => [
    ...new Set(setups.filter((s) => s.active === active).flatMap((s) => s.bench)),
  ];
  /** The legal setup with exactly this active and bench (any order), if there is one. */
  const find = (active: string, bench: readonly string[]) =>
    setups.find(
      (s) =>
        s.active === active &&
        s.bench.length === bench.length &&
        s.bench.every((h) => bench.includes(h)),
    ) ?? null;
  return { actives, benchFor, find };
}

/** Button labels for cards that may share a name: the second Emberling reads "Emberling 2". */
export function distinctLabels(handles: readonly string[], nameOf: (handle: string) => string) {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const h of handles) total.set(nameOf(h), (total.get(nameOf(h)) ?? 0) + 1);
  return new Map(
    handles.map((h) => {
      const name = nameOf(h);
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return [h, (total.get(name) ?? 0) > 1 ? `${name} ${n}` : name] as const;
    }),
  );
}

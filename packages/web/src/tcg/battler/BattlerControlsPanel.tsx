import { useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type { TcgAction, TcgControls, TcgView } from '@cardtable/tcg/ui';
import { attackOptions, distinctLabels, setupChoices, sharedReason } from './battler-view.ts';
import { EnergyPips } from './EnergyPips.tsx';

export interface BattlerControlsPanelProps {
  view: TcgView;
  me: Seat | null;
  controls: TcgControls;
  onAct(action: TcgAction): void;
}

/**
 * The battler's own controls as buttons (all reachable by keyboard): setup (active, then bench),
 * attach energy and tools, evolve, retreat, and the active creature's attacks with their costs;
 * an attack that cannot be used says why (tied to it with `aria-describedby`). A busy turn offers
 * a dozen creatures to attach to or switch in: their buttons read the creature alone (the group
 * says what they do, each one's accessible name says it whole), so that several share a row of
 * the narrow column beside the boards.
 */
export function BattlerControlsPanel({ view, me, controls, onAct }: BattlerControlsPanelProps) {
  const battler = controls.battler;
  const [active, setActive] = useState<string | null>(null);
  const [bench, setBench] = useState<string[]>([]);
  if (!battler || !view.battler || me === null) return null;
  const nameOf = (handle: string) => view.faces[view.cards[handle]?.defId ?? '']?.name ?? 'a card';
  const activeHandle = view.battler.active[me];
  const board = view.players[me]!.zones.board;
  // The active one says so; of two Emberlings on the bench the second reads "Emberling 2".
  const benchLabels = distinctLabels(
    (Array.isArray(board) ? board : []).filter((handle) => handle !== activeHandle),
    nameOf,
  );
  const creature = (handle: string) =>
    handle === activeHandle
      ? `${nameOf(handle)} (active)`
      : (benchLabels.get(handle) ?? nameOf(handle));
  const act = (action: TcgAction) => {
    setActive(null);
    setBench([]);
    onAct(action);
  };
  /** One button per creature an energy or a tool may be attached to. */
  const attachButtons = (card: string, units: string[], testId: string) =>
    units.map((unit) => (
      <button
        key={unit}
        data-testid={testId}
        aria-label={`Attach ${nameOf(card)} to ${creature(unit)}`}
        onClick={() => act({ type: 'attach', payload: { card, unit } })}
      >
        {creature(unit)}
      </button>
    ));

  const setup = setupChoices(battler);
  const setupLabels = distinctLabels(setup.actives, nameOf);
  const chosenSetup = active ? setup.find(active, bench) : null;
  const attacks = attackOptions(view, me, battler);
  // Energy and tools both attach to a creature; they are offered in groups of their own.
  const kindOf = (card: string) => view.faces[view.cards[card]?.defId ?? '']?.kind;
  const attaches = Object.entries(controls.attaches);
  const energy = attaches.filter(([card]) => kindOf(card) !== 'tool');
  const tools = attaches.filter(([card]) => kindOf(card) === 'tool');
  const activeFace = view.faces[view.cards[activeHandle ?? '']?.defId ?? ''];
  const showAttacks = attacks.length > 0 && view.status === 'playing';
  const shared = sharedReason(attacks);

  return (
    <div className="battler-controls" data-testid="battler-controls">
      {setup.actives.length > 0 ? (
        <fieldset className="battler-group" data-testid="battler-setup">
          <legend>
            Before the first turn: pick the creature that fights first (your active one), then any
            others to wait on your bench
          </legend>
          <div className="battler-choices" role="group" aria-label="Active creature">
            {setup.actives.map((h) => (
              <button
                key={h}
                aria-pressed={active === h}
                data-testid="battler-setup-active"
                onClick={() => {
                  setActive(h);
                  setBench([]);
                }}
              >
                Active: {setupLabels.get(h)}
              </button>
            ))}
          </div>
          {active ? (
            <div className="battler-choices" role="group" aria-label="Bench">
              {setup.benchFor(active).map((h) => (
                <button
                  key={h}
                  aria-pressed={bench.includes(h)}
                  data-testid="battler-setup-bench"
                  onClick={() =>
                    setBench(bench.includes(h) ? bench.filter((b) => b !== h) : [...bench, h])
                  }
                >
                  Bench: {setupLabels.get(h) ?? nameOf(h)}
                </button>
              ))}
            </div>
          ) : null}
          <button
            className="primary"
            data-testid="battler-setup-confirm"
            disabled={!chosenSetup}
            onClick={() => chosenSetup && act({ type: 'setup', payload: chosenSetup })}
          >
            {active
              ? `Start with ${setupLabels.get(active) ?? nameOf(active)}${bench.length ? ` + ${bench.length} on the bench` : ''}`
              : 'Pick your active creature first'}
          </button>
        </fieldset>
      ) : null}

      {energy.length > 0 ? (
        <fieldset className="battler-group" data-testid="battler-attach">
          <legend>Attach energy (one per turn)</legend>
          {energy.map(([card, units]) => (
            <div key={card} className="battler-choices">
              <EnergyPips
                energy={[view.faces[view.cards[card]!.defId]!.battler?.element ?? 'colorless']}
                label={nameOf(card)}
              />
              <span className="battler-to" aria-hidden="true">
                to
              </span>
              {attachButtons(card, units, 'battler-attach-to')}
            </div>
          ))}
        </fieldset>
      ) : null}

      {tools.length > 0 ? (
        <fieldset className="battler-group" data-testid="battler-tools">
          <legend>Attach a tool (one per creature)</legend>
          {tools.map(([card, units]) => (
            <div key={card} className="battler-choices">
              <span className="battler-to">{nameOf(card)} to</span>
              {attachButtons(card, units, 'battler-tool-to')}
            </div>
          ))}
        </fieldset>
      ) : null}

      {Object.keys(battler.evolutions).length > 0 ? (
        <fieldset className="battler-group" data-testid="battler-evolve">
          <legend>Evolve</legend>
          {Object.entries(battler.evolutions).map(([card, units]) =>
            units.map((unit) => (
              <button
                key={`${card}-${unit}`}
                data-testid="battler-evolve-button"
                onClick={() => act({ type: 'evolve', payload: { card, unit } })}
              >
                {nameOf(unit)} → {nameOf(card)}
              </button>
            )),
          )}
        </fieldset>
      ) : null}

      {battler.retreats.length > 0 ? (
        <fieldset className="battler-group" data-testid="battler-retreat">
          <legend>Retreat (costs {activeFace?.battler?.retreat ?? 0} energy)</legend>
          {battler.retreats.map((to) => (
            <button
              key={to}
              data-testid="battler-retreat-to"
              aria-label={`Switch in ${creature(to)}`}
              onClick={() => act({ type: 'retreat', payload: { to } })}
            >
              {creature(to)}
            </button>
          ))}
        </fieldset>
      ) : null}

      {showAttacks ? (
        <fieldset className="battler-group" data-testid="battler-attacks">
          <legend>Attacks of {activeFace?.name}</legend>
          {attacks.map((attack) => (
            <div key={attack.id} className="battler-attack">
              <button
                data-testid="battler-attack"
                data-attack={attack.id}
                // Not `disabled`: a disabled button takes no focus, so a keyboard user could not
                // reach it to hear why it cannot be used. It stays focusable and does nothing.
                aria-disabled={attack.usable ? undefined : true}
                aria-describedby={
                  shared ? 'why-attacks' : attack.reason ? `why-${attack.id}` : undefined
                }
                onClick={() =>
                  attack.usable && act({ type: 'useAttack', payload: { attack: attack.id } })
                }
              >
                <strong>{attack.name}</strong>
                {attack.damage !== null ? ` ${attack.damage}` : ''}
              </button>
              <EnergyPips energy={attack.cost} label="Cost" />
              {attack.cost.length === 0 ? <span className="battler-free">free</span> : null}
              {attack.reason && !shared ? (
                <span id={`why-${attack.id}`} className="battler-why" data-testid="battler-why">
                  {attack.reason}
                </span>
              ) : null}
            </div>
          ))}
          {shared ? (
            <span id="why-attacks" className="battler-why" data-testid="battler-why">
              {shared}
            </span>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}

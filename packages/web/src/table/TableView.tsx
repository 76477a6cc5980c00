import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Seat } from '@cardtable/engine';
import type { GolfAction, GolfView } from '@cardtable/golf';
import { isHidden } from '@cardtable/golf';
import { anchorId } from '../animation/plan.ts';
import type { Stage } from '../animation/director.ts';
import { cardName } from '../cards/describe.ts';
import {
  BUTTON_KEYS,
  BUTTON_LABELS,
  initialFlipFor,
  keyTarget,
  toggleSelection,
  type Controls,
  type KeyTarget,
} from '../game/controls.ts';
import { promptFor, type TableMoment } from '../game/prompt.ts';
import { describePreview, formatDelta, previewSwap } from '../game/score-preview.ts';
import { FlightLayer } from '../animation/FlightLayer.tsx';
import { PlayingCard } from '../cards/PlayingCard.tsx';
import { Piles } from './Piles.tsx';
import { RoundTally } from './RoundTally.tsx';
import { SeatPanel, type SlotControl } from './SeatPanel.tsx';
import { SidePanel } from './SidePanel.tsx';

export interface TableViewProps {
  stage: Stage & { view: GolfView };
  /** The seat this viewer plays, if any. */
  me: Seat | null;
  /** The seat drawn at the bottom (the viewer's own, else seat 0). */
  bottom: Seat;
  name(seat: Seat): string;
  /** What may be clicked now (NO_CONTROLS while waiting, animating or watching). */
  controls: Controls;
  onAct(action: GolfAction): void;
  onDismissTally(): void;
  /** Show face-down faces (a finished match's replay). */
  peek: boolean;
  flightMs: number;
  /** Something to show at a seat for a moment (a player's quick emote). */
  bubbles?: ReadonlyMap<Seat, ReactNode>;
  /** Live (the default), a live match that is over (even mid-hole: a resignation), or a replay. */
  moment?: TableMoment;
}

/** The whole table: opponents, piles, the viewer's seat, the prompt, scorecard and rules. */
export function TableView(props: TableViewProps) {
  const { stage, me, bottom, name, controls, onAct, peek } = props;
  const { view } = stage;
  const [selected, setSelected] = useState<number[]>([]);
  const [previewSlot, setPreviewSlot] = useState<number | null>(null);

  const choice = controls.initialFlip;
  // A LEGAL arrives after every seat's opening flip with the same choices for this seat: only
  // different choices (or none, once this seat flipped) start a fresh selection.
  const choiceKey = choice ? choice.choices.map((set) => set.join(',')).join('|') : '';
  const [choiceSeen, setChoiceSeen] = useState(choiceKey);
  if (choiceKey !== choiceSeen) {
    setChoiceSeen(choiceKey);
    setSelected([]);
  }

  const vacated = useMemo(
    () => new Set(stage.flying?.plan.vacate.map(anchorId) ?? []),
    [stage.flying],
  );
  const order = seatOrder(view.players.length, bottom);
  const mine = view.players.find((player) => player.seat === bottom);

  const held =
    view.phase.kind === 'turn' && view.phase.step.kind === 'holding' && view.phase.seat === me
      ? view.phase.step.card
      : null;
  const heldCard = held && !isHidden(held) ? held : null;
  const previews = useMemo(
    () =>
      controls.slots.map((action) =>
        action?.type === 'swap' && heldCard && mine
          ? previewSwap(mine.hand, action.payload.slot, heldCard, view.options)
          : null,
      ),
    [controls.slots, heldCard, mine, view.options],
  );

  const slotControls: (SlotControl | null)[] = controls.slots.map((action, index) => {
    if (choice) {
      if (!choice.slots.includes(index)) return null;
      return {
        label: selected.includes(index) ? 'Selected to turn up' : 'Turn this card up',
        onActivate: () => {
          const next = toggleSelection(choice, selected, index);
          setSelected(next);
          const complete = initialFlipFor(choice, next);
          if (complete) onAct(complete);
        },
      };
    }
    if (!action) return null;
    const preview = previews[index];
    const label =
      action.type === 'swap'
        ? preview
          ? describePreview(preview)
          : 'Swap the held card here'
        : 'Flip this card';
    return { label, onActivate: () => onAct(action) };
  });

  const deckAction = controls.deck;
  const discardAction = controls.discardPile;
  const reach = (target: KeyTarget) => {
    if (target.kind === 'deck' && deckAction) onAct(deckAction);
    else if (target.kind === 'discardPile' && discardAction) onAct(discardAction);
    else if (target.kind === 'slot') slotControls[target.slot]?.onActivate();
    else if (target.kind === 'button') onAct(target.action);
  };
  useTableKeys(me !== null, (key) => keyTarget(key, controls), reach);

  const activePreview = previewSlot === null ? null : previews[previewSlot];
  // On the viewer's turn the prompt waits for the controls (the LEGAL and the last animation),
  // so it never flashes a shorter text first: the previous one stays until then.
  const awaitingControls =
    view.phase.kind === 'turn' && view.phase.seat === me && !hasAnyControl(controls);
  const freshPrompt = promptFor(view, me, controls, name, props.moment);
  const [lastPrompt, setLastPrompt] = useState(freshPrompt);
  if (!awaitingControls && freshPrompt !== lastPrompt) setLastPrompt(freshPrompt);
  const prompt = awaitingControls ? lastPrompt : freshPrompt;

  // When it becomes the viewer's move, their cards come into view (a full table on a phone).
  const mineRef = useRef<HTMLDivElement>(null);
  const canAct = hasAnyControl(controls);
  useEffect(() => {
    if (canAct) mineRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [canAct]);
  const finalTurns = view.finisher !== null && view.phase.kind === 'turn';

  return (
    <div className="table-layout">
      <div
        className="felt"
        data-testid="table"
        data-version={stage.version}
        data-step={stage.step}
        data-busy={stage.busy ? 'yes' : 'no'}
      >
        <div className={`opponents${view.players.length > 4 ? ' opponents-many' : ''}`}>
          {order
            .filter((seat) => seat !== bottom)
            .map((seat) => {
              const player = view.players[seat];
              return player ? (
                <SeatPanel
                  key={seat}
                  view={view}
                  player={player}
                  name={name(seat)}
                  isMe={false}
                  peek={peek}
                  vacated={vacated}
                  bubble={props.bubbles?.get(seat)}
                />
              ) : null;
            })}
        </div>

        <div className="centre">
          {finalTurns ? (
            <p className="banner" data-testid="final-turn-banner" role="status">
              Final turns! {name(view.finisher as Seat)}{' '}
              {stage.knocked === view.finisher ? 'knocked' : 'went out'}:{' '}
              {view.finalTurnsLeft.length} turn
              {view.finalTurnsLeft.length === 1 ? '' : 's'} left.
            </p>
          ) : null}
          <Piles
            view={view}
            focusable={me !== null}
            vacated={vacated}
            deck={
              controls.deck
                ? { label: 'Draw a card', onActivate: () => onAct(controls.deck as GolfAction) }
                : null
            }
            discard={
              controls.discardPile
                ? {
                    label:
                      controls.discardPile.type === 'discard'
                        ? 'Discard the held card'
                        : `Take the ${view.discardTop ? cardName(view.discardTop) : 'card'}`,
                    onActivate: () => onAct(controls.discardPile as GolfAction),
                  }
                : null
            }
          />
          <div className="prompt" data-testid="prompt">
            <p aria-live="polite">{prompt}</p>
            <p className="preview-line" data-testid="swap-preview">
              {activePreview ? describePreview(activePreview) : '\u00a0'}
            </p>
            {controls.buttons.length > 0 ? (
              <p className="actions">
                {controls.buttons.map((action) => (
                  <button
                    type="button"
                    key={action.type}
                    onClick={() => onAct(action)}
                    data-testid={`action-${action.type}`}
                    aria-keyshortcuts={BUTTON_KEYS[action.type].key}
                  >
                    {BUTTON_LABELS[action.type]}
                  </button>
                ))}
              </p>
            ) : null}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {stage.caption}
          </p>
          {me !== null && props.moment !== 'over' ? (
            <p className="key-help" data-testid="key-help">
              Keys:{' '}
              {[
                { keys: <kbd>D</kbd>, help: 'draw' },
                { keys: <kbd>P</kbd>, help: 'discard pile' },
                {
                  keys: (
                    <>
                      <kbd>1</kbd>–<kbd>6</kbd>
                    </>
                  ),
                  help: 'your cards',
                },
                ...Object.values(BUTTON_KEYS).map(({ key, help }) => ({
                  keys: <kbd>{key}</kbd>,
                  help,
                })),
              ].map(({ keys, help }, i) => (
                <Fragment key={help}>
                  {i > 0 ? ' · ' : null}
                  <span>
                    {keys} {help}
                  </span>
                </Fragment>
              ))}
            </p>
          ) : null}
        </div>

        {mine ? (
          <div className="mine" ref={mineRef}>
            <SeatPanel
              view={view}
              player={mine}
              name={name(bottom)}
              isMe={me === bottom}
              peek={peek}
              vacated={vacated}
              slotControls={slotControls}
              selectedSlots={choice ? selected : undefined}
              badges={previews.map((p) => (p ? formatDelta(p.delta) : null))}
              onPreview={setPreviewSlot}
              focusable={me === bottom}
              bubble={props.bubbles?.get(bottom)}
            />
          </div>
        ) : null}
      </div>

      <SidePanel view={view} name={name} me={me} />
      {stage.flying ? (
        <FlightLayer
          id={stage.flying.id}
          flights={stage.flying.plan.flights}
          durationMs={props.flightMs}
          path={(flight) => ({
            from: anchorId(flight.from),
            to: anchorId(flight.to),
            delayMs: flight.delayMs,
          })}
          render={(flight) => <PlayingCard card={flight.card} faceUp={flight.faceUp} />}
        />
      ) : null}
      {stage.tally ? (
        <RoundTally
          result={stage.tally}
          knocked={stage.knocked}
          name={name}
          me={me}
          onContinue={props.onDismissTally}
        />
      ) : null}
    </div>
  );
}

/**
 * The table's shortcuts (`keyTarget`) for a seated player, from anywhere on the page but a
 * field, a dialog or a key with a modifier (the chat and the browser keep theirs).
 */
function useTableKeys(
  seated: boolean,
  target: (key: string) => KeyTarget | null,
  reach: (target: KeyTarget) => void,
) {
  const latest = useRef({ target, reach });
  latest.current = { target, reach };
  useEffect(() => {
    if (!seated) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const from = event.target instanceof Element ? event.target : null;
      if (from?.closest('input, textarea, select, [contenteditable="true"], dialog, [role=dialog]'))
        return;
      const found = latest.current.target(event.key);
      if (!found) return;
      event.preventDefault();
      latest.current.reach(found);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [seated]);
}

const hasAnyControl = (controls: Controls) =>
  controls.deck !== null ||
  controls.discardPile !== null ||
  controls.initialFlip !== null ||
  controls.buttons.length > 0 ||
  controls.slots.some((action) => action !== null);

/** Seats starting from the bottom one, clockwise. */
const seatOrder = (count: number, bottom: Seat): Seat[] =>
  Array.from({ length: count }, (_, i) => (bottom + i) % count);

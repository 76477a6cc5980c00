import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Seat } from '@cardtable/engine';
import {
  activationLabel,
  activationShown,
  askSentence,
  effectPhrase,
  nextPhaseLabel,
  phaseTrack,
  playWith,
  tcgControls,
  type ActivatableAbility,
  type PlayableCard,
  type TcgAction,
  type TcgView,
} from '@cardtable/tcg/ui';
import { FlightLayer } from '../animation/FlightLayer.tsx';
import { tcgAnchor } from './animation/anchors.ts';
import type { TcgStage } from './animation/director.ts';
import { useLunge } from './animation/useLunge.ts';
import { CardFaceView, cardLabel } from './CardFaceView.tsx';
import { useCardZoom } from './cards/useCardZoom.ts';
import { ZoomedCard } from './cards/ZoomedCard.tsx';
import { zoomSide } from './cards/zoom.ts';
import { HiddenHand, TcgPiles } from './TcgPiles.tsx';
import { shownHealth } from './shown-health.ts';
import { useRoomBelow } from './useRoomBelow.ts';
import { BattlerControlsPanel } from './battler/BattlerControlsPanel.tsx';
import { BattlerSideView } from './battler/BattlerSideView.tsx';
import { CoinFlip } from './battler/CoinFlip.tsx';
import { StadiumZone } from './battler/StadiumZone.tsx';
import './battler/battler.css';

type Selection =
  | { kind: 'none' }
  | { kind: 'play'; card: PlayableCard; chosen: Record<string, string[]> }
  | { kind: 'attack'; attacker: string }
  | { kind: 'picks'; picks: string[] }
  | { kind: 'mulligan'; replace: string[] };

export interface TcgTableProps {
  view: TcgView;
  me: Seat | null;
  legal: TcgAction[];
  /** The step on screen (flights, a lunge, marks), as the director plays it. */
  shown: TcgStage['shown'];
  /** The last thing that happened, in words. */
  caption: string;
  /** How long one card flight takes now (0: nothing flies). */
  flightMs: number;
  name(seat: Seat): string;
  onAct(action: TcgAction): void;
  /** Image URLs of the cards that have one, by card id (the others get a generated face). */
  art?: Readonly<Record<string, string>>;
  /** Something to show at a seat for a moment (a player's quick emote). */
  bubbles?: ReadonlyMap<Seat, ReactNode>;
  /** The table fits the window's height below whatever the page shows above it (a live match). */
  fitsWindow?: boolean;
}

/**
 * The TCG table, laid out as players expect: the opponent at the top (hand, hero, deck and
 * discard, then their board), the stack and prompts in the middle, the player's board, hero,
 * piles and hand below. Click a card to play it, then its target; click a unit to attack, then
 * what it attacks; click the choices of a decision. Hover a card (or long-press it, or focus it
 * and press Z) to read it large.
 */
export function TcgTable({
  view,
  me,
  legal,
  shown,
  caption,
  flightMs,
  name,
  onAct,
  art = {},
  bubbles,
  fitsWindow = false,
}: TcgTableProps) {
  const controls = useMemo(() => tcgControls(view, legal), [view, legal]);
  const phases = view.status === 'playing' ? phaseTrack(view) : null;
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const bottom = me ?? 0;
  const top = bottom === 0 ? 1 : 0;
  const zoom = useCardZoom();
  useLunge(shown);
  const marks = shown && !shown.moving ? shown.plan.marks : {};
  const vacated = new Set(shown?.moving ? shown.plan.vacate : []);
  const act = (action: TcgAction) => {
    setSelection({ kind: 'none' });
    onAct(action);
  };
  const decision = controls.decision;
  const glossary = view.glossary.keywords;
  // "Firebolt: choose a target to deal 3 damage to an enemy unit or hero".
  const targetingText = (chosen: PlayableCard) => {
    const face = view.faces[view.cards[chosen.card]?.defId ?? ''];
    const text =
      'ability' in chosen
        ? activationShown(view, chosen as ActivatableAbility)?.face.effect
        : face?.text;
    return askSentence(face?.name ?? null, 'choose a target', text ? effectPhrase(text) : null);
  };

  // What a click on an object may mean now, most specific first.
  const pendingBinding =
    selection.kind === 'play'
      ? Object.keys(selection.card.targets).find((b) => !selection.chosen[b])
      : undefined;
  // While a card or an ability waits for its target, the keyboard goes where the choice is: the
  // first valid target takes the focus (they lie above the hand, earlier in the Tab order), and
  // Escape, like Cancel, gives it back to what started the choice.
  const targeting =
    selection.kind === 'play' && pendingBinding
      ? `play:${selection.card.card}:${pendingBinding}`
      : selection.kind === 'attack'
        ? `attack:${selection.attacker}`
        : '';
  const tableRef = useRef<HTMLDivElement>(null);
  useRoomBelow(tableRef, fitsWindow);
  const chooser = useRef<HTMLElement | null>(null);
  const targetingId = useId();
  useEffect(() => {
    const table = tableRef.current;
    if (!targeting) chooser.current = null;
    if (!targeting || !table) return;
    const focused = document.activeElement;
    // Only a focus already on the table moves (never out of the chat, say).
    if (!(focused instanceof HTMLElement) || !table.contains(focused)) return;
    if (!chooser.current) chooser.current = focused;
    table.querySelector<HTMLElement>('.tcg-clickable:not(.tcg-selected)')?.focus();
  }, [targeting]);
  // The focused card left the hand (played), or a target stopped being one (a hero is no stop
  // for Tab once chosen): the focus fell to the page's start. It goes to the hand instead (a
  // card to play next, else any), else to the prompt's buttons. A focus the player moved off
  // the table stays where they put it.
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const restore = () => {
      const table = tableRef.current;
      const gone = lastFocused.current;
      if (!table || !gone) return;
      if (document.activeElement !== document.body && document.activeElement !== null) return;
      if (gone.isConnected && gone.tabIndex >= 0) return;
      lastFocused.current = null;
      table
        .querySelector<HTMLElement>(
          '[data-testid=tcg-hand] [data-playable=true], [data-testid=tcg-hand] .tcg-object, [data-testid=tcg-prompt] button',
        )
        ?.focus();
    };
    restore();
    // The browser lets go of an element that stopped taking the focus at its next frame.
    const frame = requestAnimationFrame(restore);
    return () => cancelAnimationFrame(frame);
  });
  const cancelTargeting = () => {
    const back =
      chooser.current?.isConnected === true
        ? chooser.current
        : selection.kind === 'play' || selection.kind === 'attack'
          ? tableRef.current?.querySelector<HTMLElement>(
              `[data-id="${CSS.escape(selection.kind === 'play' ? selection.card.card : selection.attacker)}"]`,
            )
          : null;
    chooser.current = null;
    setSelection({ kind: 'none' });
    back?.focus();
  };
  const clickable = (id: string): boolean => {
    if (decision) return decision.candidates.includes(id);
    if (selection.kind === 'mulligan') return (controls.mulligan?.hand ?? []).includes(id);
    if (selection.kind === 'play' && pendingBinding)
      return (selection.card.targets[pendingBinding] ?? []).includes(id);
    if (selection.kind === 'attack')
      return (controls.attacks[selection.attacker] ?? []).includes(id) || id === selection.attacker;
    return controls.playable.some((p) => p.card === id) || id in controls.attacks;
  };
  const click = (id: string) => {
    if (decision) {
      const picks = selection.kind === 'picks' ? selection.picks : [];
      const next = picks.includes(id) ? picks.filter((p) => p !== id) : [...picks, id];
      if (decision.max === 1 && decision.min <= 1)
        return act({ type: 'answer', payload: { decision: decision.id, picks: [id] } });
      return setSelection({ kind: 'picks', picks: next.slice(0, decision.max) });
    }
    if (selection.kind === 'mulligan') {
      const replace = selection.replace.includes(id)
        ? selection.replace.filter((h) => h !== id)
        : [...selection.replace, id];
      return setSelection({ kind: 'mulligan', replace });
    }
    if (selection.kind === 'play' && pendingBinding) {
      const chosen = { ...selection.chosen, [pendingBinding]: [id] };
      const done = Object.keys(selection.card.targets).every((b) => chosen[b]);
      if (!done) return setSelection({ ...selection, chosen });
      const action = playWith(selection.card, chosen);
      return action ? act(action) : setSelection({ kind: 'none' });
    }
    if (selection.kind === 'attack') {
      if (id === selection.attacker) return setSelection({ kind: 'none' });
      return act({ type: 'attack', payload: { attacker: selection.attacker, target: id } });
    }
    const playable = controls.playable.find((p) => p.card === id);
    if (playable) {
      if (Object.keys(playable.targets).length === 0) return act(playable.actions[0]!);
      return setSelection({ kind: 'play', card: playable, chosen: {} });
    }
    if (id in controls.attacks) setSelection({ kind: 'attack', attacker: id });
  };
  const selected = (id: string) =>
    (selection.kind === 'play' && selection.card.card === id) ||
    (selection.kind === 'attack' && selection.attacker === id) ||
    (selection.kind === 'picks' && selection.picks.includes(id)) ||
    (selection.kind === 'mulligan' && selection.replace.includes(id));

  const objectProps = (id: string) => {
    const isCard = id in view.cards;
    const zoomable = isCard ? zoom.handlers(id) : null;
    const card = view.cards[id];
    const cardFace = card ? view.faces[card.defId] : undefined;
    return {
      'aria-label': cardFace ? cardLabel(cardFace, card?.stats, glossary) : undefined,
      'data-id': id,
      'data-anchor': id,
      'data-hit': marks[id]?.kind === 'hit' ? shown?.id : undefined,
      'data-vacated': vacated.has(id) || undefined,
      className: [
        'tcg-object',
        clickable(id) ? 'tcg-clickable' : '',
        selected(id) ? 'tcg-selected' : '',
      ].join(' '),
      onClick: clickable(id) ? () => click(id) : undefined,
      // What can be clicked can be reached and pressed from the keyboard too; every card can
      // be focused, to read it large with Z.
      role: clickable(id) ? 'button' : undefined,
      tabIndex: clickable(id) || isCard ? 0 : undefined,
      'aria-pressed': clickable(id) ? selected(id) : undefined,
      // A target says what it is chosen for ("Firebolt: choose a target to deal 3 damage…").
      'aria-describedby': targeting && clickable(id) && !selected(id) ? targetingId : undefined,
      'aria-keyshortcuts': isCard ? 'Z' : undefined,
      ...(zoomable
        ? {
            onPointerEnter: zoomable.onPointerEnter,
            onPointerLeave: zoomable.onPointerLeave,
            onPointerDown: zoomable.onPointerDown,
            onPointerUp: zoomable.onPointerUp,
            onPointerCancel: zoomable.onPointerCancel,
            onContextMenu: zoomable.onContextMenu,
            onClickCapture: zoomable.onClickCapture,
          }
        : {}),
      onKeyDown: (event: KeyboardEvent) => {
        if (zoomable?.onZoomKey(event)) return;
        if (!clickable(id) || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault();
        click(id);
      },
    };
  };
  const mark = (id: string) =>
    marks[id] ? (
      <span
        key={shown?.id}
        className={`tcg-mark tcg-mark-${marks[id].kind}`}
        data-testid="tcg-mark"
      >
        {marks[id].text}
      </span>
    ) : null;

  const hero = (seat: Seat) => {
    const player = view.players[seat]!;
    const id = `hero:${seat}`;
    return (
      <div
        {...objectProps(id)}
        data-testid={`tcg-hero-${seat === bottom ? 'me' : 'them'}`}
        data-mana={player.resource.current}
      >
        <strong>{name(seat)}</strong>
        {/* A battler is won on prizes and its energy is attached to creatures: its players'
            life and resource pool are bookkeeping that would only mislead ("1 life, 0/0"). */}
        {view.battler ? null : (
          <>
            <span className="tcg-life" data-testid={`tcg-life-${seat === bottom ? 'me' : 'them'}`}>
              {shownHealth(player.life)} {view.glossary.life}
            </span>
            <span className="tcg-mana">
              {player.resource.current}/{player.resource.max} {view.glossary.resource}
            </span>
          </>
        )}
        {view.active === seat && view.status === 'playing' ? (
          <span className="tcg-turn-tag" data-testid="tcg-turn-tag">
            {seat === me ? 'Your turn' : `${name(seat)}'s turn`}
          </span>
        ) : null}
        {mark(id)}
      </div>
    );
  };
  const board = (seat: Seat) => {
    if (view.battler)
      return (
        <BattlerSideView
          view={view}
          seat={seat}
          who={seat === bottom ? 'me' : 'them'}
          art={art}
          objectProps={objectProps}
          mark={mark}
        />
      );
    const handles = view.players[seat]!.zones.board;
    return (
      <div
        className="tcg-board"
        data-anchor={tcgAnchor.board(seat)}
        data-testid={`tcg-board-${seat === bottom ? 'me' : 'them'}`}
      >
        {(Array.isArray(handles) ? handles : []).map((h) => {
          const card = view.cards[h]!;
          return (
            <div key={h} {...objectProps(h)} data-exhausted={card.attacks > 0}>
              <CardFaceView
                face={view.faces[card.defId]!}
                stats={card.stats}
                glossary={glossary}
                image={art[card.defId]}
              />
              {mark(h)}
            </div>
          );
        })}
      </div>
    );
  };

  /** A card in a hand: its printed face. */
  const face = (h: string) => (
    <CardFaceView
      face={view.faces[view.cards[h]!.defId]!}
      glossary={glossary}
      image={art[view.cards[h]!.defId]}
    />
  );
  const hand = view.players[bottom]!.zones.hand;
  const theirHand = view.players[top]!.zones.hand;
  const zoomed = zoom.state.target ? view.cards[zoom.state.target] : undefined;
  return (
    <div
      className={view.battler ? 'tcg-table tcg-table-battler' : 'tcg-table'}
      data-testid="tcg-table"
      ref={tableRef}
      onFocus={(event) => {
        lastFocused.current = event.target;
      }}
      onKeyDown={(event) => {
        // An open zoom takes the first Escape (it closes), the choice the next.
        if (event.key !== 'Escape' || !targeting || zoom.state.target !== null) return;
        event.preventDefault();
        cancelTargeting();
      }}
    >
      <section
        className="tcg-side tcg-top"
        aria-label={`${name(top)}'s side`}
        data-active={view.status === 'playing' && view.active === top}
      >
        <div className="tcg-player-row">
          {hero(top)}
          {bubbles?.get(top)}
          {Array.isArray(theirHand) ? (
            // A replay seen by everyone shows the other hand too.
            <div className="tcg-hand tcg-hand-shown" data-anchor={tcgAnchor.hand(top)}>
              {theirHand.map((h) => (
                <div key={h} {...objectProps(h)}>
                  {face(h)}
                </div>
              ))}
            </div>
          ) : (
            <HiddenHand count={theirHand ?? 0} seat={top} who="them" />
          )}
          <TcgPiles view={view} seat={top} who="them" art={art} />
        </div>
        {board(top)}
      </section>

      <section className="tcg-middle">
        <div className="tcg-stack" data-testid="tcg-stack" data-anchor={tcgAnchor.stack}>
          {view.stack.length ? <h3>Stack</h3> : null}
          {[...view.stack].reverse().map((item) =>
            item.kind === 'card' ? (
              <div key={item.id} {...objectProps(item.card)} data-testid="tcg-stack-item">
                <CardFaceView
                  face={view.faces[view.cards[item.card]!.defId]!}
                  glossary={glossary}
                  image={art[view.cards[item.card]!.defId]}
                />
                <span>
                  by {name(item.controller)}
                  {Object.values(item.targets).flat().length
                    ? ` → ${Object.values(item.targets)
                        .flat()
                        .map((t) =>
                          t.startsWith('hero:')
                            ? name(Number(t.slice(5)))
                            : (view.faces[view.cards[t]?.defId ?? '']?.name ?? 'a card'),
                        )
                        .join(', ')}`
                    : ''}
                </span>
              </div>
            ) : (
              <div key={item.id} className="tcg-stack-attack" data-testid="tcg-stack-item">
                Attack: {view.faces[view.cards[item.attacker]?.defId ?? '']?.name ?? 'a unit'} →{' '}
                {item.target.startsWith('hero:')
                  ? name(Number(item.target.slice(5)))
                  : (view.faces[view.cards[item.target]?.defId ?? '']?.name ?? 'a unit')}
              </div>
            ),
          )}
        </div>
        <StadiumZone view={view} art={art} glossary={glossary} />
        <CoinFlip event={shown?.event} stepId={shown?.id} name={name} />
        {/* Once the game is over its panel shows the result: the caption says it to screen
            readers only (the panel is not a live region), not a second time on screen. */}
        <p
          className={view.outcome ? 'tcg-caption visually-hidden' : 'tcg-caption'}
          data-testid="tcg-caption"
          aria-live="polite"
        >
          {caption}
        </p>
        {/* A turn of several main phases (plays, then combat, say) shows where it is. */}
        {phases ? (
          <ol className="tcg-phases" aria-label="Phases of this turn" data-testid="tcg-phases">
            {phases.steps.map((step) => (
              <li
                key={step.id}
                aria-current={step.current ? 'step' : undefined}
                data-testid="tcg-phase"
              >
                <span>{step.name}</span>
              </li>
            ))}
          </ol>
        ) : null}
        <div className="tcg-prompt" data-testid="tcg-prompt">
          {decision ? (
            <>
              <span data-testid="tcg-decision">{decision.text}</span>
              {decision.labels
                ? decision.labels.map((label, i) => (
                    <button
                      key={label}
                      onClick={() =>
                        act({
                          type: 'answer',
                          payload: { decision: decision.id, picks: [String(i)] },
                        })
                      }
                    >
                      {label}
                    </button>
                  ))
                : null}
              {decision.kind === 'confirm' ? (
                <>
                  <button
                    onClick={() =>
                      act({ type: 'answer', payload: { decision: decision.id, picks: ['yes'] } })
                    }
                  >
                    Yes
                  </button>
                  <button
                    onClick={() =>
                      act({ type: 'answer', payload: { decision: decision.id, picks: ['no'] } })
                    }
                  >
                    No
                  </button>
                </>
              ) : null}
              {decision.max > 1 || decision.min === 0 ? (
                <button
                  data-testid="tcg-confirm-picks"
                  onClick={() =>
                    act({
                      type: 'answer',
                      payload: {
                        decision: decision.id,
                        picks: selection.kind === 'picks' ? selection.picks : [],
                      },
                    })
                  }
                >
                  Confirm
                </button>
              ) : null}
            </>
          ) : null}
          {controls.mulligan ? (
            <>
              {/* Before "Pick cards" the sentence must end on its own: buttons follow, not words. */}
              <span data-testid="tcg-mulligan-prompt">
                {selection.kind === 'mulligan'
                  ? 'Choose the cards to replace, then'
                  : 'Your opening hand: keep it, or pick cards to replace.'}
              </span>
              <button
                data-testid="tcg-mulligan"
                onClick={() =>
                  act({
                    type: 'mulligan',
                    payload: { replace: selection.kind === 'mulligan' ? selection.replace : [] },
                  })
                }
              >
                {selection.kind === 'mulligan' && selection.replace.length
                  ? `Replace ${selection.replace.length}`
                  : 'Keep hand'}
              </button>
              {selection.kind !== 'mulligan' ? (
                <button onClick={() => setSelection({ kind: 'mulligan', replace: [] })}>
                  Pick cards
                </button>
              ) : null}
            </>
          ) : null}
          {controls.canPass ? (
            <>
              <span data-testid="tcg-priority">
                {view.stack.length ? 'Respond with an instant, or pass' : 'Pass?'}
              </span>
              <button data-testid="tcg-pass" onClick={() => act({ type: 'pass', payload: {} })}>
                Pass
              </button>
            </>
          ) : null}
          {selection.kind === 'play' ? (
            <span data-testid="tcg-targeting" id={targetingId}>
              {targetingText(selection.card)}
            </span>
          ) : null}
          {selection.kind === 'attack' ? (
            <span data-testid="tcg-targeting" id={targetingId}>
              Choose what to attack
            </span>
          ) : null}
          {selection.kind === 'play' || selection.kind === 'attack' ? (
            <button data-testid="tcg-cancel" aria-keyshortcuts="Escape" onClick={cancelTargeting}>
              Cancel
            </button>
          ) : null}
          {view.pending && !decision && view.status === 'playing' ? (
            <span data-testid="tcg-waiting">{name(view.pending.player)} is deciding…</span>
          ) : null}
          {controls.canNextPhase ? (
            <button
              data-testid="tcg-next-phase"
              onClick={() => act({ type: 'nextPhase', payload: {} })}
            >
              {nextPhaseLabel(phases)}
            </button>
          ) : null}
          {controls.activations.map((activation) => (
            <button
              key={`${activation.card}/${activation.ability}`}
              data-testid="tcg-activate"
              data-card={activation.card}
              data-ability={activation.ability}
              onClick={() =>
                Object.keys(activation.targets).length === 0
                  ? act(activation.actions[0]!)
                  : setSelection({ kind: 'play', card: activation, chosen: {} })
              }
            >
              {activationLabel(view, activation)}
            </button>
          ))}
          <BattlerControlsPanel view={view} me={me} controls={controls} onAct={act} />
          {controls.canEndTurn ? (
            <button
              data-testid="tcg-end-turn"
              onClick={() => act({ type: 'endTurn', payload: {} })}
            >
              End turn
            </button>
          ) : null}
        </div>
      </section>

      <section
        className="tcg-side tcg-bottom"
        aria-label={me === null ? `${name(bottom)}'s side` : 'Your side'}
        data-active={view.status === 'playing' && view.active === bottom}
      >
        {board(bottom)}
        <div className="tcg-player-row">
          {hero(bottom)}
          {bubbles?.get(bottom)}
          {/* Watched, the bottom hand lies in its row as the top one does (under it, an empty
              hand's space sat below backs pushed to the left edge). */}
          {Array.isArray(hand) ? null : <HiddenHand count={hand ?? 0} seat={bottom} who="bottom" />}
          <TcgPiles view={view} seat={bottom} who="me" art={art} />
        </div>
        {Array.isArray(hand) ? (
          <div className="tcg-hand" data-testid="tcg-hand" data-anchor={tcgAnchor.hand(bottom)}>
            {hand.map((h) => (
              <div
                key={h}
                {...objectProps(h)}
                data-playable={controls.playable.some((p) => p.card === h)}
                data-kind={view.faces[view.cards[h]!.defId]!.kind}
                data-type={view.faces[view.cards[h]!.defId]!.type}
                data-speed={view.faces[view.cards[h]!.defId]!.speed}
                data-cost={view.faces[view.cards[h]!.defId]!.cost}
              >
                {face(h)}
              </div>
            ))}
          </div>
        ) : null}
      </section>
      {zoomed ? (
        <ZoomedCard
          face={view.faces[zoomed.defId]!}
          stats={zoomed.stats}
          image={art[zoomed.defId]}
          glossary={glossary}
          side={zoomSideOf(zoomed.handle)}
          pinned={zoom.state.pinned}
          onClose={zoom.close}
        />
      ) : null}
      {shown?.moving && shown.plan.flights.length ? (
        <FlightLayer
          id={shown.id}
          flights={shown.plan.flights}
          durationMs={flightMs}
          path={(flight) => flight}
          render={(flight) => {
            const face = flight.defId ? view.faces[flight.defId] : undefined;
            return face ? (
              <CardFaceView face={face} glossary={glossary} image={art[face.id]} />
            ) : (
              <span className="tcg-card-back" />
            );
          }}
        />
      ) : null}
    </div>
  );
}

/** The zoomed card sits on the half of the screen away from the card it shows. */
function zoomSideOf(handle: string): 'left' | 'right' {
  const element = document.querySelector(`[data-anchor="${CSS.escape(handle)}"]`);
  const rect = element?.getBoundingClientRect();
  return rect ? zoomSide(rect.left + rect.width / 2, window.innerWidth) : 'right';
}

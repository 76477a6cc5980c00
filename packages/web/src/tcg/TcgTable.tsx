import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Seat } from '@cardtable/engine';
import {
  askSentence,
  effectPhrase,
  playWith,
  tcgControls,
  type PlayableCard,
  type TcgAction,
  type TcgEvent,
  type TcgView,
} from '@cardtable/tcg/ui';
import { CardFaceView } from './CardFaceView.tsx';
import { describeStep } from './step-caption.ts';

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
  step: { event: TcgEvent; n: number } | null;
  name(seat: Seat): string;
  onAct(action: TcgAction): void;
  /** Image URLs of the cards that have one, by card id (the others get a generated face). */
  art?: Readonly<Record<string, string>>;
}

/**
 * The TCG table: the opponent's hero and board at the top, the stack and prompts in the middle,
 * the player's board, hero and hand below. Click a card to play it, then its target; click a
 * unit to attack, then what it attacks; click the choices of a decision.
 */
export function TcgTable({ view, me, legal, step, name, onAct, art = {} }: TcgTableProps) {
  const controls = useMemo(() => tcgControls(view, legal), [view, legal]);
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const bottom = me ?? 0;
  const top = bottom === 0 ? 1 : 0;
  const shown = step
    ? describeStep(step.event, view, name)
    : { caption: '', marks: {} as Record<string, string> };
  const act = (action: TcgAction) => {
    setSelection({ kind: 'none' });
    onAct(action);
  };
  const decision = controls.decision;
  const keywordName = (k: string) => view.glossary.keywords[k]?.name ?? k;
  // "Firebolt: choose a target to deal 3 damage to an enemy unit or hero".
  const targetingText = (handle: string) => {
    const face = view.faces[view.cards[handle]?.defId ?? ''];
    return askSentence(
      face?.name ?? null,
      'choose a target',
      face ? effectPhrase(face.text) : null,
    );
  };

  // What a click on an object may mean now, most specific first.
  const pendingBinding =
    selection.kind === 'play'
      ? Object.keys(selection.card.targets).find((b) => !selection.chosen[b])
      : undefined;
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

  const objectProps = (id: string) => ({
    'data-id': id,
    className: [
      'tcg-object',
      clickable(id) ? 'tcg-clickable' : '',
      selected(id) ? 'tcg-selected' : '',
    ].join(' '),
    onClick: clickable(id) ? () => click(id) : undefined,
    // What can be clicked can be reached and pressed from the keyboard too.
    role: clickable(id) ? 'button' : undefined,
    tabIndex: clickable(id) ? 0 : undefined,
    'aria-pressed': clickable(id) ? selected(id) : undefined,
    onKeyDown: clickable(id)
      ? (event: KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          click(id);
        }
      : undefined,
  });
  const mark = (id: string) =>
    shown.marks[id] ? (
      <span key={step?.n} className="tcg-mark" data-testid="tcg-mark">
        {shown.marks[id]}
      </span>
    ) : null;

  const hero = (seat: Seat) => {
    const player = view.players[seat]!;
    const id = `hero:${seat}`;
    const count = (zone: string) => {
      const entry = player.zones[zone];
      return Array.isArray(entry) ? entry.length : (entry ?? 0);
    };
    return (
      <div
        {...objectProps(id)}
        data-testid={`tcg-hero-${seat === bottom ? 'me' : 'them'}`}
        data-mana={player.resource.current}
      >
        <strong>{name(seat)}</strong>
        <span className="tcg-life" data-testid={`tcg-life-${seat === bottom ? 'me' : 'them'}`}>
          {Math.max(0, player.life)} life
        </span>
        <span className="tcg-mana">
          {player.resource.current}/{player.resource.max} {view.glossary.resource}
        </span>
        <span className="tcg-counts">
          hand {count('hand')} · deck {count('deck')} · discard {count('discard')}
        </span>
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
    const handles = view.players[seat]!.zones.board;
    return (
      <div className="tcg-board" data-testid={`tcg-board-${seat === bottom ? 'me' : 'them'}`}>
        {(Array.isArray(handles) ? handles : []).map((h) => {
          const card = view.cards[h]!;
          return (
            <div key={h} {...objectProps(h)} data-exhausted={card.attacks > 0}>
              <CardFaceView
                face={view.faces[card.defId]!}
                stats={card.stats}
                keywordName={keywordName}
                image={art[card.defId]}
              />
              {mark(h)}
            </div>
          );
        })}
      </div>
    );
  };

  const hand = view.players[bottom]!.zones.hand;
  return (
    <div className="tcg-table" data-testid="tcg-table">
      <section className="tcg-side tcg-top">
        {hero(top)}
        {board(top)}
      </section>

      <section className="tcg-middle">
        <div className="tcg-stack" data-testid="tcg-stack">
          {view.stack.length ? <h3>Stack</h3> : null}
          {[...view.stack].reverse().map((item) =>
            item.kind === 'card' ? (
              <div key={item.id} {...objectProps(item.card)} data-testid="tcg-stack-item">
                <CardFaceView
                  face={view.faces[view.cards[item.card]!.defId]!}
                  keywordName={keywordName}
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
        <p className="tcg-caption" data-testid="tcg-caption" aria-live="polite">
          {shown.caption}
        </p>
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
              <span>Choose the cards to replace, then</span>
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
            <span data-testid="tcg-targeting">{targetingText(selection.card.card)}</span>
          ) : null}
          {selection.kind === 'attack' ? (
            <span data-testid="tcg-targeting">Choose what to attack</span>
          ) : null}
          {selection.kind === 'play' || selection.kind === 'attack' ? (
            <button onClick={() => setSelection({ kind: 'none' })}>Cancel</button>
          ) : null}
          {view.pending && !decision && view.status === 'playing' ? (
            <span data-testid="tcg-waiting">{name(view.pending.player)} is deciding…</span>
          ) : null}
          {controls.canNextPhase ? (
            <button onClick={() => act({ type: 'nextPhase', payload: {} })}>Next phase</button>
          ) : null}
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

      <section className="tcg-side tcg-bottom">
        {board(bottom)}
        {hero(bottom)}
        <div className="tcg-hand" data-testid="tcg-hand">
          {(Array.isArray(hand) ? hand : []).map((h) => (
            <div
              key={h}
              {...objectProps(h)}
              data-playable={controls.playable.some((p) => p.card === h)}
              data-kind={view.faces[view.cards[h]!.defId]!.kind}
              data-speed={view.faces[view.cards[h]!.defId]!.speed}
              data-cost={view.faces[view.cards[h]!.defId]!.cost}
            >
              <CardFaceView
                face={view.faces[view.cards[h]!.defId]!}
                keywordName={keywordName}
                image={art[view.cards[h]!.defId]}
              />
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}

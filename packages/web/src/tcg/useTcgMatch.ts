import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Seat } from '@cardtable/engine';
import {
  abilityNames,
  logLine,
  type TcgAction,
  type TcgEvent,
  type TcgView,
} from '@cardtable/tcg/ui';
import { prefersReducedMotion } from '../animation/motion.ts';
import { seatName } from '../game/names.ts';
import { useMatchSession, type SessionFacts } from '../live/useMatchSession.ts';
import { settings, timingFor } from '../settings/settings.ts';
import { playBeat } from '../sound/sfx.ts';
import { TcgDirector, type TcgStage } from './animation/director.ts';

/** The most lines the game log keeps (the replay has the whole match). */
const LOG_LINES = 200;

export interface TcgMatch extends SessionFacts {
  view: TcgView | null;
  /** The step on screen, as the director plays it (flights, marks, caption). */
  shown: TcgStage['shown'];
  caption: string;
  busy: boolean;
  /** What happened since this page connected, in words, oldest first. */
  log: { n: number; text: string }[];
  legal: TcgAction[];
  turnEndsAt: string | null;
  name(seat: Seat): string;
  act(action: TcgAction): void;
}

/**
 * A live TCG match over the SDK connection: each step is played by the director (cards fly,
 * attackers lunge, marks rise) and only then acknowledged, so the server paces the stream; a
 * step the server does not pace still goes through the director, in order. Each step also adds
 * its sentence to the game log. Actions carry the version of the LEGAL list they were chosen
 * from.
 */
export function useTcgMatch(matchId: string): TcgMatch {
  // The director outlives renders; names and the seat change as seats fill.
  const nameRef = useRef((seat: Seat) => seatName([], seat));
  const seatRef = useRef<Seat | null>(null);
  const [director] = useState(
    () =>
      new TcgDirector({
        timing: () => timingFor(settings.getSnapshot().speed, prefersReducedMotion()),
        name: (seat) => nameRef.current(seat),
        me: () => seatRef.current,
        onBeat: playBeat,
      }),
  );
  const stage = useSyncExternalStore(director.subscribe, director.getSnapshot);
  const [log, setLog] = useState<TcgMatch['log']>([]);
  // Card names seen so far: a card that left the viewer's sight is still named in the log.
  const cardNames = useRef(new Map<string, string>());
  const remember = (next: TcgView) => {
    for (const face of Object.values(next.faces)) cardNames.current.set(face.id, face.name);
  };
  const session = useMatchSession<TcgView, TcgAction>(matchId, {
    onWelcome: (welcome) => {
      remember(welcome.view as TcgView);
      director.reset(welcome.view as TcgView, welcome);
    },
    showStep: async ({ event, view: next }) => {
      const shown = next as TcgView;
      const step = { type: event.type, data: event.data } as TcgEvent;
      remember(shown);
      const text = logLine(step, {
        me: seatRef.current,
        seat: (seat) => nameRef.current(seat),
        life: shown.glossary.life,
        card: (defId) => (defId && cardNames.current.get(defId)) || 'a card',
        object: (id) => {
          const card = shown.cards[id];
          return (card && cardNames.current.get(card.defId)) || 'a card';
        },
        ability: abilityNames(shown),
      });
      if (text)
        setLog((lines) =>
          [...lines, { n: event.version * 1000 + event.step, text }].slice(-LOG_LINES),
        );
      await director.play(step, event, shown);
    },
  });
  const { role, legal, pending, seats } = session;
  useLayoutEffect(() => {
    nameRef.current = (seat) => seatName(seats, seat);
    seatRef.current = role === 'player' ? session.seat : null;
  }, [seats, role, session.seat]);
  const { view, busy, version: shownVersion } = stage;

  const ready =
    role === 'player' && !pending && !busy && legal !== null && legal.version <= shownVersion;
  return {
    view,
    shown: stage.shown,
    caption: stage.caption,
    busy,
    connection: session.connection,
    closed: session.closed,
    seat: session.seat,
    role,
    status: session.status,
    seats,
    result: session.result,
    rematchId: session.rematchId,
    log,
    legal: ready ? (legal.legal as TcgAction[]) : [],
    turnEndsAt: legal?.turnEndsAt ?? null,
    actionError: session.actionError,
    name: (s) => seatName(seats, s),
    act: session.act,
  };
}

import { useLayoutEffect, useRef, useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type {
  Outcome,
  ActionError,
  CloseReason,
  ConnectionState,
  MatchStatus,
  PublicSeat,
  Role,
} from '@cardtable/sdk';
import { logLine, type TcgAction, type TcgEvent, type TcgView } from '@cardtable/tcg/ui';
import { prefersReducedMotion } from '../animation/motion.ts';
import { seatName } from '../game/names.ts';
import { useMatchSession } from '../live/useMatchSession.ts';

/** How long each animated step stays on screen before it is acknowledged. */
const STEP_MS = 420;
/** The most lines the game log keeps (the replay has the whole match). */
const LOG_LINES = 200;

export interface TcgMatch {
  view: TcgView | null;
  /** The step being shown (for its animation), with a counter so equal steps replay. */
  step: { event: TcgEvent; n: number } | null;
  busy: boolean;
  connection: ConnectionState;
  closed: CloseReason | null;
  seat: Seat | null;
  role: Role | null;
  status: MatchStatus | null;
  seats: PublicSeat[];
  result: Outcome | null;
  rematchId: string | null;
  /** What happened since this page connected, in words, oldest first. */
  log: { n: number; text: string }[];
  legal: TcgAction[];
  turnEndsAt: string | null;
  actionError: ActionError | null;
  name(seat: Seat): string;
  act(action: TcgAction): void;
}

/**
 * A live TCG match over the SDK connection: the view follows each step (animated steps wait a
 * moment, then are acknowledged so the server paces the stream), and actions carry the
 * version of the LEGAL list they were chosen from.
 */
export function useTcgMatch(matchId: string): TcgMatch {
  const [view, setView] = useState<TcgView | null>(null);
  const [step, setStep] = useState<TcgMatch['step']>(null);
  const [busy, setBusy] = useState(false);
  const [shownVersion, setShownVersion] = useState(0);
  const counter = useRef(0);
  const [log, setLog] = useState<TcgMatch['log']>([]);
  // Card names seen so far: a card that left the viewer's sight is still named in the log.
  const cardNames = useRef(new Map<string, string>());
  const names = useRef({ me: null as Seat | null, seat: (s: Seat) => seatName([], s) });
  const remember = (next: TcgView) => {
    for (const face of Object.values(next.faces)) cardNames.current.set(face.id, face.name);
  };
  const session = useMatchSession<TcgView, TcgAction>(matchId, {
    onWelcome: (welcome) => {
      remember(welcome.view as TcgView);
      setView(welcome.view as TcgView);
      setShownVersion(welcome.version);
    },
    showStep: async ({ event, view: next }) => {
      const shown = next as TcgView;
      remember(shown);
      const text = logLine({ type: event.type, data: event.data } as TcgEvent, {
        ...names.current,
        card: (defId) => (defId && cardNames.current.get(defId)) || 'a card',
        object: (id) => {
          const card = shown.cards[id];
          return (card && cardNames.current.get(card.defId)) || 'a card';
        },
      });
      if (text)
        setLog((lines) =>
          [...lines, { n: event.version * 1000 + event.step, text }].slice(-LOG_LINES),
        );
      setView(shown);
      setShownVersion(event.version);
      if (!event.requiresAck) return;
      setStep({ event: { type: event.type, data: event.data } as TcgEvent, n: ++counter.current });
      setBusy(true);
      await new Promise((resolve) => setTimeout(resolve, prefersReducedMotion() ? 0 : STEP_MS));
      setBusy(false);
    },
  });
  const { role, legal, pending, seats } = session;
  useLayoutEffect(() => {
    names.current = { me: session.seat, seat: (s: Seat) => seatName(seats, s) };
  }, [session.seat, seats]);

  const ready =
    role === 'player' && !pending && !busy && legal !== null && legal.version <= shownVersion;
  return {
    view,
    step,
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

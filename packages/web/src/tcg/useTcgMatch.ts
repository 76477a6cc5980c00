import { useRef, useState } from 'react';
import type { Seat } from '@cardtable/engine';
import type {
  ActionError,
  CloseReason,
  ConnectionState,
  MatchStatus,
  PublicSeat,
  Role,
} from '@cardtable/sdk';
import type { TcgAction, TcgEvent, TcgView } from '@cardtable/tcg/ui';
import { prefersReducedMotion } from '../animation/motion.ts';
import { seatName } from '../game/names.ts';
import { useMatchSession } from '../live/useMatchSession.ts';

/** How long each animated step stays on screen before it is acknowledged. */
const STEP_MS = 420;

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
  const session = useMatchSession<TcgView, TcgAction>(matchId, {
    onWelcome: (welcome) => {
      setView(welcome.view as TcgView);
      setShownVersion(welcome.version);
    },
    showStep: async ({ event, view: next }) => {
      setView(next as TcgView);
      setShownVersion(event.version);
      if (!event.requiresAck) return;
      setStep({ event: { type: event.type, data: event.data } as TcgEvent, n: ++counter.current });
      setBusy(true);
      await new Promise((resolve) => setTimeout(resolve, prefersReducedMotion() ? 0 : STEP_MS));
      setBusy(false);
    },
  });
  const { role, legal, pending, seats } = session;

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
    legal: ready ? (legal.legal as TcgAction[]) : [],
    turnEndsAt: legal?.turnEndsAt ?? null,
    actionError: session.actionError,
    name: (s) => seatName(seats, s),
    act: session.act,
  };
}

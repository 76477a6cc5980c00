import { useCallback, useEffect, useRef, useState } from 'react';
import type { GameAction, Seat } from '@cardtable/engine';
import type {
  ActionError,
  CloseReason,
  ConnectionState,
  LegalUpdate,
  MatchConnection,
  MatchStatus,
  Outcome,
  PublicSeat,
  ReceivedStep,
  Role,
  WelcomeMessage,
} from '@cardtable/sdk';
import { client, ensureSignedIn } from '../net/session.ts';
import { refusalForPlayer } from './action-refusal.ts';

/** What a game's table does with the stream: reset on a fresh WELCOME, show each step. */
export interface StepHandlers<V> {
  onWelcome(welcome: WelcomeMessage): void;
  /** Resolves when the step has been shown; the step is acknowledged then. */
  showStep(step: ReceivedStep<V>): Promise<void>;
}

export interface MatchSession<A extends GameAction> {
  connection: ConnectionState;
  closed: CloseReason | null;
  seat: Seat | null;
  role: Role | null;
  status: MatchStatus | null;
  seats: PublicSeat[];
  result: Outcome | null;
  /** The rematch every player agreed to (the table moves there). */
  rematchId: string | null;
  legal: LegalUpdate | null;
  /**
   * An action is on its way and has no ACTION_RESULT yet, or it was accepted and the LEGAL that
   * follows it has not arrived: the LEGAL in hand is older and may offer what it used up.
   */
  pending: boolean;
  /** The last refusal of an action, for the reader. */
  actionError: ActionError | null;
  /** Server time minus this browser's (from PONG), to read the server's clocks. */
  serverOffsetMs: number;
  act(action: A): void;
}

/** What every game's table shows of its session: connection, seats, status, result, refusals. */
export type SessionFacts = Pick<
  MatchSession<GameAction>,
  | 'connection'
  | 'closed'
  | 'seat'
  | 'role'
  | 'status'
  | 'seats'
  | 'result'
  | 'rematchId'
  | 'actionError'
>;

/**
 * The part of a live match every game shares: signing in, the SDK connection (reconnect,
 * resume), seats and status, the latest LEGAL, and actions carrying the version they were
 * chosen from. Each step is handed to the game's table and acknowledged once it was shown.
 */
export function useMatchSession<V, A extends GameAction>(
  matchId: string,
  handlers: StepHandlers<V>,
): MatchSession<A> {
  // The connection outlives renders; it reaches the latest handlers through a ref.
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const [conn, setConn] = useState<MatchConnection<V> | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [closed, setClosed] = useState<CloseReason | null>(null);
  const [seat, setSeat] = useState<Seat | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<MatchStatus | null>(null);
  const [seats, setSeats] = useState<PublicSeat[]>([]);
  const [result, setResult] = useState<Outcome | null>(null);
  const [rematchId, setRematchId] = useState<string | null>(null);
  const [legal, setLegal] = useState<LegalUpdate | null>(null);
  const [sending, setSending] = useState(false);
  /** The version this seat's last accepted action made (0: none yet). */
  const [actedAt, setActedAt] = useState(0);
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const [serverOffsetMs, setServerOffsetMs] = useState(0);

  useEffect(() => {
    let stopped = false;
    let current: MatchConnection<V> | null = null;
    const unsubscribe: (() => void)[] = [];
    // A rematch moves this page to another match: nothing of the last one carries over.
    setClosed(null);
    setSeat(null);
    setRole(null);
    setStatus(null);
    setSeats([]);
    setResult(null);
    setRematchId(null);
    setLegal(null);
    setSending(false);
    setActedAt(0);
    setActionError(null);
    void (async () => {
      const signedIn = await ensureSignedIn();
      if (stopped) return;
      if (!signedIn.ok) {
        setClosed({ code: 'UNAUTHORIZED', message: signedIn.error.message });
        setConnection('closed');
        return;
      }
      const live = client.connect<V>(matchId);
      current = live;
      setConn(live);
      // Listeners go before the connection is closed on leaving (below), so closing it on
      // purpose never shows this page "The client closed the connection".
      const on: MatchConnection<V>['on'] = (type, listener) => {
        const off = live.on(type, listener);
        unsubscribe.push(off);
        return off;
      };
      on('state', setConnection);
      on('closed', setClosed);
      on('welcome', ({ welcome, resumed }) => {
        setSeat(welcome.seat);
        setRole(welcome.role);
        setSeats(welcome.seats);
        setStatus(welcome.status);
        setResult(welcome.result);
        if (!resumed) handlersRef.current.onWelcome(welcome);
      });
      on('status', (message) => {
        setSeats(message.seats);
        setStatus(message.status);
        setResult(message.result);
        if (message.rematchId) setRematchId(message.rematchId);
      });
      on('message', (message) => {
        if (message.type === 'PONG') setServerOffsetMs(message.serverTime - Date.now());
      });
      on('legal', (update) => {
        setLegal(update);
        setStatus(update.status);
      });
      for (let delivery = await live.nextStep(); delivery; delivery = await live.nextStep()) {
        await handlersRef.current.showStep(delivery.step);
        delivery.ack();
      }
    })();
    return () => {
      stopped = true;
      for (const off of unsubscribe) off();
      current?.close();
    };
  }, [matchId]);

  const act = useCallback(
    (action: A) => {
      if (!conn) return;
      setSending(true);
      setActionError(null);
      void conn.act(action, legal ? { knownVersion: legal.version } : {}).then((outcome) => {
        setSending(false);
        if (outcome.ok) setActedAt(outcome.version);
        if (!outcome.ok && outcome.error.code !== 'CONNECTION_CLOSED') {
          setActionError(refusalForPlayer(outcome.error));
        }
      });
    },
    [conn, legal],
  );

  return {
    connection,
    closed,
    seat,
    role,
    status,
    seats,
    result,
    rematchId,
    legal,
    pending: sending || (legal !== null && legal.version < actedAt),
    actionError,
    serverOffsetMs,
    act,
  };
}

import { useEffect, useRef, useState } from 'react';
import { EMOTE_NAMES, EMOTES, type Emote } from '@cardtable/sdk';
import type { ChatState } from './useChatRoom.ts';

/** How long an emote stays at its seat. */
const BUBBLE_MS = 4000;

/** A small picture per emote, drawn here (no emoji font needed). */
const GLYPHS: Record<Emote, string> = {
  hello: 'M6 14c0-4 2-8 6-8s6 4 6 8M9 10v-4M12 9v-5M15 10v-4',
  gg: 'M5 12l4 4 10-10',
  nice: 'M12 3l2.6 5.6 6 .6-4.5 4 1.3 6-5.4-3.1-5.4 3.1 1.3-6-4.5-4 6-.6z',
  oops: 'M12 4v10M12 18v2',
  thinking: 'M9 9a3 3 0 1 1 4 2.8c-1 .5-1 1.2-1 2.2M12 18v1',
  thanks: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
};

function EmoteGlyph({ emote }: { emote: Emote }) {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="emote-glyph">
      <path
        d={GLYPHS[emote]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The quick emotes, as buttons (Tab and Enter reach them); players only. */
export function EmoteBar({ chat }: { chat: ChatState }) {
  const [error, setError] = useState<string | null>(null);
  if (!chat.welcome?.emotes) return null;
  const send = async (emote: Emote) => {
    const outcome = await chat.room?.emote(emote);
    setError(outcome && !outcome.ok ? outcome.error.message : null);
  };
  return (
    <div className="emote-bar" role="group" aria-label="Quick emotes" data-testid="emote-bar">
      {EMOTE_NAMES.map((emote) => (
        <button
          key={emote}
          type="button"
          data-testid={`emote-${emote}`}
          onClick={() => void send(emote)}
        >
          <EmoteGlyph emote={emote} /> {EMOTES[emote]}
        </button>
      ))}
      {error ? (
        <span className="notice notice-error" role="alert" data-testid="emote-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Each seat's last emote while it shows (a few seconds), for the seats to draw as bubbles. */
export function useSeatEmotes(chat: ChatState): ReadonlyMap<number, Emote> {
  const [shown, setShown] = useState<ReadonlyMap<number, Emote>>(new Map());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const last = chat.lastEmote;
  useEffect(() => {
    const seat = last?.seat;
    if (!last || seat === null || seat === undefined) return;
    setShown((current) => new Map(current).set(seat, last.emote));
    clearTimeout(timers.current.get(seat));
    timers.current.set(
      seat,
      setTimeout(() => {
        timers.current.delete(seat);
        setShown((current) => {
          const next = new Map(current);
          next.delete(seat);
          return next;
        });
      }, BUBBLE_MS),
    );
  }, [last]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);
  return shown;
}

/** An emote as a speech bubble at its sender's seat (announced to screen readers). */
export function EmoteBubble({ emote, name }: { emote: Emote; name: string }) {
  return (
    <span className="emote-bubble" role="status" data-testid="emote-bubble">
      <EmoteGlyph emote={emote} />
      <span className="visually-hidden">{name} says </span>
      {EMOTES[emote]}
    </span>
  );
}

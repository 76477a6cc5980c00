import { useEffect, useRef, useState } from 'react';
import type {
  ChatEmote,
  ChatMessage,
  ChatOutcome,
  ChatRoom,
  ChatRoomState,
  ChatWelcome,
} from '@cardtable/sdk';
import { client } from '../net/session.ts';
import { readJson, writeJson } from '../net/storage.ts';
import { settings } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';

/** Whom a guest muted: kept by this browser (an account's list is kept by the server). */
const GUEST_MUTES_KEY = 'cardtable.chat.muted';

export interface ChatState {
  room: ChatRoom | null;
  state: ChatRoomState;
  /** Why the server refused the room (its last CHAT_ERROR), shown while `state` is refused. */
  refusal: string | null;
  welcome: ChatWelcome | null;
  messages: readonly ChatMessage[];
  muted: ReadonlySet<string>;
  /** The last emote of each seat, until it fades (see `useSeatEmotes`). */
  lastEmote: ChatEmote | null;
  /** Mutes or unmutes a user; a guest's choice is also remembered here. */
  setMuted(userId: string, muted: boolean): Promise<ChatOutcome>;
}

const guestMutes = (): string[] => readJson<string[]>(GUEST_MUTES_KEY) ?? [];

/**
 * One chat room for as long as the component lives: its messages, mutes and emotes. The word
 * filter follows the player's setting; a guest's mutes are sent again on every connect.
 */
export function useChatRoom(roomName: string): ChatState {
  const [room, setRoom] = useState<ChatRoom | null>(null);
  const [state, setState] = useState<ChatRoomState>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [welcome, setWelcome] = useState<ChatWelcome | null>(null);
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [muted, setMutedSet] = useState<ReadonlySet<string>>(new Set());
  const [lastEmote, setLastEmote] = useState<ChatEmote | null>(null);
  const { chatFilter } = useSettings();

  useEffect(() => {
    const opened = client.chat(roomName, { filter: settings.getSnapshot().chatFilter });
    setRoom(opened);
    const guest = () => client.api.session?.user.guest !== false;
    const stops = [
      opened.on('state', setState),
      opened.on('error', (error) => setRefusal(error.message)),
      opened.on('welcome', (message) => {
        setRefusal(null);
        setWelcome(message);
        if (!guest()) return;
        // In batches (MUTE_MANY), not a MUTE each: a long list ran into the frame rate limit.
        const again = guestMutes().filter((userId) => !message.muted.includes(userId));
        if (again.length > 0) void opened.muteMany(again);
      }),
      opened.on('messages', (list) => setMessages(list)),
      opened.on('muted', (set) => setMutedSet(set)),
      opened.on('emote', setLastEmote),
    ];
    return () => {
      for (const stop of stops) stop();
      opened.close();
    };
  }, [roomName]);

  // What the server applies to this connection: the welcome's, then each change sent.
  const filtering = useRef<boolean | null>(null);
  useEffect(() => {
    filtering.current = welcome?.filter ?? null;
  }, [welcome]);
  useEffect(() => {
    if (!room || filtering.current === null || filtering.current === chatFilter) return;
    filtering.current = chatFilter;
    void room.setFilter(chatFilter);
  }, [room, welcome, chatFilter]);

  const setMuted = async (userId: string, mute: boolean): Promise<ChatOutcome> => {
    if (!room) return { ok: false, error: { code: 'NOT_CONNECTED', message: 'Not connected.' } };
    const outcome = mute ? await room.mute(userId) : await room.unmute(userId);
    if (outcome.ok && client.api.session?.user.guest !== false) {
      const others = guestMutes().filter((id) => id !== userId);
      writeJson(GUEST_MUTES_KEY, mute ? [...others, userId] : others);
    }
    return outcome;
  };

  return { room, state, refusal, welcome, messages, muted, lastEmote, setMuted };
}

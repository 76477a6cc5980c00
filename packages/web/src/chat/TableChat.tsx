import type { ReactNode } from 'react';
import { ChatView } from './ChatPanel.tsx';
import { EmoteBar, EmoteBubble, useSeatEmotes } from './Emotes.tsx';
import { useChatRoom, type ChatState } from './useChatRoom.ts';

/**
 * A table's chat: the match room (players' channel; spectators also get their own) and its
 * quick emotes. `children` draws the table, given each seat's emote bubble.
 */
export function TableChat({
  matchId,
  name,
  children,
}: {
  matchId: string;
  name: (seat: number) => string;
  children: (bubbles: ReadonlyMap<number, ReactNode>) => ReactNode;
}) {
  const chat = useChatRoom(`match:${matchId}`);
  const emotes = useSeatEmotes(chat);
  const bubbles = new Map(
    [...emotes].map(([seat, emote]) => [
      seat,
      <EmoteBubble key={seat} emote={emote} name={name(seat)} />,
    ]),
  );
  return (
    <>
      {children(bubbles)}
      <TableChatPanel chat={chat} />
    </>
  );
}

function TableChatPanel({ chat }: { chat: ChatState }) {
  return (
    <div className="table-chat">
      <EmoteBar chat={chat} />
      <ChatView
        chat={chat}
        title={chat.welcome?.role === 'spectator' ? 'Chat (you are watching)' : 'Table chat'}
      />
    </div>
  );
}

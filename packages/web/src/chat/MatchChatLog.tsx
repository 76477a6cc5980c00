import { useEffect, useState } from 'react';
import { ChatApi, type MatchChatLog as ChatLog } from '@cardtable/sdk';
import { client } from '../net/session.ts';
import { useSettings } from '../settings/useSettings.ts';
import './chat.css';

const chatApi = new ChatApi(client.api);

/** A finished match's chat beside its replay, read-only (as private as the replay itself). */
export function MatchChatLog({ matchId, link }: { matchId: string; link?: string }) {
  const { chatFilter } = useSettings();
  const [log, setLog] = useState<ChatLog | null>(null);
  useEffect(() => {
    let current = true;
    void chatApi
      .matchChat(matchId, { filter: chatFilter, ...(link ? { link } : {}) })
      .then((result) => {
        if (current) setLog(result.ok ? result.value : null);
      });
    return () => {
      current = false;
    };
  }, [matchId, link, chatFilter]);
  if (!log || log.messages.length === 0) return null;
  return (
    <details className="panel chat-panel" data-testid="replay-chat">
      <summary>
        <h2>Chat ({log.messages.length})</h2>
      </summary>
      <ol className="chat-log">
        {log.messages.map((message) => (
          <li key={message.id} className={`chat-message chat-${message.channel}`}>
            <span className="chat-name">{message.name}</span>
            {message.channel === 'spectators' ? (
              <span className="seat-tag">spectators</span>
            ) : null}{' '}
            <span className="chat-text">{message.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

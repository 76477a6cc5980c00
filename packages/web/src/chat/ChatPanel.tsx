import { useEffect, useRef, useState, type FormEvent } from 'react';
import './chat.css';
import {
  CHAT_MAX_LENGTH,
  type ChatChannel,
  type ChatMessage,
  type ChatOutcome,
} from '@cardtable/sdk';
import { client } from '../net/session.ts';
import { settings } from '../settings/settings.ts';
import { useSettings } from '../settings/useSettings.ts';
import { useChatRoom, type ChatState } from './useChatRoom.ts';

const CHANNEL_NAMES: Record<ChatChannel, string> = {
  players: 'players',
  spectators: 'spectators',
  lobby: 'everyone here',
};

/**
 * A chat room as a panel, self-contained: `<ChatPanel room="lobby:golf" />` (a game's lobby) or
 * `room="match:<id>"` (a table: its players' channel, and the spectators' for spectators).
 */
export function ChatPanel({ room, title }: { room: string; title?: string }) {
  return <ChatView chat={useChatRoom(room)} title={title} />;
}

/** The panel for a room a page already holds (the table shares it with the emote bar). */
export function ChatView({ chat, title = 'Chat' }: { chat: ChatState; title?: string }) {
  const { welcome, messages, muted, state } = chat;
  const me = client.api.session?.user.id ?? null;
  const { chatFilter } = useSettings();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reporting, setReporting] = useState<string | null>(null);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());
  // The Report button whose form is open: a cancelled report gives the focus back to it.
  const reportButton = useRef<HTMLButtonElement | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Names of people muted from this panel: their messages are gone once muted.
  const names = useRef(new Map<string, string>());
  const logRef = useRef<HTMLOListElement>(null);
  const writable = welcome?.channels.find((channel) => channel.write)?.channel ?? null;
  const readsSeveral = (welcome?.channels.length ?? 0) > 1;

  useEffect(() => {
    for (const message of messages) names.current.set(message.userId, message.name);
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages]);

  const answered = (outcome: ChatOutcome): boolean => {
    setError(outcome.ok ? null : outcome.error.message);
    return outcome.ok;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chat.room || !writable || text.trim() === '') return;
    if (answered(await chat.room.send(writable, text))) setText('');
  };

  const report = async (message: ChatMessage, reason: string) => {
    if (!chat.room) return;
    if (answered(await chat.room.report(message.id, reason))) {
      setReported((done) => new Set([...done, message.id]));
      setReporting(null);
      // The button is gone (the message says "reported" now): back to writing.
      inputRef.current?.focus();
    }
  };

  const cancelReport = () => {
    setReporting(null);
    reportButton.current?.focus();
  };

  const length = [...text].length;
  return (
    <section className="panel chat-panel" data-testid="chat" aria-label={title}>
      <header className="chat-header">
        <h2>{title}</h2>
        <label className="chat-filter">
          <input
            type="checkbox"
            checked={chatFilter}
            data-testid="chat-filter"
            onChange={(event) => settings.update({ chatFilter: event.target.checked })}
          />
          Hide rude words
        </label>
      </header>
      {state === 'refused' ? (
        <p className="notice" data-testid="chat-closed">
          {chat.refusal ?? 'This chat is not open to you.'}
        </p>
      ) : null}
      <ol className="chat-log" role="log" aria-live="polite" ref={logRef} data-testid="chat-log">
        {messages.length === 0 && state !== 'refused' ? (
          <li className="chat-empty">{welcome ? 'No messages yet.' : 'Connecting to the chat…'}</li>
        ) : null}
        {messages.map((message) => (
          <li
            key={message.id}
            className={`chat-message chat-${message.channel}`}
            data-testid="chat-message"
            data-user={message.name}
          >
            <span className="chat-name">{message.name}</span>
            {readsSeveral && message.channel === 'spectators' ? (
              <span className="seat-tag">spectators</span>
            ) : null}{' '}
            <span className="chat-text">{message.text}</span>
            {message.userId !== me ? (
              <span className="chat-actions">
                <button
                  type="button"
                  className="link-button"
                  data-testid="chat-mute"
                  onClick={() => {
                    names.current.set(message.userId, message.name);
                    void chat.setMuted(message.userId, true).then(answered);
                  }}
                >
                  Mute {message.name}
                </button>
                {reported.has(message.id) ? (
                  <span className="seat-tag" role="status" data-testid="chat-reported">
                    reported
                  </span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    data-testid="chat-report"
                    aria-expanded={reporting === message.id}
                    onClick={(event) => {
                      reportButton.current = event.currentTarget;
                      setReporting(reporting === message.id ? null : message.id);
                    }}
                  >
                    Report
                  </button>
                )}
                {reporting === message.id ? (
                  <ReportForm
                    name={message.name}
                    onSend={(reason) => void report(message, reason)}
                    onCancel={cancelReport}
                  />
                ) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="chat-error">
          {error}
        </p>
      ) : null}
      {writable ? (
        <form className="chat-form" onSubmit={(event) => void submit(event)}>
          <label className="visually-hidden" htmlFor={`chat-input-${welcome?.room}`}>
            Message to {CHANNEL_NAMES[writable]}
          </label>
          <input
            ref={inputRef}
            id={`chat-input-${welcome?.room}`}
            value={text}
            placeholder={`Message to ${CHANNEL_NAMES[writable]}`}
            autoComplete="off"
            data-testid="chat-input"
            onChange={(event) => setText(event.target.value)}
            aria-invalid={length > CHAT_MAX_LENGTH}
          />
          <span className={`chat-count${length > CHAT_MAX_LENGTH ? ' chat-over' : ''}`}>
            {length}/{CHAT_MAX_LENGTH}
          </span>
          <button type="submit" data-testid="chat-send" disabled={state !== 'open'}>
            Send
          </button>
        </form>
      ) : null}
      {muted.size > 0 ? (
        <details className="chat-muted" data-testid="chat-muted">
          <summary>Muted ({muted.size})</summary>
          <ul>
            {[...muted].map((userId) => (
              <li key={userId}>
                {names.current.get(userId) ?? 'A player'}{' '}
                <button
                  type="button"
                  className="link-button"
                  data-testid="chat-unmute"
                  onClick={() => void chat.setMuted(userId, false).then(answered)}
                >
                  Unmute
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ReportForm({
  name,
  onSend,
  onCancel,
}: {
  name: string;
  onSend: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  // Opened from the keyboard or not, the reason is what comes next: Enter sends, Escape cancels
  // by hand, as the group is a span in the message's line, not a form of its own.
  return (
    <span className="chat-report-form" role="group" aria-label={`Report ${name}'s message`}>
      <input
        value={reason}
        maxLength={200}
        placeholder="What is wrong (optional)"
        aria-label="Reason"
        data-testid="chat-report-reason"
        autoFocus
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onSend(reason);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <button type="button" data-testid="chat-report-send" onClick={() => onSend(reason)}>
        Send report
      </button>
      <button
        type="button"
        className="link-button"
        data-testid="chat-report-cancel"
        onClick={onCancel}
      >
        Cancel
      </button>
    </span>
  );
}

import { CLOSE_CODES } from '@cardtable/sdk/protocol';

/** Past this much unsent data a peer is not reading: it is dropped (it may reconnect and resume). */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const OPEN = 1;

/** What sending needs of a socket (a `ws` WebSocket). */
export interface SendableSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * Sends `text` on an open socket unless its peer stopped reading, which closes it instead
 * (1013): every reply, status and broadcast goes through here, so nothing a client leaves
 * unread (its own PINGs and refused frames included) grows the server's memory without bound.
 * Returns whether it was sent.
 */
export function sendUnlessStalled(socket: SendableSocket, text: string): boolean {
  if (socket.readyState !== OPEN) return false;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(CLOSE_CODES.notReading, 'Client is not reading');
    return false;
  }
  socket.send(text);
  return true;
}

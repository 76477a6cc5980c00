/**
 * The close codes of the three sockets (match, matchmaking, chat), one definition for the server
 * that sends them and the clients that act on them (docs/protocol.md says what each means).
 */
export const CLOSE_CODES = {
  /** The socket's request was refused as it stands (a bad room or queue); do not retry it. */
  refused: 4400,
  /** No valid access token (or it expired on an open socket): reconnect with a fresh one. */
  unauthorized: 4401,
  /** The session was signed out: sign in again. */
  sessionRevoked: 4403,
  notFound: 4404,
  /** Too many sockets, or opened too fast, from one address or user. */
  tooMany: 4429,
  /** Policy violation: the client kept sending what it may not. */
  flooding: 1008,
  /** The client stopped reading: more than 8 MiB waited to be sent to it. Reconnect (and RESUME). */
  notReading: 1013,
} as const;

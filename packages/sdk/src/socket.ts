/**
 * The slice of the WebSocket API the SDK uses: the browser's WebSocket, Node 22's global one,
 * and the `ws` package all provide it.
 */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketConstructor = new (url: string) => SocketLike;

/** WebSocket.OPEN: the same number in every implementation. */
export const SOCKET_OPEN = 1;

// Kept in a variable so that browser bundlers leave the Node-only fallback out of the bundle.
const NODE_WEBSOCKET_MODULE = 'ws';

/** The global WebSocket where there is one (browsers, Node 22+), else the `ws` package (Node 20). */
export async function resolveWebSocket(): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  const ws = (await import(/* @vite-ignore */ NODE_WEBSOCKET_MODULE)) as {
    default: WebSocketConstructor;
  };
  return ws.default;
}

/** A text frame's contents, whichever type the implementation hands over. */
export function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(data as ArrayBuffer | ArrayBufferView);
  }
  return String(data);
}

/** `http(s)://host/base` to `ws(s)://host/base/ws/matches/{id}?token=...`. */
export function matchSocketUrl(baseUrl: string, matchId: string, token: string): string {
  const url = new URL(baseUrl);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/$/, '')}/ws/matches/${encodeURIComponent(matchId)}`;
  // One FRAME per batch of paced messages; the connection paces its steps itself.
  url.search = new URLSearchParams({ token, frames: 'batch' }).toString();
  return url.toString();
}

import { randomBytes } from 'node:crypto';
import type { Emote } from '@cardtable/sdk/chat';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { StoredMessage } from './chat-store.ts';

/** What one node tells the others, for them to deliver to their own members. */
export type ChatEvent =
  | { kind: 'message'; message: StoredMessage }
  | {
      kind: 'emote';
      room: string;
      userId: string;
      name: string;
      seat: number | null;
      emote: Emote;
      at: string;
    }
  /** A user's mute list changed: their connections on every node update theirs. */
  | { kind: 'muted'; userId: string; muted: string[] }
  /** The host removed a user from a table: their sockets in its room close on every node. */
  | { kind: 'expelled'; room: string; userId: string };

/** Carries chat events between the nodes of one deployment. */
export interface ChatRelay {
  /** Sends to every other node (this node has delivered it already). */
  publish(event: ChatEvent): void;
  /** Events from other nodes. */
  onEvent(handler: (event: ChatEvent) => void): void;
  close(): Promise<void>;
}

/** A single node: nobody else to tell. */
export const singleNode: ChatRelay = {
  publish: () => undefined,
  onEvent: () => undefined,
  close: async () => undefined,
};

const SUBSCRIBE_WAIT_MS = 5000;

/**
 * Redis pub/sub (`REDIS_URL`): every node publishes on one channel and delivers what the others
 * publish. Like pub/sub itself this is at most once: a node cut off from Redis misses live
 * messages meanwhile, and its members find them in the history when they reconnect.
 */
export async function redisRelay(
  publisher: Redis,
  prefix: string,
  log: Logger,
): Promise<ChatRelay> {
  const channel = `${prefix}chat`;
  const node = randomBytes(8).toString('hex');
  // A subscribed connection can do nothing else: the one it listens on is its own.
  const subscriber = publisher.duplicate({ maxRetriesPerRequest: null });
  let warned = false;
  const warn = (error: Error) => {
    if (!warned) log.warn({ err: error }, 'redis unreachable: chat reaches this node only');
    warned = true;
  };
  subscriber.on('error', warn);
  subscriber.on('ready', () => (warned = false));
  const handlers: ((event: ChatEvent) => void)[] = [];
  // Subscribed before the node serves anyone, so its first members miss nothing; a Redis that
  // does not answer soon must not hold the start-up (the subscription completes when it does).
  let waited: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    subscriber.subscribe(channel).catch(warn),
    new Promise((resolve) => (waited = setTimeout(resolve, SUBSCRIBE_WAIT_MS))),
  ]);
  clearTimeout(waited);
  subscriber.on('message', (_channel: string, text: string) => {
    let envelope: { node: string; event: ChatEvent };
    try {
      envelope = JSON.parse(text) as { node: string; event: ChatEvent };
    } catch {
      return;
    }
    if (envelope.node === node) return;
    for (const handler of handlers) handler(envelope.event);
  });
  return {
    publish(event) {
      publisher.publish(channel, JSON.stringify({ node, event })).catch(warn);
    },
    onEvent(handler) {
      handlers.push(handler);
    },
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

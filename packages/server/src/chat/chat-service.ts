import {
  CHAT_MAX_LENGTH,
  CHAT_MAX_MUTES,
  CHAT_PROTOCOL_VERSION,
  type ChatChannel,
  type ChatError,
  type ChatErrorCode,
  type ChatMessage,
  type ChatServerMessage,
  type Emote,
} from '@cardtable/sdk/chat';
import { MAX_MARKS_PER_CHARACTER, showsNothing, stacksMarks } from '../printable.ts';
import { KeyedRateLimiter } from '../rate-limit.ts';
import { CLOSE_CODES } from '@cardtable/sdk/protocol';
import type { ChatStore, MuteOutcome, StoredMessage } from './chat-store.ts';
import type { ChatEvent, ChatRelay } from './relay.ts';
import type { WordFilter } from './word-filter.ts';

/** Who a connection is in its room: decided once, when it joins (see `room-access.ts`). */
export interface RoomAccess {
  role: 'player' | 'spectator' | 'member';
  seat: number | null;
  /** Channels it reads; a spectator's channel never reaches players. */
  reads: readonly ChatChannel[];
  writes: readonly ChatChannel[];
  emotes: boolean;
  /** A player's seat can be taken away (the host removes them): asked before each write. */
  stillSeated?: () => Promise<boolean>;
  /** A spectator may take a seat before the start: asked before each spectators' message. */
  stillSpectating?: () => Promise<boolean>;
}

export interface ChatMember {
  readonly room: string;
  readonly userId: string;
  readonly name: string;
  readonly guest: boolean;
  readonly access: RoomAccess;
  filter: boolean;
  send(message: ChatServerMessage): void;
  /** Sends `CHAT_ERROR` and closes the socket with `close`. */
  end(code: ChatErrorCode, message: string, close: number): void;
}

export interface ChatLimits {
  /** Messages (and, separately, emotes) a user may send in one channel at once... */
  burst: number;
  /** ...and how many more each minute after that. */
  perMinute: number;
}

/**
 * Across all of a user's rooms and channels, messages and emotes together: this many times the
 * per-channel limits. Without it one user in many rooms (every live match may be watched, every
 * published game has a lobby) could write rooms-times the limit.
 */
export const CHAT_USER_FACTOR = 3;
/** Reports per user: a burst of this many, then this many a minute (each one is a row). */
export const CHAT_REPORTS_BURST = 10;
export const CHAT_REPORTS_PER_MINUTE = 10;

type Outcome = { ok: true; messageId?: string } | { ok: false; error: ChatError };

const refusal = (
  code: ChatErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Outcome => ({ ok: false, error: details ? { code, message, details } : { code, message } });

const tooManyMutes = (): Outcome =>
  refusal('TOO_MANY_MUTES', `You can mute at most ${CHAT_MAX_MUTES} people.`, {
    max: CHAT_MAX_MUTES,
  });

/** The sender's account was deleted; its sockets are about to be told their session ended. */
const accountGone = (): Outcome =>
  refusal('UNAUTHORIZED', 'This account was deleted: nothing of it is stored any more.');

/**
 * The rooms of this node: who is in each, what they may read and write, and the limits. Every
 * message is stored before it is delivered (so history survives a restart), then sent to each
 * member that reads its channel and has not muted its sender, masked for those whose filter is
 * on. Nothing here touches a match's actor or its paced stream.
 */
export class ChatService {
  private readonly rooms = new Map<string, Set<ChatMember>>();
  /** Each user's connected members, to tell all of them when the user's mutes change. */
  private readonly byUser = new Map<string, Set<ChatMember>>();
  /** Mutes per connected user: loaded from the store for accounts, kept here for guests. */
  private readonly mutes = new Map<string, Set<string>>();
  private readonly messages: KeyedRateLimiter;
  private readonly emotes: KeyedRateLimiter;
  private readonly perUser: KeyedRateLimiter;
  private readonly reports = new KeyedRateLimiter(CHAT_REPORTS_BURST, CHAT_REPORTS_PER_MINUTE / 60);
  /** Spectators' messages wait for a seat check; this keeps them in order. */
  private spectatorDeliveries: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ChatStore,
    private readonly filter: WordFilter,
    readonly limits: ChatLimits,
    private readonly relay: ChatRelay,
  ) {
    this.messages = new KeyedRateLimiter(limits.burst, limits.perMinute / 60);
    this.emotes = new KeyedRateLimiter(limits.burst, limits.perMinute / 60);
    this.perUser = new KeyedRateLimiter(
      limits.burst * CHAT_USER_FACTOR,
      (limits.perMinute * CHAT_USER_FACTOR) / 60,
    );
    relay.onEvent((event) => this.deliver(event));
  }

  /** Adds the member to its room and sends it the CHAT_WELCOME with each channel's history. */
  async join(member: ChatMember): Promise<void> {
    const muted = await this.mutesOf(member);
    const histories = await Promise.all(
      member.access.reads.map((channel) => this.store.history(member.room, channel)),
    );
    const history = histories
      .flat()
      .sort((a, b) => Number(a.id) - Number(b.id))
      .filter((message) => !muted.has(message.userId))
      .map((message) => this.view(message, member.filter));
    let members = this.rooms.get(member.room);
    if (!members) this.rooms.set(member.room, (members = new Set()));
    members.add(member);
    let own = this.byUser.get(member.userId);
    if (!own) this.byUser.set(member.userId, (own = new Set()));
    own.add(member);
    const { access } = member;
    member.send({
      type: 'CHAT_WELCOME',
      protocolVersion: CHAT_PROTOCOL_VERSION,
      room: member.room,
      role: access.role,
      channels: access.reads.map((channel) => ({
        channel,
        write: access.writes.includes(channel),
      })),
      emotes: access.emotes,
      history,
      muted: [...muted],
      filter: member.filter,
      limits: { maxLength: CHAT_MAX_LENGTH, ...this.limits },
    });
  }

  leave(member: ChatMember): void {
    const members = this.rooms.get(member.room);
    members?.delete(member);
    if (members?.size === 0) this.rooms.delete(member.room);
    const own = this.byUser.get(member.userId);
    own?.delete(member);
    if (own?.size === 0) {
      this.byUser.delete(member.userId);
      // Accounts' mutes are reloaded from the store; a guest's end with their last connection
      // (their browser remembers them and sends them again).
      this.mutes.delete(member.userId);
    }
  }

  async send(member: ChatMember, channel: ChatChannel, raw: string): Promise<Outcome> {
    if (!member.access.writes.includes(channel)) {
      return refusal('FORBIDDEN', `You cannot write in the ${channel} channel here.`, {
        channel,
      });
    }
    const text = raw.trim();
    if (showsNothing(text)) return refusal('EMPTY', 'Write something first.');
    if (stacksMarks(text)) {
      return refusal(
        'UNPRINTABLE',
        `A letter carries at most ${MAX_MARKS_PER_CHARACTER} accents or marks: more are drawn over the lines around it.`,
        { max: MAX_MARKS_PER_CHARACTER },
      );
    }
    const length = [...text].length;
    if (length > CHAT_MAX_LENGTH) {
      return refusal('TOO_LONG', `Messages are limited to ${CHAT_MAX_LENGTH} characters.`, {
        max: CHAT_MAX_LENGTH,
        length,
      });
    }
    if (!this.messages.take(`${member.userId}\n${member.room}\n${channel}`)) {
      return this.rateLimited();
    }
    if (!this.perUser.take(member.userId)) return this.rateLimited();
    const barred = (await this.unseated(member)) ?? (await this.silenced(member));
    if (barred) return barred;
    const stored = await this.store.append({
      room: member.room,
      channel,
      userId: member.userId,
      name: member.name,
      seat: member.access.seat,
      body: text,
    });
    if (!stored) return accountGone();
    this.broadcast({ kind: 'message', message: stored });
    return { ok: true, messageId: stored.id };
  }

  /** A quick emote: shown at the sender's seat to everyone in the room, never stored. */
  async emote(member: ChatMember, emote: Emote): Promise<Outcome> {
    if (!member.access.emotes) return refusal('FORBIDDEN', 'Only players send emotes.');
    if (!this.emotes.take(`${member.userId}\n${member.room}`)) return this.rateLimited();
    if (!this.perUser.take(member.userId)) return this.rateLimited();
    const barred = (await this.unseated(member)) ?? (await this.silenced(member));
    if (barred) return barred;
    this.broadcast({
      kind: 'emote',
      room: member.room,
      userId: member.userId,
      name: member.name,
      seat: member.access.seat,
      emote,
      at: new Date().toISOString(),
    });
    return { ok: true };
  }

  async mute(member: ChatMember, userId: string, muted: boolean): Promise<Outcome> {
    if (userId === member.userId) return refusal('SELF', 'You cannot mute yourself.');
    const mutes = await this.mutesOf(member);
    if (muted && !mutes.has(userId)) {
      // An account's mutes are counted by the store, which the count and the write take turns
      // at (this set may miss another node's latest); a guest's only here, counted after the
      // lookup with no wait between the count and the add.
      const stored = member.guest
        ? await this.guestMute(mutes, userId)
        : await this.store.mute(member.userId, userId, CHAT_MAX_MUTES);
      if (stored === 'full') return tooManyMutes();
      if (stored === 'unknown') return refusal('NOT_FOUND', 'No such user.');
      if (stored === 'gone') return accountGone();
      mutes.add(userId);
    } else if (!muted && mutes.has(userId)) {
      if (!member.guest) await this.store.unmute(member.userId, userId);
      mutes.delete(userId);
    } else {
      // Nothing changed: nothing to store or tell the other connections (and nodes).
      return { ok: true };
    }
    this.broadcast({ kind: 'muted', userId: member.userId, muted: [...mutes] });
    return { ok: true };
  }

  /** A guest's mute, kept only in `mutes`: like an account's, it must name a user. */
  private async guestMute(mutes: ReadonlySet<string>, userId: string): Promise<MuteOutcome> {
    if (!(await this.store.knownUsers([userId])).has(userId)) return 'unknown';
    return mutes.has(userId) || mutes.size < CHAT_MAX_MUTES ? 'muted' : 'full';
  }

  /**
   * A guest's mutes, sent again as it connects (the server keeps them only while it is), a
   * batch to a frame: one MUTE each would take the list past the socket's frame rate. Names
   * already muted, the guest's own and those that name no user (any more: the browser's list
   * may outlive a user) are passed over; muting stops at `CHAT_MAX_MUTES` (`TOO_MANY_MUTES`,
   * those before it kept). An account's mutes are stored and come back in `CHAT_WELCOME`, so it
   * has none to send again: `FORBIDDEN` (each of its mutes is a write).
   */
  async muteMany(member: ChatMember, userIds: readonly string[]): Promise<Outcome> {
    if (!member.guest)
      return refusal('FORBIDDEN', "An account's mutes are kept by the server: send MUTE.");
    const mutes = await this.mutesOf(member);
    const known = await this.store.knownUsers(userIds);
    const before = mutes.size;
    let full = false;
    for (const userId of userIds) {
      if (userId === member.userId || mutes.has(userId) || !known.has(userId)) continue;
      if (mutes.size >= CHAT_MAX_MUTES) {
        full = true;
        break;
      }
      mutes.add(userId);
    }
    if (mutes.size > before)
      this.broadcast({ kind: 'muted', userId: member.userId, muted: [...mutes] });
    return full ? tooManyMutes() : { ok: true };
  }

  /**
   * A user the host removed from a table: their sockets in its room (on every node) are closed
   * as a room that does not exist would be refused, since the table is gone for them (see
   * `maySeeMatch`). Their access was decided when they joined; a player's socket read the
   * players' channel on.
   */
  expel(room: string, userId: string): void {
    this.broadcast({ kind: 'expelled', room, userId });
  }

  /** Reports a message this member can read (it names a message of its room and channels). */
  async report(member: ChatMember, messageId: string, reason: string): Promise<Outcome> {
    if (!this.reports.take(member.userId)) {
      return refusal('RATE_LIMITED', 'You are reporting too fast: wait a moment.', {
        retryAfterMs: Math.ceil(60_000 / CHAT_REPORTS_PER_MINUTE),
      });
    }
    const message = await this.store.message(messageId);
    if (
      !message ||
      message.room !== member.room ||
      !member.access.reads.includes(message.channel)
    ) {
      return refusal('NOT_FOUND', 'No such message here.');
    }
    if (message.userId === member.userId) {
      return refusal('SELF', 'You cannot report your own message.');
    }
    const stored = await this.store.report(message, member.userId, reason.trim());
    return stored
      ? { ok: true }
      : refusal('ALREADY_REPORTED', 'You already reported this message.');
  }

  setFilter(member: ChatMember, on: boolean): Outcome {
    member.filter = on;
    return { ok: true };
  }

  /** Members in a room on this node (tests and metrics). */
  memberCount(room: string): number {
    return this.rooms.get(room)?.size ?? 0;
  }

  /** A moderator's silence, read from the store each time: set on any node, it holds on all. */
  private async silenced(member: ChatMember): Promise<Outcome | null> {
    const until = await this.store.silencedUntil(member.userId);
    if (!until) return null;
    const when = `${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    return refusal('SILENCED', `A moderator silenced you in chat until ${when}.`, {
      until: until.toISOString(),
    });
  }

  /** A refusal when the member wrote as a player and no longer holds that seat. */
  private async unseated(member: ChatMember): Promise<Outcome | null> {
    const check = member.access.stillSeated;
    if (!check || (await check())) return null;
    return refusal('FORBIDDEN', 'You no longer hold a seat at this table: reconnect to watch.');
  }

  /** Delivers here and tells the other nodes. */
  private broadcast(event: ChatEvent): void {
    this.deliver(event);
    this.relay.publish(event);
  }

  /** Sends an event to this node's members it concerns (readers of its channel, unmuted). */
  private deliver(event: ChatEvent): void {
    if (event.kind === 'expelled') {
      for (const member of this.rooms.get(event.room) ?? [])
        if (member.userId === event.userId)
          member.end('NOT_FOUND', 'No such match.', CLOSE_CODES.notFound);
      return;
    }
    if (event.kind === 'muted') {
      const own = this.byUser.get(event.userId);
      if (!own) return;
      // Changed in place: a mute still being stored holds this set, and adds to it when done.
      const mutes = this.mutes.get(event.userId);
      if (!mutes) this.mutes.set(event.userId, new Set(event.muted));
      else {
        mutes.clear();
        for (const userId of event.muted) mutes.add(userId);
      }
      for (const member of own) member.send({ type: 'CHAT_MUTED', muted: event.muted });
      return;
    }
    const room = event.kind === 'message' ? event.message.room : event.room;
    const sender = event.kind === 'message' ? event.message.userId : event.userId;
    const readers = [...(this.rooms.get(room) ?? [])].filter(
      (reader) =>
        !this.mutes.get(reader.userId)?.has(sender) &&
        (event.kind === 'emote' || reader.access.reads.includes(event.message.channel)),
    );
    if (event.kind === 'emote') {
      const { kind: _kind, room: _room, ...emote } = event;
      for (const reader of readers) reader.send({ type: 'CHAT_EMOTE', ...emote });
      return;
    }
    const { message } = event;
    // Masked at most once per message, whatever the number of readers.
    const views = new Map<boolean, ChatMessage>();
    const sendTo = (reader: ChatMember) => {
      let view = views.get(reader.filter);
      if (!view) views.set(reader.filter, (view = this.view(message, reader.filter)));
      reader.send({ type: 'CHAT_MESSAGE', message: view });
    };
    if (message.channel !== 'spectators') {
      for (const reader of readers) sendTo(reader);
      return;
    }
    // A spectator who has since taken a seat (before the start) must not read the spectators
    // any more, even on a socket opened while watching. Kept in order, one message after another.
    // A check that fails (the match cannot be loaded) leaves the message in the history only.
    this.spectatorDeliveries = this.spectatorDeliveries
      .then(async () => {
        const still = await Promise.all(
          readers.map((reader) => reader.access.stillSpectating?.() ?? true),
        );
        readers.forEach((reader, index) => {
          if (still[index]) sendTo(reader);
        });
      })
      .catch(() => undefined);
  }

  private rateLimited(): Outcome {
    const retryAfterMs = Math.ceil(60_000 / Math.max(this.limits.perMinute, 1));
    return refusal('RATE_LIMITED', 'You are sending too fast: wait a moment.', { retryAfterMs });
  }

  private async mutesOf(member: ChatMember): Promise<Set<string>> {
    let mutes = this.mutes.get(member.userId);
    if (!mutes) {
      const loaded = new Set(member.guest ? [] : await this.store.mutedBy(member.userId));
      // Another connection of the same user may have loaded them meanwhile: keep the first.
      mutes = this.mutes.get(member.userId) ?? loaded;
      this.mutes.set(member.userId, mutes);
    }
    return mutes;
  }

  private view(message: StoredMessage, filter: boolean): ChatMessage {
    return {
      id: message.id,
      channel: message.channel,
      userId: message.userId,
      name: message.name,
      seat: message.seat,
      text: filter ? this.filter.mask(message.body) : message.body,
      at: message.at,
    };
  }
}

import type {
  ChatReportList,
  ChatReportQuery,
  ChatReportView,
  ChatSilence,
  MatchChatLog,
  ResolveChatReport,
} from './chat.ts';
import type { ApiResult, CardtableApi } from './http.ts';

/** Chat over HTTP: a match's chat log (for its replay) and the moderators' report queue. */
export class ChatApi {
  constructor(private readonly api: CardtableApi) {}

  /** The channels of a match's chat the caller may read (both once over, as its replay allows). */
  matchChat(matchId: string, options: { link?: string; filter?: boolean } = {}) {
    const query = new URLSearchParams();
    if (options.link) query.set('link', options.link);
    if (options.filter === false) query.set('filter', 'off');
    const search = query.size > 0 ? `?${query}` : '';
    return this.api.request<MatchChatLog>(
      'GET',
      `/api/matches/${encodeURIComponent(matchId)}/chat${search}`,
    );
  }

  /** Moderators and admins: reported messages (`open` by default). */
  reports(query: ChatReportQuery = {}): Promise<ApiResult<ChatReportList>> {
    const search = new URLSearchParams();
    if (query.status) search.set('status', query.status);
    if (query.limit) search.set('limit', String(query.limit));
    return this.api.request(
      'GET',
      `/api/moderation/chat-reports${search.size > 0 ? `?${search}` : ''}`,
    );
  }

  resolveReport(id: string, body: ResolveChatReport): Promise<ApiResult<ChatReportView>> {
    return this.api.request(
      'POST',
      `/api/moderation/chat-reports/${encodeURIComponent(id)}/resolve`,
      body,
    );
  }

  /** Moderators and admins: lets a silenced user write in chat again at once. */
  liftSilence(userId: string): Promise<ApiResult<ChatSilence>> {
    return this.api.request(
      'DELETE',
      `/api/moderation/users/${encodeURIComponent(userId)}/chat-silence`,
    );
  }
}

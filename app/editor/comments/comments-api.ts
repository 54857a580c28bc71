import type { CommentIntent, ThreadView } from "../../../core/comments/contract";
import { message } from "../../../core/i18n/message";
import type { SuggestionIntent } from "../../../core/suggestions/contract";
import type { Said } from "../../review/say";

export interface CommentMember {
  id: string;
  name: string;
}

export interface CommentsSnapshot {
  threads: ThreadView[];
  members: CommentMember[];
  me: { id: string; canComment: boolean };
}

/**
 * A refused write, with what to show: the server's sentence (already in the reader's language)
 * or, when the answer had none, a message the page puts into words.
 */
export class CommentRefused extends Error {
  override readonly name = "CommentRefused";
  constructor(readonly said: Said) {
    super(typeof said === "string" ? said : said.id);
  }
}

/** The threads could not be read; `said` is the message for the page. */
export class CommentsUnavailable extends Error {
  override readonly name = "CommentsUnavailable";
  constructor(readonly said: Said) {
    super(typeof said === "string" ? said : said.id);
  }
}

/** The draft's comments resource route: list threads, send one intent at a time. */
export class CommentsApi {
  constructor(private readonly url: string) {}

  async list(signal?: AbortSignal): Promise<CommentsSnapshot> {
    const response = await fetch(this.url, { headers: { accept: "application/json" }, signal });
    if (!response.ok) throw new CommentsUnavailable(message("comments.api.loadFailed", { status: response.status }));
    return (await response.json()) as CommentsSnapshot;
  }

  async send(intent: CommentIntent): Promise<ThreadView | null> {
    return (await this.post(intent)).thread ?? null;
  }

  /** A suggestion intent (same route): the thread as it now is, or the ids a decision covered. */
  async suggest(intent: SuggestionIntent): Promise<{ thread: ThreadView | null; threadIds: string[] }> {
    const body = await this.post(intent);
    return { thread: body.thread ?? null, threadIds: body.threadIds ?? (body.threadId ? [body.threadId] : []) };
  }

  private async post(intent: CommentIntent | SuggestionIntent) {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(intent),
    });
    const body = (await response.json().catch(() => null)) as { thread?: ThreadView | null; threadId?: string; threadIds?: string[]; error?: string } | null;
    if (!response.ok || !body) throw new CommentRefused(body?.error ?? message("comments.api.notSaved", { status: response.status }));
    return body;
  }
}

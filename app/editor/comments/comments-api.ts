import type { CommentIntent, ThreadView } from "../../../core/comments/contract";

export interface CommentMember {
  id: string;
  name: string;
}

export interface CommentsSnapshot {
  threads: ThreadView[];
  members: CommentMember[];
  me: { id: string; canComment: boolean };
}

/** A refused write, with the server's message to show as it is. */
export class CommentRefused extends Error {
  override readonly name = "CommentRefused";
}

/** The draft's comments resource route: list threads, send one intent at a time. */
export class CommentsApi {
  constructor(private readonly url: string) {}

  async list(signal?: AbortSignal): Promise<CommentsSnapshot> {
    const response = await fetch(this.url, { headers: { accept: "application/json" }, signal });
    if (!response.ok) throw new Error(`Comments could not be loaded (${response.status}).`);
    return (await response.json()) as CommentsSnapshot;
  }

  async send(intent: CommentIntent): Promise<ThreadView | null> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(intent),
    });
    const body = (await response.json().catch(() => null)) as { thread?: ThreadView | null; error?: string } | null;
    if (!response.ok) throw new CommentRefused(body?.error ?? `The comment was not saved (${response.status}).`);
    return body?.thread ?? null;
  }
}

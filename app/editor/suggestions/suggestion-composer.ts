import type { Editor } from "@tiptap/core";
import type { Slice } from "@tiptap/pm/model";
import { anchorFor } from "../../../core/comments/anchors";
import type { ThreadView } from "../../../core/comments/contract";
import { message } from "../../../core/i18n/message";
import { acceptedText, compose, type OwnSuggestion, type ProposedChange, type Range } from "../../../core/suggestions/compose";
import type { SuggestionAnchor, SuggestionIntent } from "../../../core/suggestions/contract";
import { QUOTE_MAX_CHARS } from "../../../core/comments/contract";
import { fillEmptyNotes, hasEmptyNote, sliceFromJson, sliceToJson } from "../../../core/suggestions/slices";
import { userColor } from "../../../core/collab/user-color";
import { CommentRefused } from "../comments/comments-api";
import type { Said } from "../../review/say";
import { bindingOf } from "../comments/comment-highlights";
import { showSuggestions, suggestionState, type SuggestionItem } from "./suggestion-marks";

/** One of this person's suggestions while it is typed and saved: it wins over the server's copy until stored. */
interface Composing {
  key: string;
  threadId: string | null;
  revision: number;
  anchor: SuggestionAnchor;
  deleted: string;
  insert: Slice;
  /** Changed since the last save started. */
  dirty: boolean;
  saving: boolean;
  /** Nothing is left of it: withdraw once stored (or never send it). */
  removed: boolean;
}

export interface ComposerDeps {
  editor: Editor;
  me: { id: string; name: string };
  send: (intent: SuggestionIntent) => Promise<{ thread: ThreadView | null }>;
  /** Puts a thread the server answered with into the page's list. */
  replace: (thread: ThreadView) => void;
  onError: (said: Said | null) => void;
  /** The words of a note proposed with the footnote button (its marker alone says nothing); null: cancelled. */
  askNoteText: () => string | null;
}

let localKeys = 0;

/**
 * Turns this person's keystrokes in Suggesting mode into their suggestions: shown at once, saved
 * one request at a time per suggestion (what was typed meanwhile goes in the next request), and
 * handed back to the server's list once stored. Others see them after the save's "thread" event.
 */
export class SuggestionComposer {
  private readonly composing = new Map<string, Composing>();
  private threads: readonly ThreadView[] = [];

  constructor(private readonly deps: ComposerDeps) {}

  /** The server's threads changed: show them, with what is being typed on top. */
  setThreads(threads: readonly ThreadView[]): void {
    this.threads = threads;
    // A suggestion decided or withdrawn elsewhere stops being typed here.
    for (const entry of this.composing.values()) {
      const stored = entry.threadId ? threads.find((t) => t.id === entry.threadId) : undefined;
      if (stored?.suggestion && stored.suggestion.state !== "open") this.composing.delete(entry.key);
    }
    this.show();
  }

  items(): SuggestionItem[] {
    const { schema } = this.deps.editor;
    const overridden = new Set([...this.composing.values()].map((c) => c.threadId));
    const items: SuggestionItem[] = [];
    for (const thread of this.threads) {
      const s = thread.suggestion;
      if (!s || s.state !== "open" || overridden.has(thread.id)) continue;
      items.push({
        id: thread.id,
        anchor: thread.anchor,
        deleted: s.deleted,
        insert: sliceFromJson(schema, s.insert),
        authorName: s.organisationName ? `${s.authorName} (${s.organisationName})` : s.authorName,
        color: userColor(s.authorId ?? s.authorName),
        mine: s.authorId === this.deps.me.id,
      });
    }
    for (const c of this.composing.values()) {
      if (c.removed) continue;
      items.push({ id: c.threadId ?? c.key, anchor: c.anchor, deleted: c.deleted, insert: c.insert, authorName: this.deps.me.name, color: userColor(this.deps.me.id), mine: true });
    }
    return items;
  }

  private show(cursor?: number): void {
    const { editor } = this.deps;
    if (!editor.isDestroyed) showSuggestions(editor.view, this.items(), cursor);
  }

  /** An edit made in Suggesting mode, not applied: make it a suggestion or part of one. */
  propose(proposed: ProposedChange, head: number): void {
    const { editor } = this.deps;
    let change = proposed;
    if (hasEmptyNote(change.insert)) {
      const text = this.deps.askNoteText();
      if (text === null || !text.trim()) return;
      change = { ...change, insert: fillEmptyNotes(editor.schema, change.insert, text.trim()) };
    }
    const state = suggestionState(editor.state);
    if (!state) return;
    const own: OwnSuggestion[] = [];
    for (const item of state.items) {
      const range = state.ranges.get(item.id);
      if (item.mine && range) own.push({ id: item.id, range, insert: item.insert });
    }
    const result = compose(editor.schema, change, own, head);
    if (result.kind === "create") this.create(result.range, result.insert);
    else if (result.kind === "update") this.update(result.id, result.range, result.insert);
    else if (result.kind === "remove") this.remove(result.id);
    this.show(result.cursor);
  }

  private placed(range: Range): { anchor: SuggestionAnchor; deleted: string } | null {
    const binding = bindingOf(this.deps.editor.state);
    if (!binding) return null;
    const deleted = acceptedText(this.deps.editor.state.doc, range);
    return { anchor: anchorFor(binding, range.from, range.to, deleted.slice(0, QUOTE_MAX_CHARS)), deleted };
  }

  private create(range: Range, insert: Slice): void {
    const placed = this.placed(range);
    if (!placed) return;
    const key = `local-${++localKeys}`;
    this.composing.set(key, { key, threadId: null, revision: 0, ...placed, insert, dirty: true, saving: false, removed: false });
    void this.save(key);
  }

  /** The entry for a suggestion of mine: being typed already, or taken up from the server's list. */
  private entry(id: string): Composing | null {
    for (const c of this.composing.values()) if (c.key === id || c.threadId === id) return c;
    const thread = this.threads.find((t) => t.id === id);
    if (!thread?.suggestion) return null;
    const entry: Composing = {
      key: `local-${++localKeys}`,
      threadId: thread.id,
      revision: thread.suggestion.revision,
      anchor: thread.anchor,
      deleted: thread.suggestion.deleted,
      insert: sliceFromJson(this.deps.editor.schema, thread.suggestion.insert),
      dirty: false,
      saving: false,
      removed: false,
    };
    this.composing.set(entry.key, entry);
    return entry;
  }

  private update(id: string, range: Range, insert: Slice): void {
    const entry = this.entry(id);
    const placed = this.placed(range);
    if (!entry || !placed) return;
    Object.assign(entry, placed, { insert, dirty: true });
    void this.save(entry.key);
  }

  private remove(id: string): void {
    const entry = this.entry(id);
    if (!entry) return;
    entry.removed = true;
    entry.dirty = true;
    void this.save(entry.key);
  }

  /** One request at a time per suggestion; whatever was typed meanwhile goes in the next. */
  private async save(key: string): Promise<void> {
    const entry = this.composing.get(key);
    if (!entry || entry.saving || !entry.dirty) return;
    if (entry.removed && entry.threadId === null) {
      // Emptied before it was ever stored: nothing to tell the server.
      this.settle(key);
      return;
    }
    entry.saving = true;
    entry.dirty = false;
    const intent = this.intentFor(entry);
    try {
      const { thread } = await this.deps.send(intent);
      if (thread) {
        entry.threadId = thread.id;
        if (thread.suggestion) entry.revision = thread.suggestion.revision;
        // Kept here too, so the stored copy shows the moment the typed one is let go.
        this.threads = [...this.threads.filter((t) => t.id !== thread.id), thread];
        this.deps.replace(thread);
      }
      this.deps.onError(null);
    } catch (failure) {
      this.deps.onError(failure instanceof CommentRefused ? failure.said : message("comments.sendFailed"));
      // Refused (decided meanwhile, or revised elsewhere): what was typed goes; the server's copy stands.
      entry.saving = false;
      this.settle(key);
      return;
    }
    entry.saving = false;
    // Emptied while it was being created or revised: withdraw it now.
    if (entry.removed && intent.intent !== "withdraw-suggestion") entry.dirty = true;
    if (entry.dirty) void this.save(key);
    else this.settle(key);
  }

  /** Stored and not typed on since: the server's copy is shown again. */
  private settle(key: string): void {
    this.composing.delete(key);
    this.show();
  }

  private intentFor(entry: Composing): SuggestionIntent {
    if (entry.removed && entry.threadId !== null) return { intent: "withdraw-suggestion", threadId: entry.threadId };
    const change = { anchor: entry.anchor, deleted: entry.deleted, insert: sliceToJson(entry.insert) };
    if (entry.threadId === null) return { intent: "suggest", change };
    return { intent: "revise-suggestion", threadId: entry.threadId, revision: entry.revision, change };
  }
}

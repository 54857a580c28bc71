import type { Editor } from "@tiptap/react";
import { useEffect, useState, type KeyboardEvent } from "react";
import type { Anchor } from "../../core/comments/contract";
import type { Cover } from "../../core/editor/cover";
import { ChecksPanel } from "./checks-panel";
import type { CommentThreads } from "./comments/use-comment-threads";
import { CommentsPanel } from "./comments/comments-panel";
import type { CoverOrganisation } from "./cover-panel";
import type { DraftTemplate } from "./draft-template";
import { GuidancePanel } from "./guidance-panel";
import type { ChangedRecommendation } from "./library/changed-recommendations";
import type { LibraryApi } from "./library/library-api";
import { LibraryPanel } from "./library/library-panel";

const ALL_TABS = [
  { id: "guidance", label: "Guidance" },
  { id: "library", label: "Library" },
  { id: "checks", label: "Checks" },
  { id: "comments", label: "Comments" },
] as const;
type TabId = (typeof ALL_TABS)[number]["id"];

/**
 * The right-hand panel of the draft (docs/design.md §8): one column, tabs for Guidance, the Library,
 * the pre-flight Checks and Comments. Tabs follow the WAI-ARIA pattern: arrow keys move between
 * them. Starting a comment (toolbar, Ctrl+Alt+M) opens the Comments tab.
 */
export function SidePanel({
  editor,
  template,
  library,
  stateUnderReview,
  changed,
  cover,
  organisations,
  comments,
  libraryImportHref,
}: {
  /** The library's import page, for people who may import; null for the others. */
  libraryImportHref: string | null;
  comments: { threads: CommentThreads; pendingAnchor: Anchor | null; onPendingDone: () => void; opened: { id: string } | null };
  editor: Editor;
  template: DraftTemplate | null;
  library: LibraryApi;
  stateUnderReview: string;
  changed: ChangedRecommendation[];
  cover: Cover;
  organisations: CoverOrganisation[];
}) {
  // A notification's link (?thread=<id>) opens the Comments tab.
  const [tab, setTab] = useState<TabId>(() => (new URLSearchParams(window.location.search).has("thread") ? "comments" : "guidance"));
  useEffect(() => {
    if (comments.pendingAnchor || comments.opened) setTab("comments");
  }, [comments.pendingAnchor, comments.opened]);
  const openThreads = comments.threads.snapshot?.threads.filter((t) => t.status === "open").length ?? 0;
  // The checks read the template's rules: a draft made without one has none to check against.
  const TABS = template ? ALL_TABS : ALL_TABS.filter((t) => t.id !== "checks");
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(index + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`side-tab-${next.id}`)?.focus();
  };
  return (
    <aside className="side-panel">
      <div role="tablist" aria-label="Beside the draft" className="side-tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`side-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === "library" && changed.length ? <span className="badge" aria-label={`, ${changed.length} changed in the library`}>{changed.length}</span> : null}
            {t.id === "comments" && openThreads ? <span className="badge" aria-label={`, ${openThreads} open`}>{openThreads}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === "guidance" ? <GuidancePanel editor={editor} template={template} /> : null}
        {tab === "library" ? <LibraryPanel editor={editor} api={library} stateUnderReview={stateUnderReview} changed={changed} importHref={libraryImportHref} /> : null}
        {tab === "comments" ? <CommentsPanel editor={editor} {...comments} /> : null}
        {tab === "checks" && template ? <ChecksPanel editor={editor} template={template} cover={cover} organisations={organisations} library={library} stateUnderReview={stateUnderReview} /> : null}
      </div>
    </aside>
  );
}

import type { Editor } from "@tiptap/react";
import { useEffect, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Anchor } from "../../core/comments/contract";
import type { Cover } from "../../core/editor/cover";
import { ChecksPanel } from "./checks-panel";
import type { CommentThreads } from "./comments/use-comment-threads";
import { CommentsPanel } from "./comments/comments-panel";
import type { SuggestionDecisions } from "./suggestions/suggestion-parts";
import type { CoverOrganisation } from "./cover-panel";
import type { DraftTemplate } from "./draft-template";
import { GuidancePanel } from "./guidance-panel";
import type { ChangedRecommendation } from "./library/changed-recommendations";
import type { LibraryApi } from "./library/library-api";
import { LibraryPanel } from "./library/library-panel";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { HistoryPanel, type HistoryLinks } from "../versions/history-panel";

const ALL_TABS = [
  { id: "guidance", label: "editor.side.guidance" },
  { id: "library", label: "editor.side.library" },
  { id: "checks", label: "editor.side.checks" },
  { id: "comments", label: "editor.side.comments" },
  { id: "history", label: "editor.side.history" },
  { id: "sign-off", label: "signOff.title" },
] as const satisfies ReadonlyArray<{ id: string; label: MessageId }>;
type TabId = (typeof ALL_TABS)[number]["id"];

/**
 * The right-hand panel of the draft (docs/design.md §8): one column, tabs for Guidance, the Library,
 * the pre-flight Checks, Comments and History. Tabs follow the WAI-ARIA pattern: arrow keys move between
 * them. Starting a comment (toolbar, Ctrl+Alt+M) opens the Comments tab.
 */
export function SidePanel({
  editor,
  dir = "ltr",
  template,
  library,
  stateUnderReview,
  changed,
  cover,
  organisations,
  comments,
  libraryImportHref,
  history,
  signOff,
}: {
  /** The History tab's route and what this person may do there (issue 21). */
  history: HistoryLinks;
  /** The Sign-off tab's content (app/sign-off/sign-off-panel.tsx). */
  signOff: ReactNode;
  /** The interface's direction: in Arabic the tabs run right to left, and so do the arrow keys. */
  dir?: "ltr" | "rtl";
  /** The library's import page, for people who may import; null for the others. */
  libraryImportHref: string | null;
  comments: { threads: CommentThreads; pendingAnchor: Anchor | null; onPendingDone: () => void; opened: { id: string } | null; decisions: SuggestionDecisions };
  editor: Editor;
  template: DraftTemplate | null;
  library: LibraryApi;
  stateUnderReview: string;
  changed: ChangedRecommendation[];
  cover: Cover;
  organisations: CoverOrganisation[];
}) {
  // A notification's link (?thread=<id>) opens the Comments tab.
  const { t, number } = useT();
  const [tab, setTab] = useState<TabId>(() => {
    const query = new URLSearchParams(window.location.search);
    // A sign-off request's notification links ?tab=sign-off.
    return query.has("thread") ? "comments" : query.get("tab") === "sign-off" && signOff ? "sign-off" : "guidance";
  });
  useEffect(() => {
    if (comments.pendingAnchor || comments.opened) setTab("comments");
  }, [comments.pendingAnchor, comments.opened]);
  const openThreads = comments.threads.snapshot?.threads.filter((thread) => thread.status === "open").length ?? 0;
  // The checks read the template's rules: a draft made without one has none to check against.
  const TABS = ALL_TABS.filter((tabItem) => (tabItem.id !== "checks" || template) && (tabItem.id !== "sign-off" || signOff));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = TABS.findIndex((tabItem) => tabItem.id === tab);
    // The arrow towards the end of the row moves forward: right in English, left in Arabic.
    const forward = event.key === (dir === "rtl" ? "ArrowLeft" : "ArrowRight");
    const next = TABS[(index + (forward ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`side-tab-${next.id}`)?.focus();
  };
  return (
    <aside className="side-panel">
      <div role="tablist" aria-label={t("editor.side.tabs")} className="side-tabs" onKeyDown={onKeyDown}>
        {TABS.map((tabItem) => (
          <button
            key={tabItem.id}
            id={`side-tab-${tabItem.id}`}
            type="button"
            role="tab"
            aria-selected={tab === tabItem.id}
            aria-controls={`side-panel-${tabItem.id}`}
            tabIndex={tab === tabItem.id ? 0 : -1}
            onClick={() => setTab(tabItem.id)}
          >
            {t(tabItem.label)}
            {tabItem.id === "library" && changed.length ? (
              <span className="badge" aria-label={t("editor.side.libraryChanged", { count: changed.length })}>
                {number(changed.length)}
              </span>
            ) : null}
            {tabItem.id === "comments" && openThreads ? (
              <span className="badge" aria-label={t("editor.side.openThreads", { count: openThreads })}>
                {number(openThreads)}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === "guidance" ? <GuidancePanel editor={editor} template={template} /> : null}
        {tab === "library" ? <LibraryPanel editor={editor} api={library} stateUnderReview={stateUnderReview} changed={changed} importHref={libraryImportHref} /> : null}
        {tab === "comments" ? <CommentsPanel editor={editor} {...comments} /> : null}
        {tab === "history" ? <HistoryPanel {...history} /> : null}
        {tab === "sign-off" ? signOff : null}
        {tab === "checks" && template ? <ChecksPanel editor={editor} template={template} cover={cover} organisations={organisations} library={library} stateUnderReview={stateUnderReview} /> : null}
      </div>
    </aside>
  );
}

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { useRevalidator } from "@remix-run/react";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { BODY_FIELD, documentExtensions } from "../../core/editor/extensions";
import { ConnectionStatus } from "./connection-status";
import { useOptionalUser } from "../hooks/use-optional-user";
import { directionOf } from "../../core/editor/language";
import { CoverPanel, useCover, type CoverOrganisation } from "./cover-panel";
import { readCover } from "../../core/editor/cover";
import type { DraftTemplate } from "./draft-template";
import { FootnoteWithPopover } from "./footnotes/footnote-view";
import { FootnotesPane } from "./footnotes/footnotes-pane";
import { Outline } from "./outline";
import { PasteFootnotes } from "./paste-footnotes";
import { WordCountBar } from "./word-count-bar";
import { Presence } from "./presence";
import { useChangedRecommendations } from "./library/changed-recommendations";
import { LibraryApi } from "./library/library-api";
import { SidePanel } from "./side-panel";
import { HistoryApi } from "../versions/history-api";
import { SignOffPanel } from "../sign-off/sign-off-panel";
import { GoToTarget } from "./go-to";
import { useStickyBarsHeight } from "./use-sticky-bars";
import { Toolbar } from "./toolbar";
import { parseDraftDocName } from "../../core/collab/doc-name";
import type { ThreadView } from "../../core/comments/contract";
import { CommentHighlights } from "./comments/comment-highlights";
import { CommentsApi } from "./comments/comments-api";
import { CommentMarkers } from "./comments/comment-markers";
import { useStartComment } from "./comments/use-start-comment";
import { usePageFollowsDraftEvents } from "./comments/use-page-follows-draft-events";
import { useCommentThreads } from "./comments/use-comment-threads";
import { useThreadKeys } from "./comments/use-thread-keys";
import { RefusedEdits } from "./refused-edits";
import { useCollabSession, type CollabSession, type RefusedWork } from "./use-collab-session";
import type { RefusalReason } from "../../core/collab/session-messages";
import { userColor } from "../../core/collab/user-color";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { say } from "../review/say";
import { SuggestionMarks } from "./suggestions/suggestion-marks";
import { EditorModeSwitch } from "./suggestions/editor-mode";
import { useSuggesting, useSuggestingHooks } from "./suggestions/use-suggesting";

/** A stable empty list while the threads load (a new [] each render would re-run effects). */
const NO_THREADS: readonly ThreadView[] = [];

export interface CollabEditorProps {
  docName: string;
  user: { id: string; name: string };
  /** Why this person may not edit (their role), or null if they may. */
  readOnlyReason: Message | null;
  /** The template the draft was made from: numbering, guidance, the word-limit rule. */
  template: DraftTemplate | null;
  /** The workspace's organisations, for the cover's list of submitting organisations. */
  organisations: CoverOrganisation[];
  stateName: string;
  workspaceId: string;
  /** ISO3 code of the draft's State under review: the Library panel starts filtered to it. */
  stateCode: string;
  /** Whether this person may comment (owners, editors, reviewers; not viewers). */
  canComment: boolean;
  /** Whether this person may import into the coalition's library (the workspace's edit ability). */
  canImportLibrary: boolean;
  /** Whether this person may propose changes (owners, editors, reviewers, while the draft is not submitted). */
  canSuggest: boolean;
}

/** The live draft: Tiptap bound to the shared Y.Doc, with presence, carets and connection state. */
export default function CollabEditor(props: CollabEditorProps) {
  // A shared computer (said at sign-in): no offline copy, and the status says what offline then means.
  const shared = useOptionalUser()?.shared ?? false;
  const { session, refused, dismissRefused, pausedBecause } = useCollabSession(props.docName, props.user.id, { shared });
  // A refusal means the page's idea of this person's access (role badge, read-only reason) may
  // be older than the server's: load it again.
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    if (pausedBecause) revalidate.current();
  }, [pausedBecause]);
  const { t } = useT();
  if (!session) return <p className="muted">{t("editor.page.opening")}</p>;
  // Keyed by the session's document: after a refusal the draft is opened afresh from the server.
  return <SessionEditor key={session.doc.guid} session={session} refused={refused} onDismissRefused={dismissRefused} pausedBecause={pausedBecause} {...props} />;
}

interface SessionProps {
  session: CollabSession;
  refused: RefusedWork | null;
  onDismissRefused: () => void;
  pausedBecause: RefusalReason | null;
}

const PAUSED: Record<RefusalReason, MessageId> = {
  "read-only": "editor.readOnly.paused.readOnly",
  submitting: "editor.readOnly.paused.submitting",
  submitted: "editor.readOnly.paused.submitted",
};

function SessionEditor({ session, refused, onDismissRefused, pausedBecause, docName, user, readOnlyReason, template, organisations, stateName, workspaceId, stateCode, canComment, canImportLibrary, canSuggest }: CollabEditorProps & SessionProps) {
  const { t, text, dir } = useT();
  const reason = session.endedBecause ? message("editor.readOnly.ended") : pausedBecause ? message(PAUSED[pausedBecause]) : readOnlyReason;
  const suggestingHooks = useSuggestingHooks();
  const library = useMemo(() => new LibraryApi(`/workspaces/${workspaceId}/library`), [workspaceId]);
  const commentsApi = useMemo(() => new CommentsApi(`/workspaces/${workspaceId}/drafts/${parseDraftDocName(docName)}/comments`), [workspaceId, docName]);
  const draftHref = `/workspaces/${workspaceId}/drafts/${parseDraftDocName(docName)}`;
  const historyApi = useMemo(() => new HistoryApi(`${draftHref}/versions`), [draftHref]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: reason === null,
      extensions: [
        // The page's footnote gets its marker and popover here; the schema stays core/editor's.
        ...documentExtensions({ headingNumbering: template?.headingNumbering }).filter((e) => e.name !== "footnote"),
        // Node views are plain DOM: they get the person's translator, not React's context.
        FootnoteWithPopover.configure({ library, i18n: { t, text }, documentLanguage: () => readCover(session.doc as Y.Doc).language }),
        PasteFootnotes,
        CommentHighlights,
        SuggestionMarks.configure({ mode: () => suggestingHooks.current.mode, propose: (change, head) => suggestingHooks.current.propose(change, head) }),
        GoToTarget,
        Collaboration.configure({ document: session.doc as Y.Doc, field: BODY_FIELD }),
        CollaborationCaret.configure({
          provider: session.provider as WebsocketProvider,
          user: { name: user.name, color: userColor(user.id) },
        }),
      ],
      editorProps: {
        attributes: { class: "document", "aria-label": t("editor.shell.text"), spellcheck: "true" },
      },
    },
    [session.doc, session.provider],
  );

  // The submission's language (from its cover) sets the page's language and direction; a
  // paragraph can still carry its own (an Arabic quotation in an English report).
  const cover = useCover(session.doc as Y.Doc);
  const { language } = cover;
  const changed = useChangedRecommendations(editor, library);

  const commenting = useStartComment(editor, canComment && !session.endedBecause);
  const commentThreads = useCommentThreads(editor, commentsApi, session.provider as WebsocketProvider);
  usePageFollowsDraftEvents(session.provider as WebsocketProvider);
  useThreadKeys(editor, commentThreads.snapshot?.threads ?? NO_THREADS);
  // A thread opened from its margin marker: a new object each click, so the same one reopens.
  const [openedThread, setOpenedThread] = useState<{ id: string } | null>(null);

  const mayEdit = reason === null;
  // Suggesting needs nothing of the socket (suggestions go over HTTP), but not once it has ended.
  const maySuggest = canSuggest && !session.endedBecause && pausedBecause !== "submitting" && pausedBecause !== "submitted";
  const suggesting = useSuggesting({ editor, hooks: suggestingHooks, threads: commentThreads, me: user, canEdit: mayEdit, canSuggest: maySuggest });

  // Access can end while the page is open (role lowered, removed): stop accepting edits at once.
  // Keyed on the flag, not on `reason`: a message is a new object each render, and setEditable
  // re-renders this component, so depending on it would loop (and starve the router's updates).
  const editable = suggesting.mode === "editing" ? mayEdit : suggesting.mode === "suggesting" && maySuggest;
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const shell = useRef<HTMLElement>(null);
  useStickyBarsHeight(shell, editor !== null);

  return (
    <section className="editor-shell" aria-label={t("editor.shell.label")} ref={shell}>
      <div className="editor-bar">
        <Presence provider={session.provider} online={session.state === "online"} />
        <ConnectionStatus state={session.state} durable={session.durable} shared={session.shared} />
      </div>
      {refused ? <RefusedEdits work={refused} editor={editor} comments={commentsApi} canComment={canComment} onDismiss={onDismissRefused} /> : null}
      {session.endedBecause ? (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">{t("editor.ended.title")}</p>
          <div className="alert-body">
            <p>{text(session.endedBecause)}</p>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => window.location.reload()}>
              {t("editor.ended.reload")}
            </button>
          </div>
        </div>
      ) : null}
      <CoverPanel doc={session.doc as Y.Doc} organisations={organisations} editable={reason === null} stateName={stateName} />
      <div className="editor-mode-bar">
        <EditorModeSwitch mode={suggesting.mode} available={suggesting.available} onChange={suggesting.setMode} />
        {suggesting.mode === "suggesting" ? <p className="small muted">{t("editor.mode.suggestingNote")}</p> : null}
      </div>
      {suggesting.error ? (
        <p className="small error" role="alert">
          {say(text, suggesting.error)}
        </p>
      ) : null}
      {editor ? <Toolbar editor={editor} readOnlyReason={editable ? null : (reason ?? message("editor.mode.viewingNote"))} onComment={commenting.start} /> : null}
      {commenting.hint ? (
        <p className="small muted" role="status">
          {t(commenting.hint)}
        </p>
      ) : null}
      <div className="editor-columns">
        {editor ? <Outline editor={editor} template={template} /> : <div />}
        <div className="page-column">
          <div className="page" lang={language} dir={directionOf(language)} style={placeholderStyle(t("editor.placeholder"))}>
            <EditorContent editor={editor} />
            {editor ? <CommentMarkers editor={editor} threads={commentThreads.snapshot?.threads ?? []} onOpen={(id) => setOpenedThread({ id })} /> : null}
          </div>
          {editor ? <FootnotesPane editor={editor} /> : null}
        </div>
        {editor ? (
          <SidePanel
            editor={editor}
            dir={dir}
            template={template}
            library={library}
            stateUnderReview={stateCode}
            changed={changed}
            cover={cover}
            organisations={organisations}
            libraryImportHref={canImportLibrary ? `/workspaces/${workspaceId}/library/import` : null}
            history={{ api: historyApi, draftHref, canEdit: readOnlyReason === null }}
            signOff={<SignOffPanel workspaceId={workspaceId} draftId={parseDraftDocName(docName) ?? ""} editor={editor} provider={session.provider as WebsocketProvider} />}
            comments={{ threads: commentThreads, pendingAnchor: commenting.pending, onPendingDone: commenting.done, opened: openedThread, decisions: suggesting.decisions }}
          />
        ) : (
          <div />
        )}
      </div>
      {editor ? <WordCountBar editor={editor} template={template} /> : null}
    </section>
  );
}

/** The empty draft's hint, in the reader's language: app.css shows it through a custom property, as a CSS string. */
function placeholderStyle(hint: string): CSSProperties {
  return { "--document-placeholder": JSON.stringify(hint) } as CSSProperties;
}

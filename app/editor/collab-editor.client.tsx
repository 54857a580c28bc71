import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { BODY_FIELD, documentExtensions } from "../../core/editor/extensions";
import { ConnectionStatus } from "./connection-status";
import { Presence } from "./presence";
import { Toolbar } from "./toolbar";
import { useCollabSession, type CollabSession } from "./use-collab-session";
import { userColor } from "./user-color";

export interface CollabEditorProps {
  docName: string;
  user: { id: string; name: string };
  /** Why this person may not edit (their role), or null if they may. */
  readOnlyReason: string | null;
}

/** The live draft: Tiptap bound to the shared Y.Doc, with presence, carets and connection state. */
export default function CollabEditor(props: CollabEditorProps) {
  const session = useCollabSession(props.docName, props.user.id);
  if (!session) return <p className="muted">Opening the draft…</p>;
  return <SessionEditor key={props.docName} session={session} {...props} />;
}

function SessionEditor({ session, user, readOnlyReason }: CollabEditorProps & { session: CollabSession }) {
  const reason = session.endedBecause ? "Editing is off: see the message above." : readOnlyReason;
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: reason === null,
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: session.doc as Y.Doc, field: BODY_FIELD }),
        CollaborationCaret.configure({
          provider: session.provider as WebsocketProvider,
          user: { name: user.name, color: userColor(user.id) },
        }),
      ],
      editorProps: {
        attributes: { class: "document", "aria-label": "Draft text", spellcheck: "true" },
      },
    },
    [session.doc, session.provider],
  );

  // Access can end while the page is open (role lowered, removed): stop accepting edits at once.
  useEffect(() => {
    editor?.setEditable(reason === null);
  }, [editor, reason]);

  return (
    <section className="editor-shell" aria-label="Draft editor">
      <div className="editor-bar">
        <Presence provider={session.provider} />
        <ConnectionStatus state={session.state} synced={session.synced} />
      </div>
      {session.endedBecause ? (
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">Editing stopped</p>
          <div className="alert-body">
            <p>{session.endedBecause}</p>
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </div>
      ) : null}
      {editor ? <Toolbar editor={editor} readOnlyReason={reason} /> : null}
      <div className="page">
        <EditorContent editor={editor} />
      </div>
    </section>
  );
}

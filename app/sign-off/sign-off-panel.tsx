import type { Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import type { WebsocketProvider } from "y-websocket";
import { useT } from "../i18n/i18n-provider";
import { Alert } from "../components/ui";
import { useDraftEvents } from "../editor/draft-events";
import { say } from "../review/say";
import { RequestForm } from "./request-form";
import { SignControls } from "./sign-controls";
import { signOffUrl, useSignOffState } from "./sign-off-api";
import { SignOffList } from "./sign-off-list";

/** After the text changes, wait this long (the collab server stores every 500 ms) before reading again. */
const AFTER_TEXT_CHANGE_MS = 2500;

export interface SignOffPanelProps {
  workspaceId: string;
  draftId: string;
  /** The page's editor: a change to the text reads the state again ("signed an earlier version"). */
  editor?: Editor | null;
  /** The draft's socket: a sign-off event (sent as "status") reads the state again. */
  provider?: WebsocketProvider | null;
}

/**
 * The draft page's Sign-off tab (issue 21): the current request (which named version, by whom,
 * the message), each co-submitting organisation's answer, the focal point's Approve / Request
 * changes for their organisation, and for owners "Ask for sign-off". Fetches its own data from
 * the sign-off route, which authorises every read and write again.
 */
export function SignOffPanel({ workspaceId, draftId, editor, provider }: SignOffPanelProps) {
  const { t, date, text } = useT();
  const url = useMemo(() => signOffUrl(workspaceId, draftId), [workspaceId, draftId]);
  const { load, reload, replace } = useSignOffState(url);
  useDraftEvents(provider, (event) => {
    if (event.type === "status") reload();
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!editor) return;
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(reload, AFTER_TEXT_CHANGE_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      editor.off("update", onUpdate);
      clearTimeout(timer.current);
    };
  }, [editor, reload]);

  if (load.status === "loading") return <p className="small muted" role="status">{t("signOff.loading")}</p>;
  if (load.status === "failed") return <Alert tone="error">{say(text, load.error)}</Alert>;
  const { state } = load;
  const request = state.request;
  return (
    <section className="sign-off-panel" aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">
        {t("signOff.title")}
      </h2>
      {request ? (
        <div className="sign-off-request-summary">
          <p className="small">
            {t("signOff.request.summary", {
              version: request.versionName ?? t("signOff.list.unnamedVersion"),
              person: request.requestedBy ?? t("signOff.formerMember"),
              when: date(request.createdAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          {request.message ? <blockquote className="sign-off-comment">{request.message}</blockquote> : null}
        </div>
      ) : (
        <p className="small muted">{t("signOff.noRequest")}</p>
      )}
      {state.organisations.length === 0 ? (
        <p className="small muted">{t("signOff.noOrganisations")}</p>
      ) : (
        <SignOffList
          organisations={state.organisations}
          workspaceId={workspaceId}
          draftId={draftId}
          actions={(o) =>
            request && !state.submitted && state.viewer.signsFor.includes(o.id) ? <SignControls url={url} requestId={request.id} organisation={o} onSigned={replace} /> : null
          }
        />
      )}
      {state.organisations.length > 0 ? (
        <p className="small" role="status">
          {state.complete ? t("signOff.complete") : t("signOff.incomplete")}
        </p>
      ) : null}
      {state.viewer.canRequest && !state.submitted ? <RequestForm url={url} namedVersions={state.namedVersions} onRequested={replace} /> : null}
    </section>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { draftDocName } from "../../core/collab/doc-name";
import { canExportDespiteDisclosures, type Role } from "../../core/policies";
import { message, type Message } from "../../core/i18n/message";
import { pageMeta } from "../i18n/meta";
import { useT } from "../i18n/i18n-provider";
import { mechanismName } from "../../core/un/mechanisms";
import { stateName } from "../../core/un/states";
import { findTemplate, preflightRules } from "../../templates";
import { requireDraftAccess } from "../auth/guards.server";
import { DraftStatusControl } from "../components/draft-status-control";
import { ExportPanel } from "../components/export-panel";
import { SubmittedFiles } from "../components/submitted-files";
import { storedExportView } from "../export/stored-exports.server";
import { PageHeader } from "../components/ui";
import { STATUS_MESSAGES } from "../components/draft-status";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { localTemplateTitle } from "../components/templates/template-summary";

/** Asks the workspace layout for its one-line header, so the first line of text shows at 1280×720. */
export const handle = { compactHeader: true };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? pageMeta(matches, "editor.page.title", { title: data.draft.title }) : pageMeta(matches, "common.meta.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, draftAbilities, user, membership, abilities } = await requireDraftAccess(request, context, params);
  const { drafts, exports } = context.services;
  const people = await drafts.people(draft);
  return {
    draft: {
      id: draft.id,
      title: draft.title,
      mechanism: draft.mechanism,
      stateCode: draft.state_under_review,
      workspaceId: draft.workspace_id,
      status: draft.status,
      deadline: draft.deadline ? draft.deadline.toISOString().slice(0, 10) : null,
      createdBy: people.author,
      createdAt: draft.created_at.toISOString(),
      updatedAt: draft.updated_at.toISOString(),
    },
    docName: draftDocName(draft.id),
    template: draftTemplate(draft.template_slug),
    // Members only reach this loader, so confidential organisations may be listed for the cover.
    organisations: await drafts.coverOrganisations(draft.workspace_id),
    user: { id: user.id, name: user.name },
    readOnlyReason: draftAbilities.edit ? null : readOnlyReason(membership.role, draft.status),
    canComment: draftAbilities.comment,
    // Suggestions are review writes: refused once the draft is submitted, like comments.
    canSuggest: draftAbilities.comment && draft.status !== "submitted",
    canImportLibrary: abilities.edit,
    // Owners and editors move the draft between drafting and review (the workspace's edit ability).
    statusControl: await context.services.review.statusControl(draft, abilities.edit),
    // The files stored on submission, and who may export or submit (the routes check again).
    storedExports: (await exports.listStored(draft.id)).map(storedExportView),
    exportAccess: { canExport: draftAbilities.export, canSubmit: abilities.edit && draft.status !== "submitted", canOverride: canExportDespiteDisclosures(abilities) },
    // Owners reopen a submitted draft for a correction; a reopened draft says what changed since.
    canReopen: abilities.manage && draft.status === "submitted",
    reopened: await exports.reopenedView(draft, people.reopener),
  };
}

/**
 * The parts of the draft's template the editor uses; null for drafts made without one. The
 * check rules come from preflightRules, as the server's checks do, so both judge alike.
 */
function draftTemplate(slug: string | null) {
  const template = slug ? findTemplate(slug) : undefined;
  if (!template) return null;
  const rules = preflightRules(template);
  return {
    ...rules,
    title: template.title,
    headingNumbering: template.rules.headingNumbering,
    // preflightRules keeps the template's section order, so index i is the same section.
    sections: rules.sections.map((section, i) => ({ ...section, guidance: template.sections[i]!.guidance })),
  };
}

/** Said in the toolbar, so a reviewer knows why they cannot type, not just that they cannot. */
function readOnlyReason(role: Role, status: string): Message {
  if (status === "submitted") return message("editor.readOnly.submitted");
  return message("editor.readOnly.role", { role });
}

// The editor touches the DOM, IndexedDB and WebSockets: it loads in the browser only, after hydration.
const CollabEditor = lazy(() => import("../editor/collab-editor.client"));

function ClientOnly({ children, fallback }: { children: () => React.ReactNode; fallback: React.ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? <Suspense fallback={fallback}>{children()}</Suspense> : fallback;
}

export default function DraftPage() {
  const { draft, docName, user, readOnlyReason, template, organisations, canComment, canImportLibrary, canSuggest, statusControl, storedExports, exportAccess, canReopen, reopened } = useLoaderData<typeof loader>();
  const { t, date, locale } = useT();
  // Named here, not in the loader: the State and mechanism in the reader's language, as the UN names them there.
  const state = stateName(draft.stateCode, locale);
  // Dates as the server stored them (UTC), so the server's render and the browser's agree.
  const day = (iso: string) => date(iso, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <>
      <PageHeader
        eyebrow={<Link to="..">{t("editor.page.allDrafts")}</Link>}
        title={draft.title}
        description={t("editor.page.description", { mechanism: draft.mechanism, state })}
        actions={
          <>
            {exportAccess.canExport ? <ExportPanel workspaceId={draft.workspaceId} draftId={draft.id} canSubmit={exportAccess.canSubmit} canOverride={exportAccess.canOverride} /> : null}
            <DraftStatusControl {...statusControl} />
          </>
        }
      />
      <SubmittedFiles workspaceId={draft.workspaceId} draftId={draft.id} files={storedExports} canDownload={exportAccess.canExport} canReopen={canReopen} reopened={reopened} />
      <details className="draft-details">
        <summary>{t("editor.details.summary")}</summary>
        <dl className="meta-list">
          <dt>{t("editor.details.mechanism")}</dt>
          <dd>{t("editor.details.mechanismValue", { code: draft.mechanism, name: mechanismName(draft.mechanism, locale) })}</dd>
          <dt>{t("editor.details.state")}</dt>
          <dd>{state}</dd>
          <dt>{t("editor.details.template")}</dt>
          <dd>{template ? localTemplateTitle(t, template.title) : t("editor.details.noTemplate")}</dd>
          <dt>{t("editor.details.status")}</dt>
          <dd>{t(STATUS_MESSAGES[draft.status])}</dd>
          <dt>{t("editor.details.deadline")}</dt>
          <dd>{draft.deadline ? <time dateTime={draft.deadline}>{day(draft.deadline)}</time> : t("editor.details.noDeadline")}</dd>
          <dt>{t("editor.details.createdBy")}</dt>
          <dd>{draft.createdBy ?? t("editor.details.formerMember")}</dd>
          <dt>{t("editor.details.created")}</dt>
          <dd>
            <time dateTime={draft.createdAt}>{day(draft.createdAt)}</time>
          </dd>
        </dl>
      </details>
      <ClientOnly fallback={<p className="muted">{t("editor.page.opening")}</p>}>
        {() => <CollabEditor docName={docName} user={user} readOnlyReason={readOnlyReason} template={template} organisations={organisations} stateName={state} workspaceId={draft.workspaceId} stateCode={draft.stateCode} canComment={canComment} canImportLibrary={canImportLibrary} canSuggest={canSuggest} />}
      </ClientOnly>
    </>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireDraftAccess } from "../auth/guards.server";
import { notFound } from "../http-errors.server";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { PageHeader } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { DocumentView } from "../versions/document-view";
import { RestoreControls } from "../versions/restore-controls";
import { versionTime, versionTitle } from "../versions/version-label";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? pageMeta(matches, "versions.view.pageTitle", { title: data.draft.title }) : pageMeta(matches, "common.meta.title"));

/** One version of a draft, read-only as the exports print it; restore it whole or a section (editors). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, abilities } = await requireDraftAccess(request, context, params, "read");
  if (!z.uuid().safeParse(params.versionId).success) throw notFound();
  const view = await context.services.versions.view(draft, params.versionId!);
  if (!view) throw notFound();
  return {
    draft: { id: draft.id, title: draft.title, workspaceId: draft.workspace_id },
    version: view.summary,
    model: view.model,
    sections: view.sections,
    canRestore: abilities.edit && draft.status !== "submitted",
  };
}

export default function VersionPage() {
  const { draft, version, model, sections, canRestore } = useLoaderData<typeof loader>();
  const { t, date, list } = useT();
  const draftHref = `/workspaces/${draft.workspaceId}/drafts/${draft.id}`;
  const people = list(version.people.map((p) => p.name));
  return (
    <>
      <PageHeader
        eyebrow={<Link to={draftHref}>{t("versions.view.backToDraft", { title: draft.title })}</Link>}
        title={versionTitle(t, version)}
        description={t("versions.view.description", { time: versionTime(date, version.createdAt), words: version.words, people: people || "—" })}
        actions={
          <Link className="btn btn-secondary" to={`${draftHref}/compare?from=${version.id}&to=now`}>
            {t("versions.entry.compareNow")}
          </Link>
        }
      />
      {canRestore ? <RestoreControls versionsHref={`${draftHref}/versions`} draftHref={draftHref} versionId={version.id} title={versionTitle(t, version)} sections={sections} /> : null}
      <DocumentView model={model} />
    </>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary />;
}

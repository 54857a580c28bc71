import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { VersionSummary } from "../../core/versions/contract";
import { requireDraftAccess } from "../auth/guards.server";
import { notFound } from "../http-errors.server";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { PageHeader } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { CompareView } from "../versions/compare-view";
import { versionTime, versionTitle } from "../versions/version-label";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? pageMeta(matches, "versions.compare.pageTitle", { title: data.draft.title }) : pageMeta(matches, "common.meta.title"));

/** A version id, or "now": the draft as people see it (every node's changes stored first). */
const Side = z.union([z.literal("now"), z.uuid()]);

/**
 * GET ?from=<version>&to=<version|now>: two versions of the draft compared on its document
 * (paragraphs, footnotes, lists as a person reads them), for anyone who may read the draft.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraftAccess(request, context, params, "read");
  const url = new URL(request.url);
  const from = Side.safeParse(url.searchParams.get("from"));
  const to = Side.safeParse(url.searchParams.get("to") ?? "now");
  if (!from.success || !to.success) throw notFound();
  const compared = await context.services.versions.compare(draft, from.data, to.data);
  if (!compared) throw notFound();
  return { draft: { id: draft.id, title: draft.title, workspaceId: draft.workspace_id }, ...compared };
}

export default function ComparePage() {
  const { draft, comparison, from, to, people } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const draftHref = `/workspaces/${draft.workspaceId}/drafts/${draft.id}`;
  const sideName = (side: VersionSummary | null) => (side ? t("versions.compare.side", { title: versionTitle(t, side), time: versionTime(date, side.createdAt) }) : t("versions.compare.now"));
  return (
    <>
      <PageHeader
        eyebrow={<Link to={draftHref}>{t("versions.view.backToDraft", { title: draft.title })}</Link>}
        title={t("versions.compare.title", { from: sideName(from), to: sideName(to) })}
        actions={
          from ? (
            <Link className="btn btn-secondary" to={`${draftHref}/versions/${from.id}`}>
              {t("versions.compare.openFrom")}
            </Link>
          ) : null
        }
      />
      <CompareView comparison={comparison} people={people} />
    </>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary />;
}

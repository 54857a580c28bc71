import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { mechanismName } from "../../core/un/mechanisms";
import { stateName } from "../../core/un/states";
import { findUserById } from "../../db/queries/users";
import { requireDraftAccess } from "../auth/guards.server";
import { Badge, Card, PageHeader } from "../components/ui";
import { STATUS_LABELS } from "../components/draft-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.draft.title} · Caucus` : "Caucus" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft, draftAbilities } = await requireDraftAccess(request, context, params);
  const author = draft.created_by ? await findUserById(context.db, draft.created_by) : undefined;
  return {
    draft: {
      id: draft.id,
      title: draft.title,
      mechanism: draft.mechanism,
      mechanismName: mechanismName(draft.mechanism),
      state: stateName(draft.state_under_review),
      status: draft.status,
      deadline: draft.deadline ? draft.deadline.toISOString().slice(0, 10) : null,
      createdBy: author?.name ?? null,
      createdAt: draft.created_at.toISOString(),
      updatedAt: draft.updated_at.toISOString(),
    },
    canEdit: draftAbilities.edit,
  };
}

export default function DraftPage() {
  const { draft, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="small">
        <Link to="..">← All drafts</Link>
      </p>
      <PageHeader
        title={draft.title}
        description={`${draft.mechanism} submission on ${draft.state}`}
        actions={<Badge tone="accent">{STATUS_LABELS[draft.status]}</Badge>}
      />
      <div className="grid grid-2">
        <div className="placeholder-page" aria-label="Document">
          <p>
            <strong>The shared document opens here.</strong>
          </p>
          <p>
            {canEdit
              ? "Co-editing is being switched on for this workspace; your draft and its details are saved."
              : "You can read and comment once co-editing is switched on; your role does not allow editing."}
          </p>
        </div>
        <Card aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="meta-list">
            <dt>Mechanism</dt>
            <dd>
              {draft.mechanism} — {draft.mechanismName}
            </dd>
            <dt>State under review</dt>
            <dd>{draft.state}</dd>
            <dt>Status</dt>
            <dd>{STATUS_LABELS[draft.status]}</dd>
            <dt>Deadline</dt>
            <dd>{draft.deadline ?? "Not set"}</dd>
            <dt>Created by</dt>
            <dd>{draft.createdBy ?? "A former member"}</dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={draft.createdAt}>{draft.createdAt.slice(0, 10)}</time>
            </dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

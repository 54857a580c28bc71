import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MECHANISMS, mechanismName } from "../../core/un/mechanisms";
import { stateName, UN_STATES } from "../../core/un/states";
import { listDrafts } from "../../db/queries/drafts";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Badge, Button, Card, DataTable, EmptyState, SelectField, TextField, type Column } from "../components/ui";

const COLUMNS: Column[] = [
  { label: "Title" },
  { label: "Mechanism" },
  { label: "State under review" },
  { label: "Status" },
  { label: "Deadline" },
];
import { STATUS_LABELS } from "../components/draft-status";
import { invalid, parseForm } from "../forms.server";
import { DraftSchema } from "../schemas/draft";
import { createDraftInWorkspace } from "../workspaces/workspaces.server";

const mechanismOptions = MECHANISMS.map((m) => ({ value: m.id, label: `${m.id} — ${m.name}` }));
const stateOptions = UN_STATES.map((s) => ({ value: s.code, label: s.name }));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const drafts = await listDrafts(context.db, workspace.id);
  return {
    canCreate: abilities.edit,
    drafts: drafts.map((d) => ({
      id: d.id,
      title: d.title,
      mechanism: d.mechanism,
      state: stateName(d.state_under_review),
      status: d.status,
      deadline: d.deadline ? d.deadline.toISOString().slice(0, 10) : null,
      updatedAt: d.updated_at.toISOString(),
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const parsed = parseForm(await request.formData(), DraftSchema);
  if (!parsed.ok) return invalid(parsed);
  const draft = await createDraftInWorkspace(context, user.id, workspace.id, parsed.data);
  return redirect(`/workspaces/${workspace.id}/drafts/${draft.id}`);
}

export default function Drafts() {
  const { drafts, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className={canCreate ? "grid grid-2" : undefined}>
      <Card aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">Drafts</h2>
        {drafts.length === 0 ? (
          <EmptyState title="No drafts yet">
            <p>{canCreate ? "Start one with the form beside this list." : "Editors and owners start drafts."}</p>
          </EmptyState>
        ) : (
      <DataTable columns={COLUMNS}>
                {drafts.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <Link className="row-title" to={`drafts/${d.id}`}>
                        {d.title}
                      </Link>
                    </td>
                    <td>
                      <abbr title={mechanismName(d.mechanism)}>{d.mechanism}</abbr>
                    </td>
                    <td>{d.state}</td>
                    <td>
                      <Badge>{STATUS_LABELS[d.status]}</Badge>
                    </td>
                    <td>{d.deadline ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
      </DataTable>
        )}
      </Card>
      {canCreate ? (
        <Card aria-labelledby="new-draft">
          <h2 id="new-draft">New draft</h2>
          <Form method="post" className="form" noValidate>
            <TextField label="Title" name="title" required errors={errors.title} placeholder="Joint submission for the 4th UPR cycle" />
            <SelectField label="Mechanism" name="mechanism" options={mechanismOptions} placeholder="Choose…" errors={errors.mechanism} />
            <SelectField
              label="State under review"
              name="stateUnderReview"
              options={stateOptions}
              placeholder="Choose…"
              errors={errors.stateUnderReview}
            />
            <TextField label="Deadline" name="deadline" type="date" description="Optional. The submission deadline set by OHCHR or the committee." errors={errors.deadline} />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                Create draft
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

import { Form } from "@remix-run/react";
import { useState } from "react";
import { Badge, Button } from "../ui";
import { OrganisationForm } from "./organisation-form";

interface Organisation {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
}

export function OrganisationRow({ organisation: o, canManage }: { organisation: Organisation; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <li style={{ display: "block" }}>
        <OrganisationForm intent="update-organisation" organisation={o} errors={{}} submitLabel="Save" onDone={() => setEditing(false)} />
        <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </li>
    );
  }
  return (
    <li>
      <div>
        <strong>{o.name}</strong> {o.acronym ? <span className="muted">({o.acronym})</span> : null}{" "}
        {o.confidential ? <Badge tone="warning">Confidential</Badge> : null}
      </div>
      {canManage ? (
        <div className="inline-controls">
          <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${o.name}`}>
            Edit
          </Button>
          <Form
            method="post"
            onSubmit={(e) => {
              if (!confirm(`Remove ${o.name}? Members keep their accounts and roles.`)) e.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="remove-organisation" />
            <input type="hidden" name="organisationId" value={o.id} />
            <Button type="submit" size="sm" variant="danger" aria-label={`Remove ${o.name}`}>
              Remove
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

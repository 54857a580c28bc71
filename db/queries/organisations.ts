import type { Organisation } from "../schema";
import type { Executor } from "./executor";

export interface OrganisationInput {
  name: string;
  acronym: string;
  confidential: boolean;
}

export async function listOrganisations(db: Executor, workspaceId: string): Promise<Organisation[]> {
  return db
    .selectFrom("organisations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("name")
    .execute();
}

export async function findOrganisation(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<Organisation | undefined> {
  return db
    .selectFrom("organisations")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Returns undefined when the workspace already has an organisation of that name. */
export async function createOrganisation(
  db: Executor,
  workspaceId: string,
  input: OrganisationInput,
): Promise<Organisation | undefined> {
  return db
    .insertInto("organisations")
    .values({ workspace_id: workspaceId, ...pickFields(input) })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Returns false when another organisation of the workspace already has that name. */
export async function updateOrganisation(
  db: Executor,
  workspaceId: string,
  id: string,
  input: OrganisationInput,
): Promise<boolean> {
  const clash = await db
    .selectFrom("organisations")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "!=", id)
    .where((eb) => eb(eb.fn("lower", ["name"]), "=", input.name.toLowerCase()))
    .executeTakeFirst();
  if (clash) return false;
  await db.updateTable("organisations").set(pickFields(input)).where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
  return true;
}

export async function deleteOrganisation(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom("organisations").where("workspace_id", "=", workspaceId).where("id", "=", id).execute();
}

/** Only the columns a caller may set, whatever else the parsed form carried. */
function pickFields({ name, acronym, confidential }: OrganisationInput): OrganisationInput {
  return { name, acronym, confidential };
}

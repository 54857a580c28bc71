import { z } from "zod";
import { ROLES } from "../../core/policies/roles";
import { atLeast, atMost, CheckboxField, EmailField, IdField, NameField, OptionalIdField } from "./fields";

const RoleField = z.enum(ROLES, { error: "workspace.field.chooseRole" });

export const WorkspaceSchema = z.object({
  name: z.string({ error: "workspace.field.coalitionRequired" }).trim().superRefine(atLeast(2)).superRefine(atMost(120)),
  description: z.string().trim().superRefine(atMost(500)).default(""),
});

export const WorkspaceSettingsSchema = z.discriminatedUnion("intent", [
  WorkspaceSchema.extend({ intent: z.literal("update-workspace") }),
  z.object({ intent: z.literal("delete-workspace"), confirmName: z.string().trim().default("") }),
]);

export const OrganisationFields = z.object({
  name: NameField,
  acronym: z.string().trim().superRefine(atMost(20, "workspace.field.acronymTooLong")).default(""),
  confidential: CheckboxField,
});

export const OrganisationActionSchema = z.discriminatedUnion("intent", [
  OrganisationFields.extend({ intent: z.literal("add-organisation") }),
  OrganisationFields.extend({ intent: z.literal("update-organisation"), organisationId: IdField }),
  z.object({ intent: z.literal("remove-organisation"), organisationId: IdField }),
]);

export const MembersActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: EmailField, role: RoleField, organisationId: OptionalIdField }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: IdField }),
  z.object({
    intent: z.literal("update-member"),
    membershipId: IdField,
    role: RoleField,
    organisationId: OptionalIdField,
  }),
  z.object({ intent: z.literal("remove-member"), membershipId: IdField }),
]);

import { z } from "zod";
import { ROLES } from "../../core/policies/roles";
import { CheckboxField, EmailField, IdField, NameField, OptionalIdField } from "./fields";

const RoleField = z.enum(ROLES, { error: "Choose a role." });

export const WorkspaceSchema = z.object({
  name: z.string({ error: "Name the coalition." }).trim().min(2, "Use at least 2 characters.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});

export const WorkspaceSettingsSchema = z.discriminatedUnion("intent", [
  WorkspaceSchema.extend({ intent: z.literal("update-workspace") }),
  z.object({ intent: z.literal("delete-workspace"), confirmName: z.string().trim().default("") }),
]);

export const OrganisationFields = z.object({
  name: NameField,
  acronym: z.string().trim().max(20, "Acronyms are at most 20 characters.").default(""),
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

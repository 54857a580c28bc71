import { z } from "zod";

// Errors are catalogue ids: the route puts them into the reader's language.
const Id = z.uuid({ error: "signOff.input.invalid" });
const Text = z.string().max(4000, { error: "signOff.refused.tooLong" }).default("");

/**
 * POST …/sign-off: ask for sign-off on a named version (versionId) or on the current state named
 * here (name); approve or request changes on the current request (requestId) for one organisation.
 */
export const SignOffActionSchema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({ intent: z.literal("request"), versionId: Id.optional(), name: z.string().trim().max(200, { error: "signOff.input.nameTooLong" }).optional(), message: Text })
      .refine((v) => Boolean(v.versionId) !== Boolean(v.name), { error: "signOff.input.versionOrName", path: ["versionId"] }),
    z.object({ intent: z.literal("approve"), requestId: Id, organisationId: Id, comment: Text }),
    z.object({ intent: z.literal("request-changes"), requestId: Id, organisationId: Id, comment: Text }),
  ],
  { error: "signOff.input.invalid" },
);
export type SignOffActionInput = z.infer<typeof SignOffActionSchema>;

/** POST set-focal-point on the Organisations page: a member's user id, or "" to clear. */
export const FocalPointSchema = z.object({
  intent: z.literal("set-focal-point"),
  organisationId: Id,
  focalPointId: z.union([z.literal(""), Id]).transform((v) => (v === "" ? null : v)),
});

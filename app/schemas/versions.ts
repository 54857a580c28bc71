import { z } from "zod";
import { VERSION_NAME_MAX_CHARS } from "../../core/versions/contract";

const name = z
  .string({ error: "versions.refused.nameRequired" })
  .trim()
  .min(1, { error: "versions.refused.nameRequired" })
  .superRefine((value, ctx) => {
    if (value.length > VERSION_NAME_MAX_CHARS) ctx.addIssue({ code: "custom", message: "versions.refused.nameTooLong", params: { max: VERSION_NAME_MAX_CHARS } });
  });
const versionId = z.uuid({ error: "versions.refused.notFound" });

/** What the History panel posts: name the current state, name a version, restore one (whole or a section). */
export const VersionIntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("name"), name }),
    z.object({ intent: z.literal("rename"), versionId, name }),
    z.object({
      intent: z.literal("restore"),
      versionId,
      // A template section's id; empty or absent restores the whole draft.
      section: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().max(200).nullable()),
    }),
  ],
  { error: "versions.refused.unknownIntent" },
);
export type VersionIntent = z.infer<typeof VersionIntentSchema>;

import { z } from "zod";

const MAX_REVIEWERS = 50;

/**
 * What the status form sends. Only drafting ↔ in review here: "Mark as submitted" (issue 8)
 * freezes the draft and is its own step.
 */
export const DraftStatusChangeSchema = z.object({
  intent: z.literal("set-status", { error: "Unknown intent: expected set-status." }),
  status: z.enum(["drafting", "in_review"], { error: "Choose Drafting or In review (submitting a draft is a separate step)." }),
  // One checked box arrives as a string, several as an array, none as nothing.
  reviewerIds: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.uuid({ error: "A reviewer id is malformed." })).max(MAX_REVIEWERS, `Choose at most ${MAX_REVIEWERS} reviewers.`),
  ),
});

import { z } from "zod";

const MAX_REVIEWERS = 50;

/**
 * What the status form sends. Only drafting ↔ in review here: "Mark as submitted" (issue 8)
 * freezes the draft and is its own step.
 */
export const DraftStatusChangeSchema = z.object({
  // Errors are catalogue ids: the route puts them into the reader's language.
  intent: z.literal("set-status", { error: "editor.status.unknownIntent" }),
  status: z.enum(["drafting", "in_review"], { error: "editor.status.chooseStatus" }),
  // One checked box arrives as a string, several as an array, none as nothing.
  reviewerIds: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.uuid({ error: "editor.status.badReviewer" }))
      // A custom issue, so the limit reaches the message as a value ({max, number}).
      .superRefine((ids, ctx) => {
        if (ids.length > MAX_REVIEWERS) ctx.addIssue({ code: "custom", message: "editor.status.tooManyReviewers", params: { max: MAX_REVIEWERS } });
      }),
  ),
});

import { z } from "zod";
import { MECHANISM_IDS } from "../../core/un/mechanisms";
import { isStateCode } from "../../core/un/states";

export const DraftSchema = z.object({
  title: z.string({ error: "Give the draft a title." }).trim().min(3, "Use at least 3 characters.").max(200, "Use at most 200 characters."),
  mechanism: z.enum(MECHANISM_IDS, { error: "Choose the mechanism you are writing to." }),
  stateUnderReview: z
    .string({ error: "Choose the State under review." })
    .refine(isStateCode, "Choose the State under review from the list."),
  deadline: z.preprocess(
    (v) => (v === "" ? null : v),
    z.iso.date({ error: "Enter the deadline as a date." }).nullable().default(null),
  ),
});

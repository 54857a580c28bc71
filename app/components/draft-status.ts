import type { DraftStatus } from "../../db/schema";

export const STATUS_LABELS: Record<DraftStatus, string> = {
  drafting: "Drafting",
  in_review: "In review",
  submitted: "Submitted",
};

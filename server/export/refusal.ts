import { JobFailed } from "../jobs/job-pool";
import { DisclosureRefusal, type DisclosureView } from "./disclosure-gate";

/**
 * An export, submission or reopening refused for a reason the person can act on: thrown inside
 * the use case (nothing was written), turned into a Refused by the service for the route.
 */
export class ExportRefusal extends Error {
  override readonly name = "ExportRefusal";
  constructor(
    readonly status: 404 | 409 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** What a route answers a refused export with: the status, the sentence, and for a disclosure the list. */
export type Refused = { ok: false; status: 403 | 404 | 409 | 422 | 503; error: string; disclosures?: DisclosureView[] };

/**
 * The refusal an error stands for, or null for an error nobody can act on (the route rethrows
 * it). A render the pool stopped (JobFailed: "took longer than 60 s", "over the 50 MB limit")
 * is 422 with the pool's sentence. One copy of server/ runs, so instanceof holds.
 */
export function refusalOf(error: unknown): Refused | null {
  if (error instanceof ExportRefusal) return { ok: false, status: error.status, error: error.message };
  if (error instanceof DisclosureRefusal) return { ok: false, status: error.status, error: error.message, disclosures: error.disclosures };
  if (error instanceof JobFailed) return { ok: false, status: 422, error: error.message };
  return null;
}

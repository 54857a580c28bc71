import { message, type Message, type MessageId } from "../../core/i18n/message";
import { JobFailed } from "../jobs/job-pool";
import { DisclosureRefusal, type DisclosureSummary, type DisclosureView } from "./disclosure-gate";
import { SignOffGateRefusal, type MissingSignOff } from "../sign-off/refusal";

/**
 * An export, submission or reopening refused for a reason the person can act on: thrown inside
 * the use case (nothing was written), turned into a Refused by the service for the route.
 * Error.message keeps the catalogue id, for logs.
 */
export class ExportRefusal extends Error {
  override readonly name = "ExportRefusal";
  readonly reason: Message;
  constructor(
    readonly status: 404 | 409 | 503,
    id: MessageId,
  ) {
    super(id);
    this.reason = message(id);
  }
}

/**
 * What a route answers a refused export with: the status, the message (a catalogue message, or
 * the job pool's failure), and for a disclosure the list and what it adds up to.
 */
export type Refused = {
  ok: false;
  status: 403 | 404 | 409 | 422 | 503;
  error: Message | string;
  disclosures?: DisclosureView[];
  summary?: DisclosureSummary;
  /** A submission without every co-submitting organisation's approval of the text (issue 21). */
  missingSignOffs?: MissingSignOff[];
};

/**
 * The refusal an error stands for, or null for an error nobody can act on (the route rethrows
 * it). A render the pool stopped (JobFailed: "took longer than 60 s", "over the 50 MB limit")
 * is 422 with the pool's message. One copy of server/ runs, so instanceof holds.
 */
export function refusalOf(error: unknown): Refused | null {
  if (error instanceof ExportRefusal) return { ok: false, status: error.status, error: error.reason };
  if (error instanceof DisclosureRefusal) return { ok: false, status: error.status, error: error.reason, disclosures: error.disclosures, summary: error.summary };
  if (error instanceof SignOffGateRefusal) return { ok: false, status: error.status, error: error.reason, missingSignOffs: error.missing };
  if (error instanceof JobFailed) return { ok: false, status: 422, error: error.reason };
  return null;
}

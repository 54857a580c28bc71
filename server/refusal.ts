import { message, type Message, type MessageId, type MessageValues } from "../core/i18n/message";

export type RefusalStatus = 400 | 403 | 404 | 409 | 503;

/**
 * A write refused for a reason the person can act on: the route answers with `status` and this
 * message, put into the person's language, and nothing was written (it is thrown inside the
 * transaction). Error.message keeps the id, for logs. Each feature names its own subclass
 * (ReviewRefusal, VersionRefusal, SignOffRefusal) so logs and tests say whose refusal it was.
 */
export class Refusal extends Error {
  override readonly name: string = "Refusal";
  readonly reason: Message;
  constructor(
    readonly status: RefusalStatus,
    id: MessageId,
    values?: MessageValues,
  ) {
    super(id);
    this.reason = message(id, values);
  }
}

/** A refused request as a service answers it to its route. */
export interface Refused {
  ok: false;
  status: RefusalStatus;
  error: Message;
}

/** Runs a write and answers `{ ok: true, …result }`, or a Refusal it threw as `Refused`; anything else propagates. */
export async function refusable<T extends object>(write: () => Promise<T>): Promise<({ ok: true } & T) | Refused> {
  try {
    return { ok: true, ...(await write()) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, status: error.status, error: error.reason };
    throw error;
  }
}

import { message, type Message, type MessageId, type MessageValues } from "../../core/i18n/message";

/**
 * A version request refused for a reason the person can act on: the route answers with `status`
 * and this message in the person's language; nothing was written.
 */
export class VersionRefusal extends Error {
  override readonly name = "VersionRefusal";
  readonly reason: Message;
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 503,
    id: MessageId,
    values?: MessageValues,
  ) {
    super(id);
    this.reason = message(id, values);
  }
}

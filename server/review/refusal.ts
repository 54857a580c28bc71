import { message, type Message, type MessageId, type MessageValues } from "../../core/i18n/message";

/**
 * A review write refused for a reason the person can act on: the route answers with `status`
 * and this message, put into the person's language, and nothing was written (it is thrown
 * inside the transaction). Error.message keeps the id, for logs.
 */
export class ReviewRefusal extends Error {
  override readonly name = "ReviewRefusal";
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

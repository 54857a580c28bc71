import { message, type Message, type MessageId } from "../../core/i18n/message";
import { Refusal } from "../refusal";

/**
 * A sign-off write refused (nothing was written): 400 for a missing comment, 403 for someone the
 * policy refuses, 404 for a version or organisation that is not the draft's, 409 for a superseded
 * request or a submitted draft, 503 when the current state could not be collected to name it.
 */
export class SignOffRefusal extends Refusal {
  override readonly name = "SignOffRefusal";
}

/** An organisation that has not approved the text being submitted, as the refusal lists it. */
export interface MissingSignOff {
  id: string;
  name: string;
}

/**
 * "Mark as submitted" stopped because not every co-submitting organisation approved the frozen
 * text: 409 when nobody overrode, 403 when someone who is not an owner tried to. Lists the
 * organisations (the people asking are members: they may read confidential names).
 */
export class SignOffGateRefusal extends Error {
  override readonly name = "SignOffGateRefusal";
  readonly reason: Message;
  constructor(
    readonly status: 403 | 409,
    id: MessageId,
    readonly missing: MissingSignOff[],
  ) {
    super(id);
    this.reason = message(id);
  }
}

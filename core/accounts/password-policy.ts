import { message, type Message } from "../i18n/message";
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes anything, but an unbounded input is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a password is refused, or null if it is acceptable. Shared by the sign-up form and the
 * server so both say the same thing; a message, so each person reads it in their language.
 */
export function passwordProblem(password: string, email?: string): Message | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return message("auth.password.tooShort", { min: PASSWORD_MIN_LENGTH });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return message("auth.password.tooLong", { max: PASSWORD_MAX_LENGTH });
  }
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) {
    return message("auth.password.common");
  }
  if (/^(.)\1+$/u.test(password)) {
    return message("auth.password.repeated");
  }
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && folded.includes(localPart)) {
    return message("auth.password.fromEmail");
  }
  return null;
}

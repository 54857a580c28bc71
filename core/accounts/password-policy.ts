import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes anything, but an unbounded input is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a password is refused, or null if it is acceptable. Shared by the sign-up form and the
 * server so both say the same thing.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) {
    return "This password is on lists attackers try first. Choose another.";
  }
  if (/^(.)\1+$/u.test(password)) {
    return "A single repeated character is too easy to guess.";
  }
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && folded.includes(localPart)) {
    return "Do not build the password from your email address.";
  }
  return null;
}

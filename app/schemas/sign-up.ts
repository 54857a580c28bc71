import { z } from "zod";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "../../core/accounts/password-policy";
import { atMost, EmailField, NameField } from "./fields";

const NewPasswordField = z.string({ error: "auth.password.choose" }).superRefine(atMost(PASSWORD_MAX_LENGTH * 4, "auth.password.tooLong"));
const TokenField = z.string({ error: "auth.invite.problemUnknown" }).regex(/^[a-z2-7]{32}$/, "auth.invite.problemUnknown");

/** A fresh install's first account: the whole form (name, address, password). */
export const FirstAccountSchema = z
  .object({ intent: z.literal("first"), name: NameField, email: EmailField, password: NewPasswordField, redirectTo: z.string().optional() })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem.id, params: problem.values });
  });

/** Open sign-up's first step: only the address, which gets the mail. */
export const OpenSignUpSchema = z.object({ intent: z.literal("open"), email: EmailField });

/**
 * The account an invitation is for, and the account from a mailed link: the address comes from the
 * invitation or the link, so the password is checked against it after the lookup (`passwordProblem`).
 */
export const InvitationSignUpSchema = z.object({ intent: z.literal("invitation"), invitation: TokenField, name: NameField, password: NewPasswordField });

export const ConfirmSignUpSchema = z.object({ name: NameField, password: NewPasswordField });

export const SIGN_UP_INTENTS = ["first", "open", "invitation"] as const;

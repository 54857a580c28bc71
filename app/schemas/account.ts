import { z } from "zod";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "../../core/accounts/password-policy";
import { EmailField, NameField } from "./fields";

const NewPasswordField = z.string({ error: "Choose a password." });

export const SignupSchema = z
  .object({
    name: NameField,
    email: EmailField,
    password: NewPasswordField,
    redirectTo: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const LoginSchema = z.object({
  email: EmailField,
  // No policy here: old passwords must still sign in; the bound only stops abuse of hashing.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH * 4),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password."),
    newPassword: NewPasswordField,
    confirmPassword: z.string({ error: "Repeat the new password." }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.newPassword);
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two passwords differ." });
    }
  });

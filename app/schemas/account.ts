import { z } from "zod";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "../../core/accounts/password-policy";
import { atMost, CheckboxField, EmailField, NameField } from "./fields";

const NewPasswordField = z.string({ error: "auth.password.choose" });

export const SignupSchema = z
  .object({
    name: NameField,
    email: EmailField,
    password: NewPasswordField,
    redirectTo: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem.id, params: problem.values });
  });

export const LoginSchema = z.object({
  email: EmailField,
  // No policy here: old passwords must still sign in; the bound only stops abuse of hashing.
  password: z.string({ error: "auth.password.enter" }).min(1, "auth.password.enter").superRefine(atMost(PASSWORD_MAX_LENGTH * 4, "auth.password.tooLong")),
  redirectTo: z.string().optional(),
  /** "This is a shared computer": the browser keeps no offline copy (issue 22). */
  shared: CheckboxField,
});

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("change-password"),
    currentPassword: z.string({ error: "auth.password.enterCurrent" }).min(1, "auth.password.enterCurrent"),
    newPassword: NewPasswordField,
    confirmPassword: z.string({ error: "auth.password.repeat" }),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.newPassword);
    if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem.id, params: problem.values });
    if (value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth.password.differ" });
    }
  });

import { z } from "zod";
import { CheckboxField } from "./fields";

/** A WebAuthn answer as @simplewebauthn/browser hands it over, posted as JSON in a form field; the server library checks its content. */
const WebAuthnJson = z
  .string({ error: "twoStep.passkey.failed" })
  .max(20_000, "twoStep.passkey.failed")
  .transform((text, ctx) => {
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") return value as { id: string; response: Record<string, unknown> };
    } catch {
      // Falls through to the issue below.
    }
    ctx.addIssue({ code: "custom", message: "twoStep.passkey.failed" });
    return z.NEVER;
  });

const Code = z.string({ error: "twoStep.code.required" }).trim().min(1, "twoStep.code.required").max(64, "twoStep.code.wrong");

export const SecondStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("totp"), code: Code }),
  z.object({ intent: z.literal("recovery-code"), code: Code }),
  z.object({ intent: z.literal("passkey"), response: WebAuthnJson }),
]);

export const PasskeySignInSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("options"), mode: z.enum(["passkey-only", "second-step"]), redirectTo: z.string().optional(), shared: CheckboxField }),
  z.object({ intent: z.literal("verify"), response: WebAuthnJson }),
]);

export const TwoStepSettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm-totp"), code: Code }),
  z.object({ intent: z.literal("regenerate-codes") }),
  z.object({
    intent: z.literal("add-passkey"),
    token: z.string().regex(/^[a-z2-7]{32}$/, "twoStep.passkey.failed"),
    name: z.string().trim().max(60, "twoStep.passkey.nameTooLong").default(""),
    response: WebAuthnJson,
  }),
  z.object({ intent: z.literal("remove-passkey"), passkeyId: z.string().min(1).max(1024) }),
  z.object({ intent: z.literal("turn-off"), password: z.string({ error: "auth.password.enterCurrent" }).min(1, "auth.password.enterCurrent").max(1024) }),
]);

export const WorkspaceTwoStepSchema = z.object({ intent: z.literal("require-two-step"), required: CheckboxField });

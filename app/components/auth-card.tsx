import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Message } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { Alert, Button, Card } from "./ui";

interface Props {
  title: string;
  intro?: ReactNode;
  /** The action's refusal of the whole form, put into the reader's language here. */
  formError?: Message;
  submitLabel: string;
  /** The other way in: "Create an account" from sign-in (where accounts can be created), and back. */
  switchPrompt?: string;
  switchLabel?: string;
  switchTo?: "/login" | "/signup";
  children: ReactNode;
}

/**
 * The sign-in and sign-up card. Both carry `redirectTo` through the form and across the switch
 * link, so an invitee comes back to their invitation whichever way they take.
 */
export function AuthCard({ title, intro, formError, submitLabel, switchPrompt, switchLabel, switchTo, children }: Props) {
  const { text } = useT();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const redirectTo = params.get("redirectTo") ?? "";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {formError ? <Alert tone="error">{text(formError)}</Alert> : null}
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          {children}
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
        </Form>
        {switchTo ? (
          <p className="auth-switch">
            {switchPrompt} <Link to={`${switchTo}${query}`}>{switchLabel}</Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

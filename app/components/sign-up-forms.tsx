import { Link } from "@remix-run/react";
import { PASSWORD_MIN_LENGTH } from "../../core/accounts/password-policy";
import type { Message, MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import { AuthCard } from "./auth-card";
import { Alert, ButtonLink, Card, TextField } from "./ui";

/** What an action refused, as the page shows it. */
export interface SignUpFailure {
  fieldErrors: Record<string, Message[] | undefined>;
  formError?: Message;
}

/** The password a new account is made with, and the policy's hint (every sign-up form). */
export function NewPasswordField({ errors }: { errors?: Message[] }) {
  const { t } = useT();
  return (
    <TextField
      label={t("auth.field.password")}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      description={t("auth.signup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
      errors={errors}
    />
  );
}

/** A fresh install's first visitor: the whole form, and the account is theirs at once. */
export function FirstAccountForm({ failure }: { failure?: SignUpFailure }) {
  const { t } = useT();
  const errors = failure?.fieldErrors ?? {};
  return (
    <AuthCard
      title={t("signup.first.heading")}
      intro={t("signup.first.intro")}
      formError={failure?.formError}
      submitLabel={t("auth.signup.submit")}
      switchPrompt={t("auth.signup.switchPrompt")}
      switchLabel={t("auth.signup.switchLabel")}
      switchTo="/login"
    >
      <input type="hidden" name="intent" value="first" />
      <TextField label={t("auth.field.name")} name="name" autoComplete="name" required errors={errors.name} />
      <TextField label={t("auth.field.email")} name="email" type="email" autoComplete="email" required errors={errors.email} />
      <NewPasswordField errors={errors.password} />
    </AuthCard>
  );
}

/** Open sign-up: only the address; what happens next arrives by mail. */
export function OpenSignUpForm({ failure }: { failure?: SignUpFailure }) {
  const { t } = useT();
  return (
    <AuthCard
      title={t("auth.signup.heading")}
      intro={t("signup.open.intro")}
      formError={failure?.formError}
      submitLabel={t("signup.open.submit")}
      switchPrompt={t("auth.signup.switchPrompt")}
      switchLabel={t("auth.signup.switchLabel")}
      switchTo="/login"
    >
      <input type="hidden" name="intent" value="open" />
      <TextField label={t("auth.field.email")} name="email" type="email" autoComplete="email" required errors={failure?.fieldErrors.email} />
    </AuthCard>
  );
}

/** The one answer open sign-up gives, whether or not the address has an account. */
export function CheckInbox({ email }: { email: string }) {
  const { t } = useT();
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <h1>{t("signup.open.sentHeading")}</h1>
        <Alert tone="success">{t("signup.open.sentBody", { email })}</Alert>
        <p className="muted small">{t("signup.open.sentHint")}</p>
        <Link to="/login">{t("auth.signup.switchLabel")}</Link>
      </Card>
    </div>
  );
}

/** An invitation's account: its address is fixed; name and password make the account and join. */
export function InvitationSignUpForm({
  token,
  invite,
  hasAccount,
  failure,
}: {
  token: string;
  invite: { workspaceName: string; email: string; maskedEmail: string };
  hasAccount: boolean;
  failure?: SignUpFailure;
}) {
  const { t } = useT();
  const errors = failure?.fieldErrors ?? {};
  const back = encodeURIComponent(`/invite/${token}`);
  if (hasAccount) {
    return (
      <div className="narrow-page">
        <Card className="auth-card">
          <h1>{t("signup.invitation.heading", { workspace: invite.workspaceName })}</h1>
          <Alert tone="info">{t("signup.invitation.hasAccount")}</Alert>
          <ButtonLink to={`/login?redirectTo=${back}`}>{t("signup.invitation.signInToAccept")}</ButtonLink>
        </Card>
      </div>
    );
  }
  return (
    <AuthCard
      title={t("signup.invitation.heading", { workspace: invite.workspaceName })}
      intro={t("signup.invitation.intro")}
      formError={failure?.formError}
      submitLabel={t("auth.signup.submit")}
      switchPrompt={t("auth.signup.switchPrompt")}
      switchLabel={t("auth.signup.switchLabel")}
      switchTo="/login"
    >
      <input type="hidden" name="intent" value="invitation" />
      <input type="hidden" name="invitation" value={token} />
      <TextField label={t("auth.field.name")} name="name" autoComplete="name" required errors={errors.name} />
      <TextField label={t("auth.field.email")} type="email" autoComplete="email" readOnly value={invite.email} description={t("signup.invitation.emailFixed")} />
      <NewPasswordField errors={errors.password} />
    </AuthCard>
  );
}

export function InvitationProblem({ problem }: { problem: MessageId }) {
  const { t } = useT();
  return (
    <div className="narrow-page">
      <Card>
        <h1>{t("auth.invite.heading")}</h1>
        <Alert tone="error">{t(problem)}</Alert>
        <Link to="/">{t("auth.invite.goHome")}</Link>
      </Card>
    </div>
  );
}

/** Accounts are by invitation: nothing to fill in, only where to turn. */
export function ByInvitationOnly() {
  const { t } = useT();
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <h1>{t("signup.closed.heading")}</h1>
        <p>{t("signup.closed.body")}</p>
        <p className="auth-switch">
          {t("auth.signup.switchPrompt")} <Link to="/login">{t("auth.signup.switchLabel")}</Link>
        </p>
      </Card>
    </div>
  );
}

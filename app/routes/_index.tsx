import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, ButtonLink } from "../components/ui";
import { getUser } from "../auth/auth.server";
import { useT } from "../i18n/i18n-provider";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/workspaces");
  // A fresh install leads its first visitor to the first account; by invitation, nobody is sent to a closed door.
  return { signUp: await context.services.registration.mode() };
}

export default function Home() {
  const { t } = useT();
  const { signUp } = useLoaderData<typeof loader>();
  return (
    <section className="hero">
      <div>
        <p className="eyebrow">{t("auth.home.eyebrow")}</p>
        <h1>{t("auth.home.title")}</h1>
        <p className="hero-lead">{t("auth.home.lead")}</p>
        {signUp === "first" ? <Alert tone="info">{t("signup.home.firstLead")}</Alert> : null}
        <div className="form-actions">
          {signUp === "first" ? <ButtonLink to="/signup">{t("signup.home.firstAccount")}</ButtonLink> : null}
          {signUp === "open" ? <ButtonLink to="/signup">{t("auth.home.createAccount")}</ButtonLink> : null}
          <ButtonLink to="/login" variant="secondary">
            {t("auth.home.signIn")}
          </ButtonLink>
        </div>
      </div>
      <div className="card">
        <h2>{t("auth.home.featuresTitle")}</h2>
        <ul className="feature-list">
          <li>{t("auth.home.featureWorkspace")}</li>
          <li>{t("auth.home.featureRoles")}</li>
          <li>{t("auth.home.featureInvitations")}</li>
          <li>{t("auth.home.featureAudit")}</li>
        </ul>
      </div>
    </section>
  );
}

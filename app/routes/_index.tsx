import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ButtonLink } from "../components/ui";
import { getUser } from "../auth/auth.server";
import { useT } from "../i18n/i18n-provider";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/workspaces");
  return null;
}

export default function Home() {
  const { t } = useT();
  return (
    <section className="hero">
      <div>
        <p className="eyebrow">{t("auth.home.eyebrow")}</p>
        <h1>{t("auth.home.title")}</h1>
        <p className="hero-lead">{t("auth.home.lead")}</p>
        <div className="form-actions">
          <ButtonLink to="/signup">{t("auth.home.createAccount")}</ButtonLink>
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

import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ForgetBrowserData } from "../account/forget-browser-data";
import { useOptionalUser } from "../hooks/use-optional-user";
import { useT } from "../i18n/i18n-provider";
import { LanguageMenu } from "../i18n/language-menu";
import type { loader as rootLoader } from "../root";

/** The frame every page shares: skip link, brand, the language, the signed-in person and sign-out. */
export function AppShell({ children }: { children: ReactNode }) {
  const user = useOptionalUser();
  const canSignUp = useRouteLoaderData<typeof rootLoader>("root")?.canSignUp ?? false;
  const { t } = useT();
  return (
    <>
      <ForgetBrowserData />
      <a className="skip-link" href="#main">
        {t("common.shell.skip")}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={user ? "/workspaces" : "/"} className="brand">
            {/* The mark's letter is drawn by CSS (.brand-mark::before): a logo, not a word to translate. */}
            <span className="brand-mark" aria-hidden="true" />
            {t("common.meta.title")}
          </Link>
          <nav className="topbar-nav" aria-label={t("common.shell.accountNav")}>
            <LanguageMenu />
            {user ? (
              <>
                <Link to="/workspaces">{t("common.shell.workspaces")}</Link>
                <Link to="/account" className="topbar-user">
                  {user.name}
                </Link>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="btn btn-ghost btn-sm">
                    {t("common.shell.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login">{t("common.shell.signIn")}</Link>
                {canSignUp ? (
                  <Link to="/signup" className="btn btn-primary btn-sm">
                    {t("common.shell.createAccount")}
                  </Link>
                ) : null}
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

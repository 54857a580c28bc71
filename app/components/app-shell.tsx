import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useOptionalUser } from "../hooks/use-optional-user";

/** The frame every page shares: skip link, brand, the signed-in person and sign-out. */
export function AppShell({ children }: { children: ReactNode }) {
  const user = useOptionalUser();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={user ? "/workspaces" : "/"} className="brand">
            <span className="brand-mark" aria-hidden="true">
              C
            </span>
            Caucus
          </Link>
          <nav className="topbar-nav" aria-label="Account">
            {user ? (
              <>
                <Link to="/workspaces">Workspaces</Link>
                <Link to="/account" className="topbar-user">
                  {user.name}
                </Link>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="btn btn-ghost btn-sm">
                    Sign out
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login">Sign in</Link>
                <Link to="/signup" className="btn btn-primary btn-sm">
                  Create account
                </Link>
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

import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { ButtonLink } from "../components/ui";
import { getUser } from "../auth/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/workspaces");
  return null;
}

export default function Home() {
  return (
    <section className="hero">
      <div>
        <p className="eyebrow">For coalitions reporting to the UN</p>
        <h1>One live draft for your coalition&rsquo;s UN submission.</h1>
        <p className="hero-lead">
          Caucus lets member organisations write a Universal Periodic Review or treaty-body report together, keep
          reviewers to comments, and control who can see what &mdash; without emailing Word files around.
        </p>
        <div className="form-actions">
          <ButtonLink to="/signup">Create an account</ButtonLink>
          <ButtonLink to="/login" variant="secondary">
            Sign in
          </ButtonLink>
        </div>
      </div>
      <div className="card">
        <h2>Built for how submissions are written</h2>
        <ul className="feature-list">
          <li>A workspace per coalition, with member organisations &mdash; confidential ones never named outside it.</li>
          <li>Roles: owners, editors, reviewers who comment but cannot edit, and viewers.</li>
          <li>Invitations by one-time link; no mail server needed.</li>
          <li>An audit log of every change to who can see and edit your drafts.</li>
        </ul>
      </div>
    </section>
  );
}

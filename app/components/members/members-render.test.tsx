import { renderToStaticMarkup } from "react-dom/server";
import type { ReactNode } from "react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { InterfaceLocale } from "../../../core/i18n/locales";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { holdCatalogue } from "../../i18n/catalogues";
import { I18nProvider } from "../../i18n/i18n-provider";
import { OrganisationRow } from "../organisations/organisation-row";
import { InvitationList } from "./invitation-list";
import { MemberList } from "./member-list";

for (const locale of ["en", "fr", "es", "ar"] as const) holdCatalogue(locale, UI_CATALOGUES[locale]);

/** A component in a language, inside a server-side router (its forms need one), as static markup. */
async function render(locale: InterfaceLocale, element: ReactNode): Promise<string> {
  const handler = createStaticHandler([{ path: "/", element: <I18nProvider preferences={{ locale, numerals: "latn" }}>{element}</I18nProvider> }]);
  const context = await handler.query(new Request("http://caucus.test/"));
  if (context instanceof Response) throw new Error("the test route answered a redirect");
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const members = [
  { membershipId: "m1", userId: "u1", name: "Amina", email: "amina@example.org", role: "owner", organisationId: null },
  { membershipId: "m2", userId: "u2", name: "Ben", email: "ben@example.org", role: "editor", organisationId: null },
] as Parameters<typeof MemberList>[0]["members"];

describe("the members page's parts in the reader's language", () => {
  it("reads in English as before: roles, the screen-reader names of Leave and Remove", async () => {
    const html = await render("en", <MemberList members={members} organisations={[]} currentUserId="u1" />);
    expect(html).toContain(">Owner</option>");
    expect(html).toContain('Leave<span class="sr-only"> the workspace</span>');
    expect(html).toContain('Remove<span class="sr-only"> Ben</span>');
  });

  it("reads in French and Arabic, role names and dates included", async () => {
    const invitation = { id: "i1", email: "rita@example.org", role: "reviewer" as const, organisationName: "HRW", invitedByName: null, expiresAt: "2026-03-01T12:00:00.000Z" };
    const french = await render("fr", <InvitationList invitations={[invitation]} />);
    expect(french).toContain("Invitations en attente");
    expect(french).toContain("HRW · invité par un ancien membre");
    expect(french).toContain(">Relecteur<");
    expect(french).toContain("1 mars 2026");
    const arabic = await render("ar", <MemberList members={members} organisations={[]} currentUserId="u2" />);
    expect(arabic).toContain(">مالك</option>");
    expect(arabic).toContain('مغادرة<span class="sr-only"> مساحة العمل</span>');
  });

  it("marks a confidential organisation in Spanish", async () => {
    const html = await render("es", <ul><OrganisationRow canManage organisation={{ id: "o1", name: "Human Rights Watch", acronym: "HRW", confidential: true }} /></ul>);
    expect(html).toContain("(HRW)");
    expect(html).toContain(">Confidencial<");
    expect(html).toContain('aria-label="Eliminar Human Rights Watch"');
  });
});

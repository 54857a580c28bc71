import { describe, expect, it } from "vitest";
import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { describeAuditEvent } from "./describe-event";

const en = createTranslator("en", UI_CATALOGUES.en);
const fr = createTranslator("fr", UI_CATALOGUES.fr, { fallback: UI_CATALOGUES.en });
const ar = createTranslator("ar", UI_CATALOGUES.ar, { fallback: UI_CATALOGUES.en });

describe("describeAuditEvent", () => {
  it("reads in English as the audit log always has", () => {
    expect(describeAuditEvent(en, "invitation.created", { email: "rita@example.org", role: "reviewer" })).toBe("invited rita@example.org as Reviewer");
    expect(describeAuditEvent(en, "invitation.accepted", { role: "reviewer" })).toBe("joined as Reviewer through an invitation");
    expect(describeAuditEvent(en, "draft.created", { title: "Joint submission, 4th cycle", mechanism: "UPR" })).toBe("created the draft “Joint submission, 4th cycle” (UPR)");
    expect(
      describeAuditEvent(en, "draft.reviewers_changed", { title: "Ghana", added: [{ name: "Ana" }, { name: "Ben" }, {}], removed: [] }),
    ).toBe("changed the reviewers of the draft “Ghana” (added Ana, Ben, and a former member)");
  });

  it("reads the same stored event in French and in Arabic, roles and counts included", () => {
    const event = { title: "Ghana", mechanism: "UPR", file: "ghana.docx", numberedParagraphs: 12, footnotes: 1, comments: 2 };
    expect(describeAuditEvent(fr, "invitation.created", { email: "rita@example.org", role: "reviewer" })).toBe("a invité rita@example.org en tant que Relecteur");
    expect(describeAuditEvent(fr, "draft.imported", event)).toBe(
      "a créé le projet «\u00a0Ghana\u00a0» (UPR) à partir du fichier Word ghana.docx : 12 paragraphes numérotés, 1 note de bas de page, 2 commentaires",
    );
    expect(describeAuditEvent(ar, "invitation.created", { email: "rita@example.org", role: "reviewer" })).toBe("دعوة rita@example.org بصفة مراجع");
    expect(describeAuditEvent(ar, "draft.exported", { title: "Ghana", format: "pdf", overridden: { "confidential.mention": 2, "placeholder.left": 3 } })).toBe(
      "تصدير المسودة «Ghana» بصيغة PDF، مع التصدير رغم إشارتين إلى منظمة سرية و3 عناصر نائبة من النموذج",
    );
  });

  it("says whether the owner required two-step sign-in or lifted it", () => {
    expect(describeAuditEvent(en, "workspace.two_step_required", { required: true })).toBe("turned on two-step sign-in for everyone");
    expect(describeAuditEvent(fr, "workspace.two_step_required", { required: false })).toBe("a levé l'exigence de connexion en deux étapes");
  });

  it("names an unknown role rather than show its code", () => {
    expect(describeAuditEvent(fr, "member.removed", { member: "Ana", role: "admin" })).toBe("a retiré Ana (rôle inconnu)");
  });
});

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** What the suite refuses: axe's two highest impacts. Moderate and minor findings are read, not gated. */
const GATED = new Set(["serious", "critical"]);

/**
 * Runs axe-core on the page as it is now (every rule axe enables by default: WCAG 2.0–2.2 A and
 * AA, and its best practices) and returns the serious and critical violations, each as one line
 * naming the page, the rule and the elements, so a failing test says what to fix.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  // Only violations are read: axe then keeps one example node for passes and the rest, which
  // shortens each run noticeably on large pages such as the editor.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((violation) => GATED.has(violation.impact ?? ""))
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`);
      return `${where}: ${violation.impact} ${violation.id} (${violation.help}) on ${nodes.join(" | ")}`;
    });
}

import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

/**
 * "Delete…" on one of the coalition's own records. The confirmation sits in a <details>, so it
 * takes a second, deliberate click with or without JavaScript and no dialog steals focus.
 */
export function DeleteRecommendationForm({ recommendationId, label }: { recommendationId: string; label: string }) {
  const { t } = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("recommendationId") === recommendationId;
  return (
    <details className="rec-delete">
      <summary>
        {t("library.delete.open")} <span className="sr-only">{label}</span>
      </summary>
      <Form method="post" className="rec-delete-form">
        <input type="hidden" name="intent" value="delete-recommendation" />
        <input type="hidden" name="recommendationId" value={recommendationId} />
        <p className="small">{t("library.delete.confirm")}</p>
        <Button type="submit" variant="danger" size="sm" busy={busy}>
          {t("library.delete.submit")}
        </Button>
      </Form>
    </details>
  );
}

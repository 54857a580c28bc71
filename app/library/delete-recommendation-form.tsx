import { Form, useNavigation } from "@remix-run/react";
import { Button } from "../components/ui";

/**
 * "Delete…" on one of the coalition's own records. The confirmation sits in a <details>, so it
 * takes a second, deliberate click with or without JavaScript and no dialog steals focus.
 */
export function DeleteRecommendationForm({ recommendationId, label }: { recommendationId: string; label: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("recommendationId") === recommendationId;
  return (
    <details className="rec-delete">
      <summary>
        Delete… <span className="sr-only">{label}</span>
      </summary>
      <Form method="post" className="rec-delete-form">
        <input type="hidden" name="intent" value="delete-recommendation" />
        <input type="hidden" name="recommendationId" value={recommendationId} />
        <p className="small">Delete it from the coalition’s library? Drafts that quote it keep their copy.</p>
        <Button type="submit" variant="danger" size="sm" busy={busy}>
          Delete recommendation
        </Button>
      </Form>
    </details>
  );
}

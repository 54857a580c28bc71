import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "../i18n/i18n-provider";
import { Button } from "../components/ui";

export interface FocalPointView {
  /** The focal point's user id and name, or null when none is named. */
  focalPoint: { id: string; name: string } | null;
  /** The members whose membership is in the organisation: the only ones who can be named. */
  candidates: Array<{ id: string; name: string }>;
  /** The reader may name or clear the focal point (core/policies/sign-off.ts: owners, the focal point). */
  canSet: boolean;
}

/**
 * An organisation's focal point on the Organisations page: who signs drafts for it, and for
 * those who may, a choice among the organisation's members (or nobody). The route decides again.
 */
export function FocalPointForm({ organisation, view }: { organisation: { id: string; name: string }; view: FocalPointView }) {
  const { t } = useT();
  const id = useId();
  if (!view.canSet) {
    return <p className="small muted">{view.focalPoint ? t("signOff.focal.is", { name: view.focalPoint.name }) : t("signOff.focal.none")}</p>;
  }
  return (
    <Form method="post" className="inline-controls focal-point-form">
      <input type="hidden" name="intent" value="set-focal-point" />
      <input type="hidden" name="organisationId" value={organisation.id} />
      <label className="small" htmlFor={id}>
        {t("signOff.focal.label", { organisation: organisation.name })}
      </label>
      <select id={id} name="focalPointId" className="input" defaultValue={view.focalPoint?.id ?? ""}>
        <option value="">{t("signOff.focal.nobody")}</option>
        {view.candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary">
        {t("signOff.focal.save")}
      </Button>
    </Form>
  );
}

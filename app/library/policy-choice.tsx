import { useId } from "react";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import type { BadRowPolicyChoice } from "../schemas/library";

const CHOICES: Array<{
  value: BadRowPolicyChoice;
  label: MessageId;
  description: MessageId;
}> = [
  { value: "all-or-nothing", label: "import.policy.allOrNothing", description: "import.policy.allOrNothing.description" },
  {
    value: "skip-bad-rows",
    label: "import.policy.skipBadRows",
    description: "import.policy.skipBadRows.description",
  },
];

/** What happens to rows that cannot be imported: the person decides, nothing is silently dropped. */
export function PolicyChoice({ legend }: { legend?: string }) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset className="policy-choice">
      <legend className="field-label">{legend ?? t("import.policy.legend")}</legend>
      {CHOICES.map((choice, i) => (
        <div key={choice.value} className="field-radio">
          <input type="radio" id={`${id}-${choice.value}`} name="policy" value={choice.value} defaultChecked={i === 0} aria-describedby={`${id}-${choice.value}-d`} />
          <label htmlFor={`${id}-${choice.value}`}>
            <span className="field-label">{t(choice.label)}</span>
            <span id={`${id}-${choice.value}-d`} className="field-description">
              {t(choice.description)}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

import { useId } from "react";
import type { BadRowPolicyChoice } from "../schemas/library";

const CHOICES: Array<{ value: BadRowPolicyChoice; label: string; description: string }> = [
  { value: "all-or-nothing", label: "Import nothing until fixed", description: "The library stays as it is; fix the rows listed and import the file again." },
  { value: "skip-bad-rows", label: "Import the good rows", description: "The rows listed are left out; the rest are imported now." },
];

/** What happens to rows that cannot be imported: the person decides, nothing is silently dropped. */
export function PolicyChoice({ legend = "Rows that cannot be imported" }: { legend?: string }) {
  const id = useId();
  return (
    <fieldset className="policy-choice">
      <legend className="field-label">{legend}</legend>
      {CHOICES.map((choice, i) => (
        <div key={choice.value} className="field-radio">
          <input type="radio" id={`${id}-${choice.value}`} name="policy" value={choice.value} defaultChecked={i === 0} aria-describedby={`${id}-${choice.value}-d`} />
          <label htmlFor={`${id}-${choice.value}`}>
            <span className="field-label">{choice.label}</span>
            <span id={`${id}-${choice.value}-d`} className="field-description">
              {choice.description}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

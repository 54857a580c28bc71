import { useId, useRef, useState } from "react";
import { useT } from "../../i18n/i18n-provider";
import { Button } from "./button";

/** A read-only value with a Copy button: for one-time links that are shown once. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useT();
  const id = useId();
  const [copied, setCopied] = useState<boolean | "refused">(false);
  const inputRef = useRef<HTMLInputElement>(null);
  // The clipboard is refused without permission or on plain http (no navigator.clipboard): say so
  // and select the link for Ctrl+C, rather than claim it was copied.
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied("refused");
      inputRef.current?.select();
    }
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input ref={inputRef} id={id} className="input mono" readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          variant="secondary"
          onClick={() => void copy()}
        >
          {copied === true ? t("workspace.copy.copied") : t("workspace.copy.copy")}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied === true ? t("workspace.copy.copiedLive") : copied === "refused" ? t("workspace.copy.refused") : ""}
      </p>
    </div>
  );
}

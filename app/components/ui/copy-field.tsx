import { useId, useRef, useState } from "react";
import { Button } from "./button";

/** A read-only value with a Copy button: for one-time links that are shown once. */
export function CopyField({ label, value }: { label: string; value: string }) {
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
          {copied === true ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {copied === true ? "Link copied to the clipboard." : copied === "refused" ? "The browser did not allow copying: the link is selected, press Ctrl+C." : ""}
      </p>
    </div>
  );
}

import type { ButtonHTMLAttributes } from "react";
import { Link, type LinkProps } from "@remix-run/react";
import { cx } from "./cx";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Size = "md" | "sm";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  /** Shows a busy state and blocks double submission while a form is in flight. */
  busy?: boolean;
}

export function Button({ variant = "primary", size = "md", busy, className, children, disabled, ...rest }: ButtonProps) {
  return (
    <button
      className={cx("btn", `btn-${variant}`, size === "sm" && "btn-sm", className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  variant = "primary",
  size = "md",
  className,
  ...rest
}: LinkProps & { variant?: Variant; size?: Size }) {
  return <Link className={cx("btn", `btn-${variant}`, size === "sm" && "btn-sm", className)} {...rest} />;
}

import { Link } from "@remix-run/react";

const TITLES: Record<number, string> = {
  403: "You do not have access to this",
  404: "Page not found",
  429: "Too many requests",
};

/** A readable error page. Server details never reach it: only the status and our own message. */
export function ErrorPage({ status, message }: { status: number; message?: string }) {
  const title = TITLES[status] ?? "Something went wrong";
  const body =
    status >= 500
      ? "The error has been logged. Your work is safe; try again in a moment."
      : message || "Check the address, or go back to your workspaces.";
  return (
    <div className="card" role="alert">
      <p className="eyebrow">Error {status}</p>
      <h1>{title}</h1>
      <p className="muted">{body}</p>
      <Link to="/workspaces">Back to your workspaces</Link>
    </div>
  );
}

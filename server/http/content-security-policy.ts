import { randomBytes } from "node:crypto";

/** A fresh nonce per response: 128 random bits, base64 (what CSP's nonce-source accepts). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts run only when they carry this
 * response's nonce (Remix's inline hand-off scripts and the entry module, app/root.tsx), or when a
 * nonced script loaded them ('strict-dynamic': the route chunks Remix imports); injected markup
 * can run nothing, there is no 'unsafe-inline' or 'unsafe-eval' for scripts. CSP3 browsers ignore
 * host sources beside 'strict-dynamic', so none are listed.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    // Inline styles stay allowed: ProseMirror and y-prosemirror write `style` attributes (remote
    // cursors' colours, the editor's own decorations) and React renders a few style props into
    // the server's HTML. CSS cannot run script, and no style comes from another origin.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    // The collaboration socket is same-origin: CSP3 lets 'self' match ws:/wss: on the same host.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

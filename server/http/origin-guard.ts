import type { RequestHandler } from "express";
import { negotiateLocale } from "../../core/i18n/locales";
import { uiTranslator } from "../../locales/ui/all";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request comes from our own pages. Browsers send Origin on every cross-site and
 * same-site POST; Referer is the fallback for the odd client that omits Origin. Neither → refuse.
 */
export function isSameOriginRequest(headers: { origin?: string; referer?: string }, expectedOrigin: string): boolean {
  const claimed = headers.origin ?? originOf(headers.referer);
  return claimed !== undefined && claimed !== "null" && claimed === expectedOrigin;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** CSRF defence for every mutating request (Remix actions included): same origin or 403. */
export function originGuard(publicOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const expected = publicOrigin ?? `${req.protocol}://${req.get("host")}`;
    const headers = { origin: req.get("origin"), referer: req.get("referer") };
    if (isSameOriginRequest(headers, expected)) return next();
    res.status(403).type("text/plain").send(refusal(req.get("accept-language")));
  };
}

/**
 * The refusal in the browser's preferred language. It is answered before the app knows who is
 * asking, so the account's language is not at hand; the browser's is the best guess left.
 */
function refusal(acceptLanguage: string | undefined): string {
  const locale = negotiateLocale(acceptLanguage);
  return uiTranslator(locale).t("auth.request.crossOrigin");
}

import type { RequestHandler } from "express";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

declare module "express-serve-static-core" {
  interface Locals {
    /** This response's CSP nonce: Remix puts it on its scripts (RequestContext.cspNonce). */
    cspNonce: string;
  }
}

export interface SecurityHeaderOptions {
  /** The public origin (ORIGIN); HSTS is sent only when it is https. */
  publicOrigin: string | undefined;
  /**
   * Vite's development server: the policy is reported, not enforced (Report-Only), since Vite's
   * client injects what the production build never does; the production server enforces it.
   */
  development: boolean;
}

/**
 * Headers for people who work under surveillance: no framing, no MIME sniffing, no Referer
 * leaking workspace or invitation URLs to other sites, no script but our own (CSP with a nonce
 * per response), and, over https, no plain-http visit ever again (HSTS).
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  const https = options.publicOrigin?.startsWith("https://") ?? false;
  const cspHeader = options.development ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy";
  return (_req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.setHeader(cspHeader, contentSecurityPolicy(nonce));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    // Two years, the preload lists' minimum. Not includeSubDomains: other hosts under the
    // operator's domain may not serve https, and this header would lock people out of them.
    if (https) res.setHeader("Strict-Transport-Security", "max-age=63072000");
    next();
  };
}

/**
 * Every answer Remix gives (documents, data requests, resource routes) is `no-store` unless the
 * route said otherwise: on a shared computer the browser keeps no copy of a signed-in page to
 * show the next person (Back included). Static assets are served before this and stay cached.
 */
export function noStoreByDefault(): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", "no-store");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

import { createContext, useContext } from "react";

/**
 * This response's CSP nonce, from the load context (server/http/security-headers.ts) through
 * entry.server.tsx to the scripts root.tsx renders. In the browser it is empty: the browser
 * hides nonce attributes from the DOM once the page is parsed, and scripts added after
 * hydration are loaded by the nonced entry module ('strict-dynamic'), so they need none.
 */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

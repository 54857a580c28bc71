import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isInterfaceLocale } from "../core/i18n/locales";
import { loadCatalogue } from "../locales/ui/load";
import { holdCatalogue } from "./i18n/catalogues";

/**
 * Remix's default browser entry, after one step: the catalogue of the language the server
 * rendered in (root.tsx writes it on <html data-locale>) is loaded first, so hydration renders
 * the same words the server sent, and the browser downloads that one language only.
 */
async function hydrate(): Promise<void> {
  const rendered = document.documentElement.dataset.locale;
  const locale = isInterfaceLocale(rendered) ? rendered : DEFAULT_LOCALE;
  holdCatalogue(locale, await loadCatalogue(locale));
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

void hydrate();

import { useSyncExternalStore } from "react";

/**
 * The reader's colour scheme: the system's (the default), or light or dark as chosen in the header,
 * remembered in the browser (localStorage) and shown as `data-scheme` on `<html>`, which the site's
 * styles follow (app.css, light-dark()).
 */
export type Scheme = "system" | "light" | "dark";

const STORAGE_KEY = "folio-scheme";

/**
 * Applies a remembered choice before the page first paints, so a reader who chose dark never sees a
 * flash of light: an inline script at the top of every page (root.tsx), allowed by the page's
 * Content-Security-Policy by its hash. It runs on pages without React too (the 404 page).
 */
export const SCHEME_SCRIPT = `try{var s=localStorage.getItem(${JSON.stringify(STORAGE_KEY)});if(s==="light"||s==="dark")document.documentElement.dataset.scheme=s}catch(e){}`;

const OPTIONS: { value: Scheme; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** The header's control: a labelled select, so it works by keyboard and screen reader as any form field does. */
export function SchemeSwitch() {
  // The prerendered page says "System"; the browser then shows the reader's choice.
  const scheme = useSyncExternalStore(subscribe, storedScheme, () => "system");
  return (
    <label className="scheme-switch">
      <span className="visually-hidden">Colour scheme</span>
      <select value={scheme} onChange={(event) => choose(event.target.value as Scheme)}>
        {OPTIONS.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

const listeners = new Set<() => void>();

/** Listens for a choice made here or in another tab of the site. */
function subscribe(listener: () => void): () => void {
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    apply(storedScheme());
    listener();
  };
  listeners.add(listener);
  window.addEventListener("storage", fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", fromOtherTab);
  };
}

function storedScheme(): Scheme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system"; // storage blocked: the system's scheme, not remembered
  }
}

function choose(scheme: Scheme) {
  try {
    if (scheme === "system") localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, scheme);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  apply(scheme);
  for (const listener of listeners) listener();
}

function apply(scheme: Scheme) {
  if (scheme === "system") delete document.documentElement.dataset.scheme;
  else document.documentElement.dataset.scheme = scheme;
}

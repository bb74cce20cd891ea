import { useEffect } from 'react';

/** The application's name, last in every tab title. */
export const APP_NAME = 'Mutualis';

// Two layers: the screen's kind (set by the shell from the route) and, once loaded, its subject (set by
// the page). Kept outside React so that the order in which effects run does not matter.
let screenTitle: string | null = null;
let subjectTitle: string | null = null;

function applyTitle(): void {
  const title = subjectTitle ?? screenTitle;
  document.title = title ? `${title} — ${APP_NAME}` : APP_NAME;
}

/**
 * Names the page in the browser tab (RGAA 8.6): « Opportunité : Sel de déneigement — Mutualis ».
 * A page calls it with its subject once loaded (null while loading keeps the screen's title).
 */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    subjectTitle = title;
    applyTitle();
    return () => {
      subjectTitle = null;
      applyTitle();
    };
  }, [title]);
}

/** The shell's part: the title of the kind of screen shown (see screen-title.ts). */
export function useScreenTitle(title: string): void {
  useEffect(() => {
    screenTitle = title;
    applyTitle();
  }, [title]);
}

import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'mutualis:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

/** Client-side navigation with the History API (the server answers index.html for app paths). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo({ top: 0 });
}

/** The current pathname + search, re-rendering on navigation. */
export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

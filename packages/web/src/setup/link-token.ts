/**
 * The token of a one-time link, read from the URL fragment (`#jeton=…`: browsers never send the
 * fragment, so no server or proxy log keeps it), then removed from the address bar and history.
 */
export function takeLinkToken(): string | null {
  const match = /(?:^#|&)jeton=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return match[1];
}

/**
 * The page to go back to after signing in. Only a path on this site is accepted ("/designer", "/rules?x=1"):
 * anything else ("//evil.example", "https://...", "/\\evil") falls back to the home page, so a crafted sign-in
 * link cannot send the user elsewhere (open redirect).
 */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  try {
    const url = new URL(value, window.location.origin);
    if (url.origin !== window.location.origin || url.pathname === '/login') {
      return '/';
    }
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** The sign-in page's address that comes back to the current page. */
export function loginUrlForHere(): string {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return here === '/' ? '/login' : `/login?returnUrl=${encodeURIComponent(here)}`;
}

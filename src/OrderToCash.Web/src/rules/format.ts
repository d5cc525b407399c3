const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A server instant in the reader's time zone, e.g. "23 Nov 2026, 18:40". */
export function formatDate(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** True when the instant is still to come (a version that is not in force yet). */
export function isFuture(iso: string): boolean {
  return new Date(iso).getTime() > Date.now();
}

/** Clock arithmetic on RFC 3339 instants that come in with the inputs; nothing here reads the clock. */
export function addSeconds(instant: string, seconds: number): string {
  return new Date(Date.parse(instant) + seconds * 1000).toISOString();
}

export function isAtOrAfter(instant: string, reference: string): boolean {
  return Date.parse(instant) >= Date.parse(reference);
}

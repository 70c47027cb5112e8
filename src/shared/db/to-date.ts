/** A timestamp as raw SQL returns it (the driver may give a string) as a Date, or null. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

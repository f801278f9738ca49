// The date on the lab computer's calendar. Not toISOString's, which is UTC's: in a clinic east of
// Greenwich a session recorded in the morning got yesterday's date, and a child's birthday ran a
// day late or early.

/** YYYY-MM-DD of an instant in the computer's own time zone. */
export function localIsoDate(at: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}

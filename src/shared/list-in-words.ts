// Several items in a sentence, as a reader says them: "3", "3 and 9", "3, 9 and 15".
export function listInWords(items: ReadonlyArray<string | number>): string {
  return items.length <= 1
    ? String(items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

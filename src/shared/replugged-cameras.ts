// A camera unplugged and plugged back in may come back under another device id (another USB port,
// some hubs): the browser lists it as a new camera with the same name. Its row keeps its view and
// takes the new id, but only where the name tells which lost camera it is: two cameras of one
// model share a name, and guessing between them could swap a frontal and a sagittal view.

export interface ListedCamera {
  deviceId: string;
  label: string;
}

/**
 * New device id per lost camera that came back under another one: a lost camera not listed any
 * more, and one listed camera with its name that no row has, when no other lost camera has that
 * name either.
 */
export function repluggedIds(
  lost: readonly ListedCamera[],
  rows: readonly ListedCamera[],
  listed: readonly ListedCamera[],
): Map<string, string> {
  const listedIds = new Set(listed.map((d) => d.deviceId));
  const rowIds = new Set(rows.map((r) => r.deviceId));
  const gone = lost.filter((r) => !listedIds.has(r.deviceId));
  const out = new Map<string, string>();
  for (const row of gone) {
    if (!row.label || gone.filter((o) => o.label === row.label).length > 1) continue;
    const fresh = listed.filter((d) => d.label === row.label && !rowIds.has(d.deviceId));
    if (fresh.length === 1) out.set(row.deviceId, fresh[0]!.deviceId);
  }
  return out;
}

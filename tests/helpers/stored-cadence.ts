// The cadence a motion-capture file's own foot contacts give: what cadence read another way (from a
// virtual camera's view of the same walk) is checked against.
import type { C3DFile } from '../../src/main/formats/c3d-reader';
import { c3dGaitEvents } from '../../src/main/formats/c3d-trajectories';

/** Steps per minute: 120 over the mean stride between the stored contacts of each foot. */
export function storedContactsCadence(file: C3DFile): number {
  const contacts = c3dGaitEvents(file).filter((e) => e.kind === 'initial-contact');
  const strides = (['left', 'right'] as const).flatMap((side) => {
    const f = contacts.filter((e) => e.side === side).map((e) => e.frame);
    return f.slice(1).map((v, i) => (v - f[i]!) / file.pointRateHz);
  });
  return 120 / (strides.reduce((a, b) => a + b, 0) / strides.length);
}

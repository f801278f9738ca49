// Foot contacts on the force plates of a C3D file: the physical ground truth for the gait events of
// a foot that landed on a plate, against which a lab can hold the events GaitLab detects.

import { c3dParameter, readC3DAnalogChannel, type C3DFile } from './c3d-reader';

export interface PlateContact {
  plate: number;
  /** Point-frame indices (0 = first frame of the file, fractional: analog resolution). */
  onFrame: number;
  offFrame: number;
}

/** Loading above the plate's resting level, N, that counts as a foot on it (the usual 20 N). */
export const PLATE_CONTACT_THRESHOLD_N = 20;

function numbers(file: C3DFile, group: string, name: string): number[] {
  const v = c3dParameter(file, group, name)?.value;
  return Array.isArray(v) && typeof v[0] === 'number' ? (v as number[]) : [];
}

/**
 * A plate's vertical force (N, either sign) from its channels (1-based analog channel numbers, in
 * the order FORCE_PLATFORM:TYPE gives them), or undefined for a plate type GaitLab does not read.
 */
function verticalForce(
  bytes: Uint8Array,
  file: C3DFile,
  type: number,
  channels: number[],
): Float64Array | undefined {
  const read = (k: number) => readC3DAnalogChannel(bytes, file, channels[k]! - 1);
  switch (type) {
    // 1: Fx Fy Fz Px Py Tz; 2 (AMTI, Bertec): Fx Fy Fz Mx My Mz; 4: type 2 before its calibration
    // matrix, whose Fz row is dominated by the Fz channel: enough to tell when a foot is on it.
    case 1:
    case 2:
    case 4:
      return read(2);
    // 3 (Kistler): Fx12 Fx34 Fy14 Fy23 Fz1 Fz2 Fz3 Fz4, the vertical force their sum.
    case 3: {
      const parts = [4, 5, 6, 7].map(read);
      return parts[0]!.map((_, i) => parts.reduce((sum, p) => sum + p[i]!, 0));
    }
    default:
      return undefined;
  }
}

/** Width of the force levels counted to find the empty plate's, N (an empty plate's noise: 1-5 N). */
const REST_BIN_N = 5;

/**
 * The empty plate's reading, N. Overground a plate is empty most of the record, and that is its
 * median. A treadmill's belt plate carries a foot 60 % of the time, so its median is a load: the
 * empty level is then the record's most frequent one (an empty plate reads one steady value, a
 * loaded one spreads over hundreds of newtons). Plates are not always zeroed (FunctionalWalk's
 * rest at -2930 N), so neither is assumed to be near zero.
 */
function restingLevel(fz: Float64Array): number {
  const median = Float64Array.from(fz).sort()[Math.floor(fz.length / 2)]!;
  const counts = new Map<number, number>();
  for (const v of fz) {
    const bin = Math.round(v / REST_BIN_N);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [bin, c] of counts) {
    // The bin and its two neighbours, so that a level on a bin edge is not split in two.
    const around = c + (counts.get(bin - 1) ?? 0) + (counts.get(bin + 1) ?? 0);
    if (around > bestCount) {
      bestCount = around;
      best = bin;
    }
  }
  if (Math.abs(median / REST_BIN_N - best) <= 1.5) return median;
  const near = Array.from(fz)
    .filter((v) => Math.abs(v / REST_BIN_N - best) <= 1.5)
    .sort((a, b) => a - b);
  return near[Math.floor(near.length / 2)]!;
}

/**
 * Stretches during which each plate's vertical force exceeds the threshold above its resting level
 * (the empty plate's reading, see restingLevel). Stretches touching the start or end of the record,
 * or shorter than 0.1 s, are left out: not one whole step.
 */
export function forcePlateContacts(
  bytes: Uint8Array,
  file: C3DFile,
  thresholdN = PLATE_CONTACT_THRESHOLD_N,
): PlateContact[] {
  const used = numbers(file, 'ANALOG', 'USED')[0] ?? 0;
  const analogRate = numbers(file, 'ANALOG', 'RATE')[0] ?? 0;
  const channel = c3dParameter(file, 'FORCE_PLATFORM', 'CHANNEL');
  const channels = numbers(file, 'FORCE_PLATFORM', 'CHANNEL');
  // CHANNEL is [channels per plate, plates]: 6 for most plate types, 8 for Kistler's.
  const perPlate = channel?.dims[0] ?? 6;
  const plates = numbers(file, 'FORCE_PLATFORM', 'USED')[0] ?? Math.floor(channels.length / perPlate);
  const types = numbers(file, 'FORCE_PLATFORM', 'TYPE');
  if (used === 0 || analogRate === 0 || channels.length === 0 || perPlate === 0) return [];
  const perFrame = Math.round(analogRate / file.pointRateHz);
  const contacts: PlateContact[] = [];
  for (let plate = 0; plate < plates && (plate + 1) * perPlate <= channels.length; plate++) {
    const fz = verticalForce(
      bytes,
      file,
      types[plate] ?? 2,
      channels.slice(plate * perPlate, (plate + 1) * perPlate),
    );
    if (!fz) continue;
    const n = fz.length;
    const rest = restingLevel(fz);
    // Vertical force may be stored negative (plate axis down): load = largest deviation's sign.
    let peak = 0;
    for (const v of fz) if (Math.abs(v - rest) > Math.abs(peak)) peak = v - rest;
    const sign = Math.sign(peak) || 1;
    let on = -1;
    for (let i = 0; i <= n; i++) {
      const loaded = i < n && sign * (fz[i]! - rest) > thresholdN;
      if (loaded && on < 0) on = i;
      if (!loaded && on >= 0) {
        if (on > 0 && i < n && (i - on) / analogRate >= 0.1)
          contacts.push({ plate: plate + 1, onFrame: on / perFrame, offFrame: (i - 1) / perFrame });
        on = -1;
      }
    }
  }
  return contacts.sort((a, b) => a.onFrame - b.onFrame);
}

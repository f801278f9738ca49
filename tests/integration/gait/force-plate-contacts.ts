// Foot contacts on the force plates of a C3D file: the physical ground truth for gait events where
// a foot landed on a plate. The app's C3D reader skips analog data, so this test helper reads the
// vertical force channels itself (Intel float, or 16-bit integer data as in Intel/DEC integer files).
import type { C3DFile } from '../../../src/main/formats/c3d-reader';

export interface PlateContact {
  plate: number;
  /** Point-frame indices (0 = first frame of the file, fractional: analog resolution). */
  onFrame: number;
  offFrame: number;
}

function numbers(file: C3DFile, group: string, name: string): number[] {
  const p = file.parameters.find((q) => q.group === group && q.name === name);
  return p && Array.isArray(p.value) && typeof p.value[0] === 'number' ? (p.value as number[]) : [];
}

/**
 * Stretches during which the vertical force of each plate exceeds `thresholdN` above its resting
 * level (median of the whole record: a plate is loaded well under half of a walking trial).
 * Stretches touching the start or end of the record, or shorter than 0.1 s, are left out.
 */
export function forcePlateContacts(bytes: Uint8Array, file: C3DFile, thresholdN = 20): PlateContact[] {
  if (file.processor === 'mips' || (file.processor === 'dec' && file.floatData))
    throw new Error('forcePlateContacts reads Intel files and DEC integer files only.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const used = numbers(file, 'ANALOG', 'USED')[0] ?? 0;
  const analogRate = numbers(file, 'ANALOG', 'RATE')[0] ?? 0;
  if (used === 0 || analogRate === 0) return [];
  const perFrame = Math.round(analogRate / file.pointRateHz);
  const scale = numbers(file, 'ANALOG', 'SCALE');
  const offset = numbers(file, 'ANALOG', 'OFFSET');
  const gen = numbers(file, 'ANALOG', 'GEN_SCALE')[0] ?? 1;
  const channels = numbers(file, 'FORCE_PLATFORM', 'CHANNEL');
  const pointCount = numbers(file, 'POINT', 'USED')[0] ?? file.points.length;
  const dataBlock = numbers(file, 'POINT', 'DATA_START')[0] ?? view.getUint16(16, true);
  const word = file.floatData ? 4 : 2;
  const frameWords = pointCount * 4 + used * perFrame;
  const start = (dataBlock - 1) * 512;
  const read = (w: number) =>
    file.floatData ? view.getFloat32(start + w * 4, true) : view.getInt16(start + w * word, true);

  const contacts: PlateContact[] = [];
  for (let plate = 0; plate * 6 < channels.length; plate++) {
    const ch = channels[plate * 6 + 2]! - 1; // Fz
    const n = file.frameCount * perFrame;
    const fz = new Float64Array(n);
    for (let f = 0; f < file.frameCount; f++) {
      for (let s = 0; s < perFrame; s++) {
        const raw = read(f * frameWords + pointCount * 4 + s * used + ch);
        fz[f * perFrame + s] = (raw - (offset[ch] ?? 0)) * (scale[ch] ?? 1) * gen;
      }
    }
    const rest = [...fz].sort((a, b) => a - b)[Math.floor(n / 2)]!;
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

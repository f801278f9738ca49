// Converting lengths to metres. A 2D camera measures pixels; the scale comes from a known floor
// distance, a calibration, or the subject's height. Height typed in the wrong unit is a classic
// error (175 instead of 1.75), so heights are checked and the message says what was probably meant.

import {
  floorMarksApartPx,
  isPlausibleFloorDistanceM,
  MIN_FLOOR_MARKS_APART_PX,
} from '../../shared/floor-marks';

export type ScaleSource =
  /** Data already in a metric unit (C3D mm, TRC m). */
  | { kind: 'native' }
  /** Two points on the floor, in the data's units (e.g. pixels), a known distance apart. */
  | { kind: 'floor-distance'; a: readonly [number, number]; b: readonly [number, number]; distanceM: number }
  /** Metres per data unit from a camera calibration. */
  | { kind: 'calibration'; metresPerUnit: number }
  /** Standing height of the subject, metres. */
  | { kind: 'subject-height'; heightM: number };

export interface Scale {
  metresPerUnit: number;
  method: ScaleSource['kind'];
  /** How the scale was obtained, for reports. */
  description: string;
}

export type HeightCheck = { ok: true; heightM: number } | { ok: false; message: string };

/** Accepts 0.5-2.5 m; explains likely unit mix-ups (cm, mm, feet) otherwise. */
export function validateHeightM(heightM: number): HeightCheck {
  if (!Number.isFinite(heightM) || heightM <= 0) {
    return { ok: false, message: `Height must be a positive number of metres (got ${heightM}).` };
  }
  if (heightM >= 0.5 && heightM <= 2.5) return { ok: true, heightM };
  if (heightM >= 50 && heightM <= 250) {
    return {
      ok: false,
      message: `A height of ${heightM} metres is not possible; did you mean ${(heightM / 100).toFixed(2)} m (entered in centimetres)?`,
    };
  }
  if (heightM >= 500 && heightM <= 2500) {
    return {
      ok: false,
      message: `A height of ${heightM} metres is not possible; did you mean ${(heightM / 1000).toFixed(2)} m (entered in millimetres)?`,
    };
  }
  if (heightM >= 2.5 && heightM <= 8) {
    return {
      ok: false,
      message: `A height of ${heightM} m is not plausible; if this is in feet, it is ${(heightM * 0.3048).toFixed(2)} m.`,
    };
  }
  return {
    ok: false,
    message: `A height of ${heightM} m is outside the plausible range 0.5-2.5 m; enter the height in metres (e.g. 1.75).`,
  };
}

/**
 * A floor distance in metres, 0.2-30 m (a walkway's tape marks); explains likely unit mix-ups
 * (centimetres, millimetres) otherwise.
 */
export function validateFloorDistanceM(
  distanceM: number,
): { ok: true; distanceM: number } | { ok: false; message: string } {
  if (!Number.isFinite(distanceM) || distanceM <= 0)
    return {
      ok: false,
      message: `The floor distance must be a positive number of metres (got ${distanceM}).`,
    };
  if (isPlausibleFloorDistanceM(distanceM)) return { ok: true, distanceM };
  if (distanceM > 30 && distanceM <= 3000)
    return {
      ok: false,
      message: `A floor distance of ${distanceM} m is not plausible in a gait lab; did you mean ${(distanceM / 100).toFixed(2)} m (entered in centimetres)?`,
    };
  if (distanceM > 3000 && distanceM <= 30000)
    return {
      ok: false,
      message: `A floor distance of ${distanceM} m is not plausible in a gait lab; did you mean ${(distanceM / 1000).toFixed(2)} m (entered in millimetres)?`,
    };
  return {
    ok: false,
    message: `A floor distance of ${distanceM} m is outside the plausible range 0.2-30 m; enter it in metres (e.g. 2.5).`,
  };
}

/** Metres per unit for data whose unit is metric. */
export function nativeMetresPerUnit(unit: 'px' | 'mm' | 'm'): number | undefined {
  return unit === 'mm' ? 0.001 : unit === 'm' ? 1 : undefined;
}

/**
 * Share of standing height taken by thigh + shank + trunk (hip to shoulder) in Winter's
 * anthropometric table (0.245 + 0.246 + 0.288). Used to turn segment lengths into a height scale.
 */
export const LEG_AND_TRUNK_FRACTION_OF_HEIGHT = 0.779;
/** Thigh + shank only (hip to ankle), when no shoulders are tracked. */
export const LEG_FRACTION_OF_HEIGHT = 0.491;

export type ScaleResult = { ok: true; scale: Scale } | { ok: false; message: string };

/**
 * Resolves the scale. For a height scale, `bodyLengthUnits` is the subject's median thigh + shank
 * (+ trunk when `includesTrunk`) length in data units.
 */
export function resolveScale(
  source: ScaleSource,
  unit: 'px' | 'mm' | 'm',
  body?: { lengthUnits: number; includesTrunk: boolean },
): ScaleResult {
  switch (source.kind) {
    case 'native': {
      const m = nativeMetresPerUnit(unit);
      if (m === undefined)
        return {
          ok: false,
          message:
            'Pixel data needs a scale: a known floor distance, a calibration or the subject height in metres.',
        };
      return {
        ok: true,
        scale: { metresPerUnit: m, method: 'native', description: `coordinates in ${unit}` },
      };
    }
    case 'floor-distance': {
      const checked = validateFloorDistanceM(source.distanceM);
      if (!checked.ok) return checked;
      const d = floorMarksApartPx(source.a, source.b);
      if (!(d >= (unit === 'px' ? MIN_FLOOR_MARKS_APART_PX : 0)) || !(d > 0))
        return {
          ok: false,
          message: `The two floor points are ${d.toFixed(1)} ${unit} apart: mark points further apart (the ends of the known distance).`,
        };
      const metresPerUnit = source.distanceM / d;
      // A wrong distance or a mark misplaced shows in the body it implies (leg + trunk lengths
      // with Winter's proportions): refuse a scale that makes the subject an implausible height.
      if (body && body.lengthUnits > 0) {
        const frac = body.includesTrunk ? LEG_AND_TRUNK_FRACTION_OF_HEIGHT : LEG_FRACTION_OF_HEIGHT;
        const impliedHeightM = (body.lengthUnits * metresPerUnit) / frac;
        if (!(impliedHeightM >= 0.5 && impliedHeightM <= 2.5))
          return {
            ok: false,
            message: `With ${source.distanceM} m between the two floor points, the subject would be about ${impliedHeightM.toFixed(2)} m tall: check the points (both on the floor, along the walkway, at the walking line) and the distance.`,
          };
      }
      return {
        ok: true,
        scale: {
          metresPerUnit,
          method: 'floor-distance',
          description: `known floor distance ${source.distanceM} m = ${d.toFixed(1)} ${unit}`,
        },
      };
    }
    case 'calibration':
      if (!(source.metresPerUnit > 0)) return { ok: false, message: 'Calibration scale must be positive.' };
      return {
        ok: true,
        scale: {
          metresPerUnit: source.metresPerUnit,
          method: 'calibration',
          description: `calibration ${source.metresPerUnit.toPrecision(4)} m/${unit}`,
        },
      };
    case 'subject-height': {
      const h = validateHeightM(source.heightM);
      if (!h.ok) return h;
      if (!body || !(body.lengthUnits > 0))
        return { ok: false, message: 'Cannot scale from height: hips, knees and ankles were not tracked.' };
      const frac = body.includesTrunk ? LEG_AND_TRUNK_FRACTION_OF_HEIGHT : LEG_FRACTION_OF_HEIGHT;
      return {
        ok: true,
        scale: {
          metresPerUnit: (frac * h.heightM) / body.lengthUnits,
          method: 'subject-height',
          description: `subject height ${h.heightM} m with anthropometric segment proportions (approximate, about 5 %)`,
        },
      };
    }
  }
}

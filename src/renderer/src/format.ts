import type { PatientInfo } from '../../shared/api/entities';
import { localIsoDate } from '../../shared/local-date';

/** Whole years between date of birth and a date, both YYYY-MM-DD. */
export function ageYears(dateOfBirth: string | null, at: string = localIsoDate()): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = at.split('-').map(Number) as [number, number, number];
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

export function patientSummary(p: PatientInfo): string {
  const parts: string[] = [];
  const age = ageYears(p.dateOfBirth);
  if (age !== null) parts.push(`${age} y`);
  if (p.diagnosis) parts.push(p.diagnosis);
  if (p.gmfcsLevel !== null) parts.push(`GMFCS ${p.gmfcsLevel}`);
  if (p.affectedSide !== 'unknown' && p.affectedSide !== 'none') parts.push(`affected: ${p.affectedSide}`);
  return parts.join(' · ');
}

export const today = (): string => localIsoDate();

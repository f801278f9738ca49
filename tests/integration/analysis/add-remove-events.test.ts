// Every event editable by hand, not only movable: a spurious contact taken away and a missed one
// placed again (API analysis.removeEvent / analysis.addEvent, as review's timeline calls them) on
// the Sports2D walk analysed in a lab; what cannot be right is refused with a sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrialAnalysisView } from '../../../src/shared/api/analysis-types';
import {
  analyseInProcess,
  callLab,
  createTrialLab,
  DEMO_CAMERA,
  type TrialLab,
} from '../../helpers/analysed-trial';

const leftCycles = (v: TrialAnalysisView) =>
  v.cycles.filter((c) => c.side === 'left').map((c) => [c.startFrame, c.endFrame, c.excluded] as const);

describe('adding and removing gait events by hand', () => {
  let t: TrialLab;
  let automatic: TrialAnalysisView;
  const which = () => ({ trialId: t.trial.id, camera: DEMO_CAMERA });

  beforeAll(async () => {
    t = await createTrialLab();
    const r = await analyseInProcess(t.labDir, t.trial.id);
    expect(r.state, r.message).toBe('done');
    automatic = await callLab<TrialAnalysisView>(t.labDir, 'analysis.get', which());
  }, 600_000);

  it('removes a contact: its two cycles become one stride, left out as out of step', async () => {
    const ics = automatic.events.filter((e) => e.side === 'left' && e.kind === 'initial-contact');
    expect(ics.length).toBeGreaterThanOrEqual(3);
    const middle = ics[1]!;
    const removed = await callLab<TrialAnalysisView>(t.labDir, 'analysis.removeEvent', {
      ...which(),
      side: 'left',
      kind: 'initial-contact',
      frame: Math.round(middle.frame),
    });
    expect(removed.eventsEditedByHand).toBe(true);
    expect(removed.events).toHaveLength(automatic.events.length - 1);
    const merged = removed.cycles.find((c) => c.side === 'left' && c.startFrame === ics[0]!.frame)!;
    expect(merged.endFrame).toBe(ics[2]!.frame);
    expect(merged.flags).toContain('out-of-step');
    expect(merged.excluded).toBe(true);
    // The note says which cycle, against what, and how to mend it.
    expect(removed.warnings.join('\n')).toMatch(
      /Left cycle 1 \(frames \d+-\d+, [\d.]+ s\) is left out: the right foot's stride over the same steps lasts [\d.]+ s.*\(move, remove or add one\)\./,
    );
  });

  it('places the missed contact again at a frame: the cycles are back, the event set by hand', async () => {
    const ic = automatic.events.filter((e) => e.side === 'left' && e.kind === 'initial-contact')[1]!;
    const frame = Math.round(ic.frame);
    const added = await callLab<TrialAnalysisView>(t.labDir, 'analysis.addEvent', {
      ...which(),
      side: 'left',
      kind: 'initial-contact',
      frame,
    });
    const placed = added.events.find((e) => e.side === 'left' && e.frame === frame)!;
    expect(placed.source).toBe('manual');
    expect(added.events).toHaveLength(automatic.events.length);
    // The same cycles, the one boundary moved to the whole frame.
    const before = leftCycles(automatic);
    const after = leftCycles(added);
    expect(after).toHaveLength(before.length);
    after.forEach(([s, e, excluded], k) => {
      expect(Math.abs(s - before[k]![0])).toBeLessThanOrEqual(0.5);
      expect(Math.abs(e - before[k]![1])).toBeLessThanOrEqual(0.5);
      expect(excluded).toBe(before[k]![2]);
    });
  });

  it('refuses an event placed twice, past the end, or removed where there is none', async () => {
    const ic = automatic.events.find((e) => e.side === 'right' && e.kind === 'initial-contact')!;
    const refusal = (op: string, input: object) =>
      callLab(t.labDir, op, { ...which(), ...input }).then(
        () => 'accepted',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    expect(
      await refusal('analysis.addEvent', {
        side: 'right',
        kind: 'initial-contact',
        frame: Math.round(ic.frame),
      }),
    ).toMatch(/There is already a right initial contact at frame [\d.]+: move that one instead\./);
    expect(
      await refusal('analysis.addEvent', {
        side: 'right',
        kind: 'foot-off',
        frame: automatic.frameCount + 5,
      }),
    ).toMatch(/past the end of the recording \(frames 0-\d+\)/);
    expect(await refusal('analysis.removeEvent', { side: 'right', kind: 'foot-off', frame: 2 })).toMatch(
      /No right foot off within 3 frames of frame 2\.$/,
    );
    expect(await refusal('analysis.addEvent', { side: 'middle', kind: 'foot-off', frame: 10 })).toMatch(
      /Side must be left or right/,
    );
  });
});

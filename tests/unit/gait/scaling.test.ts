import { describe, expect, it } from 'vitest';
import { resolveScale, validateHeightM } from '../../../src/main/gait/scaling';

describe('height validation', () => {
  it('accepts heights in metres', () => {
    expect(validateHeightM(1.75)).toEqual({ ok: true, heightM: 1.75 });
    expect(validateHeightM(0.9).ok).toBe(true);
  });
  it('refuses 175 "metres" and suggests 1.75 m', () => {
    const r = validateHeightM(175);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/did you mean 1\.75 m/);
  });
  it('spots millimetres, feet and nonsense', () => {
    const mm = validateHeightM(1750);
    expect(!mm.ok && mm.message).toMatch(/1\.75 m.*millimetres/);
    const ft = validateHeightM(5.8);
    expect(!ft.ok && ft.message).toMatch(/feet.*1\.77 m/);
    expect(validateHeightM(0).ok).toBe(false);
    expect(validateHeightM(Number.NaN).ok).toBe(false);
    expect(validateHeightM(20).ok).toBe(false);
  });
});

describe('scale resolution', () => {
  it('uses a known floor distance', () => {
    const r = resolveScale({ kind: 'floor-distance', a: [100, 900], b: [700, 900], distanceM: 3 }, 'px');
    expect(r.ok && r.scale.metresPerUnit).toBeCloseTo(0.005, 12);
  });
  it('refuses a floor distance in the wrong unit, marks too close, and a scale giving an implausible body', () => {
    const floor = (distanceM: number, bx = 700) =>
      resolveScale({ kind: 'floor-distance', a: [100, 900], b: [bx, 900], distanceM }, 'px', {
        lengthUnits: 600,
        includesTrunk: true,
      });
    const cm = floor(300);
    expect(cm.ok).toBe(false);
    if (!cm.ok) expect(cm.message).toContain('did you mean 3.00 m (entered in centimetres)?');
    const close = floor(3, 110);
    expect(close.ok).toBe(false);
    if (!close.ok) expect(close.message).toContain('10.0 px apart');
    // 600 px of leg + trunk at 3 m / 600 px = 3 m of leg + trunk: a 3.85 m tall subject.
    const tall = floor(3);
    expect(tall.ok).toBe(false);
    if (!tall.ok) expect(tall.message).toContain('would be about 3.85 m tall');
    expect(floor(1.2).ok).toBe(true);
  });

  it('uses native units for mm and m, and refuses pixels without a scale', () => {
    expect(resolveScale({ kind: 'native' }, 'mm')).toMatchObject({
      ok: true,
      scale: { metresPerUnit: 0.001 },
    });
    expect(resolveScale({ kind: 'native' }, 'px').ok).toBe(false);
  });
  it('scales from height via segment proportions', () => {
    const r = resolveScale({ kind: 'subject-height', heightM: 1.8 }, 'px', {
      lengthUnits: 0.779 * 1.8 * 300,
      includesTrunk: true,
    });
    expect(r.ok && r.scale.metresPerUnit).toBeCloseTo(1 / 300, 9);
    const bad = resolveScale({ kind: 'subject-height', heightM: 180 }, 'px', {
      lengthUnits: 400,
      includesTrunk: true,
    });
    expect(!bad.ok && bad.message).toMatch(/1\.80 m/);
  });
});

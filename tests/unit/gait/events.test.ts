import { describe, expect, it } from 'vitest';
import { footVelocityEvents } from '../../../src/main/gait/foot-velocity';
import {
  addEvent,
  detectGaitEvents,
  eventFromLabels,
  eventsFromTimes,
  moveEvent,
  removeEvent,
} from '../../../src/main/gait/gait-events';
import { zeniEvents } from '../../../src/main/gait/zeni';
import { dominantPeriodFrames } from '../../../src/main/gait/peaks';

const rate = 100;
const n = 600;
const T = 1.0; // stride, s
const pelvis = Float64Array.from({ length: n }, (_, i) => 1.2 * (i / rate));

describe('Zeni events', () => {
  // Heel furthest forward at t = k T; toe furthest back at t = k T + 0.6 T.
  const heel = Float64Array.from(
    { length: n },
    (_, i) => pelvis[i]! + 0.3 * Math.cos((2 * Math.PI * i) / rate / T),
  );
  const toe = Float64Array.from(
    { length: n },
    (_, i) => pelvis[i]! + 0.1 + 0.3 * Math.cos((2 * Math.PI * (i / rate - 0.6 * T)) / T + Math.PI),
  );

  it('places contact at the maximum forward heel and foot off at the maximum backward toe', () => {
    const ev = zeniEvents(
      {
        side: 'left',
        heelForward: heel,
        toeForward: toe,
        pelvisForward: pelvis,
        rateHz: rate,
        startFrame: 0,
        endFrame: n,
      },
      { contactRefinement: 'none' },
    );
    const ic = ev.filter((e) => e.kind === 'initial-contact').map((e) => e.frame);
    const fo = ev.filter((e) => e.kind === 'foot-off').map((e) => e.frame);
    expect(ic.length).toBe(5);
    ic.forEach((f, k) => expect(f).toBeCloseTo(100 * (k + 1), 1));
    fo.forEach((f, k) => expect(f).toBeCloseTo(60 + 100 * k, 1));
  });

  it('does not need a heel strike: a toe walker lands on the forefoot', () => {
    // Heel never comes forward (equinus): with 'foremost' the toe excursion marks contact.
    const flatHeel = Float64Array.from({ length: n }, (_, i) => pelvis[i]! - 0.2);
    const toeFwd = Float64Array.from(
      { length: n },
      (_, i) => pelvis[i]! + 0.3 * Math.cos((2 * Math.PI * i) / rate / T),
    );
    const ev = zeniEvents(
      {
        side: 'right',
        heelForward: flatHeel,
        toeForward: toeFwd,
        pelvisForward: pelvis,
        rateHz: rate,
        startFrame: 0,
        endFrame: n,
      },
      { contactPoint: 'foremost', contactRefinement: 'none' },
    );
    const ic = ev.filter((e) => e.kind === 'initial-contact');
    expect(ic.length).toBe(5);
    expect(ic[0]!.frame).toBeCloseTo(100, 1);
  });

  it('drops a spurious second landing with no lift-off in between', () => {
    const noisy = heel.slice();
    // A bump half a stride after a contact, big enough to look like a peak.
    for (let i = 240; i < 261; i++) noisy[i] = noisy[i]! + 0.5 * Math.exp(-(((i - 250) / 4) ** 2));
    const ev = zeniEvents(
      {
        side: 'left',
        heelForward: noisy,
        toeForward: toe,
        pelvisForward: pelvis,
        rateHz: rate,
        startFrame: 0,
        endFrame: n,
      },
      { contactRefinement: 'none' },
    );
    const kinds = ev.map((e) => e.kind);
    for (let k = 1; k < kinds.length; k++) expect(kinds[k]).not.toBe(kinds[k - 1]);
  });
});

describe('Zeni events of the slowest walkers', () => {
  it('measures the stride from the signal itself (autocorrelation)', () => {
    const sine = Float64Array.from({ length: 900 }, (_, i) => Math.sin((2 * Math.PI * i) / 385));
    expect(dominantPeriodFrames(sine, 0, 900, 40, 600)).toBe(385);
    expect(dominantPeriodFrames(new Float64Array(300).fill(2), 0, 300, 40, 600)).toBeNull();
  });

  it('finds every contact and foot off with strides of 3.85 and 6 s', () => {
    for (const strideS of [3.85, 6]) {
      const len = Math.round(5.5 * strideS * rate);
      const p = Float64Array.from({ length: len }, (_, i) => (0.3 * i) / rate);
      const at = (phase: number) =>
        Float64Array.from(
          { length: len },
          (_, i) => p[i]! + 0.3 * Math.cos((2 * Math.PI * i) / rate / strideS - phase),
        );
      const ev = zeniEvents(
        {
          side: 'left',
          heelForward: at(0),
          toeForward: at(Math.PI + 1.2 * Math.PI),
          pelvisForward: p,
          rateHz: rate,
          startFrame: 0,
          endFrame: len,
        },
        { contactRefinement: 'none' },
      );
      const ic = ev.filter((e) => e.kind === 'initial-contact').map((e) => e.frame / rate);
      // A 0.6 s window saw no peak stand out at these strides: every other contact was lost.
      expect(ic.length, `stride ${strideS} s`).toBe(5);
      ic.forEach((t, k) => expect(t).toBeCloseTo(strideS * (k + 1), 1));
      expect(ev.filter((e) => e.kind === 'foot-off').length).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('Zeni contact refined by the landing of the foot', () => {
  // Pelvis-relative heel peak at frames 100 k; the heel lands `lag` frames later (negative: before),
  // its descent arrested at landing, then flat in stance (with a small wobble 5 frames after the peak).
  const heelForward = Float64Array.from(
    { length: n },
    (_, i) => pelvis[i]! + 0.3 * Math.cos((2 * Math.PI * i) / rate / T),
  );
  function heights(lag: number): Float64Array {
    return Float64Array.from({ length: n }, (_, i) => {
      const landing = Math.round((i - lag) / 100) * 100 + lag;
      const since = i - landing;
      if (since >= -40 && since < 0) return 40 * Math.sin((Math.PI * (since + 40)) / 40);
      return -1 * Math.exp(-(((i - Math.round(i / 100) * 100 - 5) / 1.5) ** 2));
    });
  }
  const detect = (lag: number, landedDescentRate?: number) => {
    const heelUp = heights(lag);
    return zeniEvents(
      {
        side: 'left',
        heelForward,
        toeForward: heelForward.map((v) => v + 0.2),
        pelvisForward: pelvis,
        heelUp,
        toeUp: heelUp.map((v) => v + 30),
        rateHz: rate,
        startFrame: 0,
        endFrame: n,
      },
      landedDescentRate === undefined ? {} : { landedDescentRate },
    )
      .filter((e) => e.kind === 'initial-contact')
      .map((e) => e.frame);
  };

  it('moves contact from the pelvis-relative peak to where the foot stops descending', () => {
    const ic = detect(6);
    expect(ic.length).toBeGreaterThanOrEqual(4);
    for (const f of ic) expect(Math.abs(f - (Math.round(f / 100) * 100 + 6))).toBeLessThan(0.6);
  });

  it('keeps the peak when the foot is already down there (short crouched steps)', () => {
    const ic = detect(-4);
    expect(ic.length).toBeGreaterThanOrEqual(4);
    for (const f of ic) expect(Math.abs(f - Math.round(f / 100) * 100)).toBeLessThan(0.6);
    // Without that check, a later wobble of the grounded heel would be taken for the landing.
    for (const f of detect(-4, 0)) expect(f - Math.round(f / 100) * 100).toBeGreaterThan(3);
  });
});

describe('detectGaitEvents: landing heights', () => {
  it('places contact from the landing heights when given, not from the (smoother) feet', () => {
    const fwd = (i: number) => pelvis[i]! + 0.3 * Math.cos((2 * Math.PI * i) / rate / T);
    // Feet heights never land (flat): contact stays at the pelvis-relative peak (frames 100 k).
    // The landing heights land 6 frames after it (the heel stops descending there).
    const landingUp = Float64Array.from({ length: n }, (_, i) => {
      const since = i - (Math.round((i - 6) / 100) * 100 + 6);
      return since >= -40 && since < 0 ? 40 * Math.sin((Math.PI * (since + 40)) / 40) : 0;
    });
    const flat = new Float64Array(n).fill(0);
    const heel = { name: 'heel', forward: Float64Array.from({ length: n }, (_, i) => fwd(i)), up: flat };
    const toe = { name: 'toe', forward: heel.forward.map((v) => v + 0.2), up: flat };
    const input = {
      rateHz: rate,
      passes: [{ index: 0, startFrame: 0, endFrame: n, direction: 1 as const, mode: 'overground' as const }],
      feet: { left: { heel, toe }, right: { heel, toe } },
      pelvisForward: pelvis,
    };
    const contacts = (ev: ReturnType<typeof detectGaitEvents>) =>
      ev.filter((e) => e.side === 'left' && e.kind === 'initial-contact').map((e) => e.frame);
    const without = contacts(detectGaitEvents(input));
    const withLanding = contacts(
      detectGaitEvents({
        ...input,
        landing: {
          left: { heelUp: landingUp, toeUp: landingUp.map((v) => v + 30) },
          right: { heelUp: landingUp, toeUp: landingUp },
        },
      }),
    );
    expect(withLanding.length).toBe(without.length);
    expect(withLanding.length).toBeGreaterThanOrEqual(4);
    for (const f of without) expect(Math.abs(f - Math.round(f / 100) * 100)).toBeLessThan(0.6);
    for (const f of withLanding) expect(Math.abs(f - (Math.round(f / 100) * 100 + 6))).toBeLessThan(0.6);
  });
});

describe('foot-velocity events', () => {
  it('finds contact after and foot off before each swing speed peak', () => {
    // Foot still for 60 % of the stride, then a smooth swing forward.
    const pos = Float64Array.from({ length: n }, (_, i) => {
      const t = i / rate;
      const k = Math.floor(t / T);
      const ph = t / T - k;
      const swing = ph < 0.6 ? 0 : (1 - Math.cos((Math.PI * (ph - 0.6)) / 0.4)) / 2;
      return 1.2 * T * (k + swing);
    });
    const up = new Float64Array(n);
    const ev = footVelocityEvents({
      side: 'left',
      heelForward: pos,
      heelUp: up,
      toeForward: pos,
      toeUp: up,
      rateHz: rate,
      startFrame: 0,
      endFrame: n,
    });
    const ic = ev.filter((e) => e.kind === 'initial-contact').map((e) => e.frame);
    const fo = ev.filter((e) => e.kind === 'foot-off').map((e) => e.frame);
    expect(ic.length).toBeGreaterThanOrEqual(4);
    // Contact shortly before the foot stops (k T), foot off shortly after it starts (k T + 0.6 T).
    for (const f of ic) expect(Math.abs(f / 100 - Math.round(f / 100))).toBeLessThan(0.06);
    for (const f of fo) expect(((f / 100) % 1) - 0.6).toBeGreaterThan(0);
    for (const f of fo) expect(((f / 100) % 1) - 0.6).toBeLessThan(0.15);
  });
});

describe('editable events', () => {
  it('adds, moves and removes by hand; converts times and C3D labels', () => {
    let ev = eventsFromTimes([{ side: 'left', kind: 'initial-contact', timeS: 7.31 }], 100, 7.24);
    expect(ev[0]!.frame).toBeCloseTo(7, 9);
    ev = addEvent(ev, 'right', 'foot-off', 20);
    ev = moveEvent(ev, 'left', 'initial-contact', 7, 8);
    expect(ev[0]).toEqual({ side: 'left', kind: 'initial-contact', frame: 8, source: 'manual' });
    expect(removeEvent(ev, 'right', 'foot-off', 21)).toHaveLength(1);
    expect(removeEvent(ev, 'right', 'foot-off', 40)).toHaveLength(2);
    expect(eventFromLabels('Left', 'Foot Strike')).toEqual({ side: 'left', kind: 'initial-contact' });
    expect(eventFromLabels('Right', 'Foot Off')).toEqual({ side: 'right', kind: 'foot-off' });
    expect(eventFromLabels('General', 'Foot Strike')).toBeUndefined();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../../src/shared/local-date';

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('localIsoDate', () => {
  it("gives the lab computer's calendar date, not UTC's", () => {
    // 09:30 in Sydney is 22:30 the evening before in UTC.
    process.env.TZ = 'Australia/Sydney';
    const morning = new Date('2026-12-06T22:30:00Z');
    expect(morning.toISOString().slice(0, 10)).toBe('2026-12-06');
    expect(localIsoDate(morning)).toBe('2026-12-07');
    process.env.TZ = 'America/Los_Angeles';
    expect(localIsoDate(new Date('2026-01-01T05:00:00Z'))).toBe('2025-12-31');
  });
});

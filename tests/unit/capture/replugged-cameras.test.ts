import { expect, test } from 'vitest';
import { repluggedIds } from '../../../src/shared/replugged-cameras';

const cam = (deviceId: string, label: string) => ({ deviceId, label });

test('a lost camera back under another id takes it, only when its name tells which one it is', () => {
  const rows = [
    cam('a', 'Logitech BRIO (046d:085e)'),
    cam('b', 'HD Pro Webcam C920 (046d:082d)'),
    cam('c', 'HD Pro Webcam C920 (046d:082d)'),
  ];
  // The BRIO moved to another port: listed again under a new id.
  const brioBack = [cam('b', rows[1]!.label), cam('c', rows[2]!.label), cam('a2', rows[0]!.label)];
  expect([...repluggedIds([rows[0]!], rows, brioBack)]).toEqual([['a', 'a2']]);
  // Back under its own id: nothing to change (the previews are just opened again).
  expect(repluggedIds([rows[0]!], rows, rows).size).toBe(0);
  // Not back yet.
  expect(repluggedIds([rows[0]!], rows, rows.slice(1)).size).toBe(0);
  // One of two C920s lost and back under a new id: only one new C920 is listed, and the other C920's
  // row still has its id, so the new one is the lost one.
  const c920Back = [cam('a', rows[0]!.label), cam('c', rows[2]!.label), cam('b2', rows[1]!.label)];
  expect([...repluggedIds([rows[1]!], rows, c920Back)]).toEqual([['b', 'b2']]);
  // Both C920s lost and back under new ids: which is which cannot be told, so neither is guessed.
  const bothBack = [cam('a', rows[0]!.label), cam('b2', rows[1]!.label), cam('c2', rows[2]!.label)];
  expect(repluggedIds([rows[1]!, rows[2]!], rows, bothBack).size).toBe(0);
  // A camera with another name plugged in instead: not taken for the lost one.
  expect(repluggedIds([rows[0]!], rows, [...rows.slice(1), cam('x', 'USB2.0 HD UVC WebCam')]).size).toBe(0);
});

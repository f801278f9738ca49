import { expect, test } from 'vitest';
import { personTravel } from '../../../src/shared/person-travel';

test("a person's travel in the scan is named as the CLI and the person chooser say it", () => {
  // The mirrored Sports2D walk cut short: the man on the box 0.2-0.4, the walker entering at the
  // end 0.6-0.7, and 1.2 once she is in view for 2 s.
  expect([0.2, 0.4, 0.6, 0.7, 1.2, 2.8].map(personTravel)).toEqual([
    'stayed',
    'stayed',
    'moved',
    'moved',
    'walked',
    'walked',
  ]);
});

// A gait event named as review's status line, its add/remove buttons and the services' refusals
// say it ("left foot off").
import type { GaitEventKindName, SideName } from './api/analysis-types';

export const gaitEventInWords = (side: SideName, kind: GaitEventKindName): string =>
  `${side} ${kind === 'initial-contact' ? 'initial contact' : 'foot off'}`;

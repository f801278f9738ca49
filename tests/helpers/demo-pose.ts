// The Sports2D walk's pose, run once for the integration suite (tests/integration/global-setup.ts).
import { inject } from 'vitest';
import { analyseVideoFile, type VideoAnalysisOptions } from '../../src/main/services/video-analysis';
import { SPORTS2D_WALK } from './video-variant';

/** The pose cache folder that holds the walk's finished job (read it, never write to it). */
export const demoPoseCache = (): string => inject('demoPoseCache');

/** The Sports2D walk analysed from its shared pose with these analysis options. */
export function analyseDemo(options: Omit<VideoAnalysisOptions, 'cacheDir'> = {}) {
  return analyseVideoFile(SPORTS2D_WALK, { ...options, cacheDir: demoPoseCache() });
}

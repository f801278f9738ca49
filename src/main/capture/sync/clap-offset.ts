// Synchronising two cameras by a clap (or any sharp sound both microphones heard): correlate the
// onset strength of their audio, which peaks on transients and ignores steady hum and speech level.
import { bestLag } from './cross-correlation';

export const ENVELOPE_RATE_HZ = 1000;

/** Mean absolute amplitude per 1 ms window: the loudness envelope at ENVELOPE_RATE_HZ. */
export function loudnessEnvelope(pcm: ArrayLike<number>, sampleRateHz: number): Float64Array {
  const window = Math.max(1, Math.round(sampleRateHz / ENVELOPE_RATE_HZ));
  const out = new Float64Array(Math.floor(pcm.length / window));
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = i * window; j < (i + 1) * window; j++) s += Math.abs(pcm[j]!);
    out[i] = s / window;
  }
  return out;
}

/** Rises of the envelope only: a clap is a sudden increase, its decay and reverberation are not. */
export function onsetStrength(envelope: ArrayLike<number>): Float64Array {
  const out = new Float64Array(envelope.length);
  for (let i = 1; i < envelope.length; i++) out[i] = Math.max(0, envelope[i]! - envelope[i - 1]!);
  return out;
}

export interface ClapOffset {
  /** Start offset of camera b against camera a: the clap is at a-time t and b-time t - startOffsetMs. */
  startOffsetMs: number;
  /** How much the best alignment stands out from the next best (1 = no clear clap). */
  peakRatio: number;
}

export function clapStartOffsetMs(
  pcmA: ArrayLike<number>,
  pcmB: ArrayLike<number>,
  sampleRateHz: number,
  maxOffsetS = 30,
): ClapOffset {
  const a = onsetStrength(loudnessEnvelope(pcmA, sampleRateHz));
  const b = onsetStrength(loudnessEnvelope(pcmB, sampleRateHz));
  const peak = bestLag(a, b, Math.round(maxOffsetS * ENVELOPE_RATE_HZ), 50);
  return { startOffsetMs: (peak.lag * 1000) / ENVELOPE_RATE_HZ, peakRatio: peak.peakRatio };
}

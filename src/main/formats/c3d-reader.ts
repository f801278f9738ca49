// C3D reader (https://www.c3d.org/docs/C3D_User_Guide.pdf): bytes in, marker trajectories, parameters
// and events out. Pure: the caller reads the file. Handles the three processor formats (Intel,
// DEC/VAX, MIPS/SGI big-endian) and both integer and floating-point point storage. Analog data is
// skipped (its size is still needed to step from frame to frame); `readC3DAnalogChannel` reads one
// channel when asked (the force plates' vertical force, c3d-force-plates.ts).

export type C3DProcessor = 'intel' | 'dec' | 'mips';

export type C3DParameterValue = string | string[] | number[];

export interface C3DParameter {
  group: string;
  name: string;
  /** -1 char, 1 byte, 2 int16, 4 float. */
  type: number;
  dims: number[];
  /** Strings for char parameters (one per column), numbers otherwise (flattened, first dim fastest). */
  value: C3DParameterValue;
  description: string;
}

export interface C3DEvent {
  /** Context as stored: usually 'Left', 'Right' or 'General'. */
  context: string;
  /** Label as stored, e.g. 'Foot Strike', 'Foot Off'. */
  label: string;
  /** Seconds on the recording's clock (frame n is at (n - 1) / rate). */
  timeS: number;
}

export interface C3DPoint {
  label: string;
  description: string;
  /** Coordinates in `pointUnits` (NaN where the sample is invalid), length = frameCount. */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

export interface C3DFile {
  processor: C3DProcessor;
  /** true when points are stored as float32, false for scaled int16. */
  floatData: boolean;
  pointRateHz: number;
  /** Number of the first frame (C3D frames are numbered from 1 at the start of capture). */
  firstFrame: number;
  frameCount: number;
  /** Frames the file's header and parameters declare; more than `frameCount` in a file cut short. */
  declaredFrameCount: number;
  /** Unit of point coordinates, as stored in POINT:UNITS (usually 'mm'). */
  pointUnits: string;
  points: C3DPoint[];
  /** Labels listed in POINT:ANGLES (model angle outputs, degrees), if any. */
  angleLabels: string[];
  /**
   * Every model output stored as a point rather than a marker: POINT:ANGLES, FORCES, MOMENTS,
   * POWERS, SCALARS and REACTIONS (Plug-in Gait writes its kinetics this way).
   */
  modelOutputLabels: string[];
  events: C3DEvent[];
  parameters: C3DParameter[];
  /** Where each frame's words lie, for the analog channels the reader leaves unread. */
  layout: { dataStartByte: number; frameBytes: number; pointCount: number; analogPerFrame: number };
}

export class C3DFormatError extends Error {
  override name = 'C3DFormatError';
}

const BLOCK_BYTES = 512;

/** Number decoding for one processor format. */
class Decoder {
  private readonly view: DataView;
  readonly bytes: Uint8Array;
  readonly processor: C3DProcessor;
  constructor(bytes: Uint8Array, processor: C3DProcessor) {
    this.bytes = bytes;
    this.processor = processor;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private get little(): boolean {
    return this.processor !== 'mips';
  }
  int8(o: number): number {
    return this.view.getInt8(o);
  }
  uint8(o: number): number {
    return this.view.getUint8(o);
  }
  int16(o: number): number {
    return this.view.getInt16(o, this.little);
  }
  uint16(o: number): number {
    return this.view.getUint16(o, this.little);
  }
  float32(o: number): number {
    if (this.processor !== 'dec') return this.view.getFloat32(o, this.little);
    // VAX F-float: 16-bit words swapped relative to IEEE little-endian, exponent bias 2 higher
    // (hence / 4); an exponent of zero means zero (VAX has no denormals).
    const b0 = this.view.getUint8(o);
    const b1 = this.view.getUint8(o + 1);
    const b2 = this.view.getUint8(o + 2);
    const b3 = this.view.getUint8(o + 3);
    if (b0 === 0 && (b1 & 0x7f) === 0) return 0;
    const tmp = new DataView(new ArrayBuffer(4));
    tmp.setUint8(0, b2);
    tmp.setUint8(1, b3);
    tmp.setUint8(2, b0);
    tmp.setUint8(3, b1);
    return tmp.getFloat32(0, true) / 4;
  }
}

function processorFromCode(code: number): C3DProcessor {
  if (code === 84) return 'intel';
  if (code === 85) return 'dec';
  if (code === 86) return 'mips';
  throw new C3DFormatError(`Unknown C3D processor type ${code} (expected 84 Intel, 85 DEC or 86 MIPS).`);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(bytes[start + i] ?? 0);
  return s;
}

function parseParameters(d: Decoder, start: number): C3DParameter[] {
  const bytes = d.bytes;
  const groups = new Map<number, string>();
  const raw: Array<Omit<C3DParameter, 'group'> & { groupId: number }> = [];
  let o = start + 4;
  const end = bytes.length;
  while (o + 2 < end) {
    const nameLen = Math.abs(d.int8(o));
    const id = d.int8(o + 1);
    if (nameLen === 0 || id === 0) break;
    const name = ascii(bytes, o + 2, nameLen).toUpperCase();
    const offsetPos = o + 2 + nameLen;
    const next = d.int16(offsetPos);
    let p = offsetPos + 2;
    if (id < 0) {
      groups.set(-id, name);
    } else {
      const type = d.int8(p);
      const ndims = d.uint8(p + 1);
      p += 2;
      const dims: number[] = [];
      for (let k = 0; k < ndims; k++) dims.push(d.uint8(p + k));
      p += ndims;
      const elemSize = Math.abs(type);
      const count = dims.reduce((a, b) => a * b, 1);
      let value: C3DParameterValue;
      if (type === -1) {
        // Char arrays: first dim is the string length, the rest enumerate strings.
        const strLen = dims[0] ?? 1;
        const n = ndims <= 1 ? 1 : count / strLen;
        const strings: string[] = [];
        for (let k = 0; k < n; k++)
          strings.push(
            ascii(bytes, p + k * strLen, strLen)
              .replace(/\0/g, ' ')
              .trim(),
          );
        value = ndims <= 1 ? (strings[0] ?? '') : strings;
      } else {
        const nums: number[] = [];
        for (let k = 0; k < count; k++) {
          const q = p + k * elemSize;
          if (type === 1) nums.push(d.uint8(q));
          else if (type === 2) nums.push(d.int16(q));
          else if (type === 4) nums.push(d.float32(q));
        }
        value = nums;
      }
      p += elemSize * count;
      const descLen = d.uint8(p);
      const description = ascii(bytes, p + 1, descLen);
      raw.push({ groupId: id, name, type, dims, value, description });
    }
    // 0 ends the section; a backward offset would loop forever on a damaged file.
    if (next <= 0) break;
    o = offsetPos + next;
  }
  return raw.map(({ groupId, ...rest }) => ({ group: groups.get(groupId) ?? `GROUP${groupId}`, ...rest }));
}

function findParam(params: C3DParameter[], group: string, name: string): C3DParameter | undefined {
  return params.find((p) => p.group === group && p.name === name);
}

function stringsOf(p: C3DParameter | undefined): string[] {
  if (!p) return [];
  return typeof p.value === 'string' ? [p.value] : Array.isArray(p.value) ? p.value.map(String) : [];
}

function numbersOf(p: C3DParameter | undefined): number[] {
  if (!p || typeof p.value === 'string') return [];
  return (p.value as unknown[]).filter((v): v is number => typeof v === 'number');
}

/** A TRIAL frame number: two int16 words of one 32-bit unsigned number, low word first (0: none). */
function trialFrameNumber(params: C3DParameter[], name: string): number | undefined {
  const words = numbersOf(findParam(params, 'TRIAL', name));
  if (words.length < 2) return undefined;
  const n = (words[0]! & 0xffff) + (words[1]! & 0xffff) * 65536;
  return n > 0 ? n : undefined;
}

/** Labels split over LABELS, LABELS2, LABELS3... when more than 255 points are stored. */
function continuedStrings(params: C3DParameter[], group: string, name: string): string[] {
  const out = stringsOf(findParam(params, group, name));
  for (let k = 2; k < 100; k++) {
    const more = findParam(params, group, `${name}${k}`);
    if (!more) break;
    out.push(...stringsOf(more));
  }
  return out;
}

export function readC3D(bytes: Uint8Array): C3DFile {
  if (bytes.length < 2 * BLOCK_BYTES) throw new C3DFormatError('File too short to be a C3D file.');
  if (bytes[1] !== 0x50) throw new C3DFormatError('Not a C3D file: the second byte is not 0x50.');
  const paramBlock = bytes[0] ?? 2;
  const paramStart = (paramBlock - 1) * BLOCK_BYTES;
  const processorCode = bytes[paramStart + 3];
  if (processorCode === undefined)
    throw new C3DFormatError('Parameter section lies beyond the end of the file.');
  const processor = processorFromCode(processorCode);
  const d = new Decoder(bytes, processor);

  const headerPoints = d.uint16(2);
  const headerAnalogPerFrame = d.uint16(4);
  const headerFirst = d.uint16(6);
  const headerLast = d.uint16(8);
  const headerScale = d.float32(12);
  const headerDataBlock = d.uint16(16);
  const headerRate = d.float32(20);

  const parameters = parseParameters(d, paramStart);

  const pointCount = numbersOf(findParam(parameters, 'POINT', 'USED'))[0] ?? headerPoints;
  const scale = numbersOf(findParam(parameters, 'POINT', 'SCALE'))[0] ?? headerScale;
  const floatData = scale < 0;
  const rate = numbersOf(findParam(parameters, 'POINT', 'RATE'))[0] ?? headerRate;
  const dataBlock = numbersOf(findParam(parameters, 'POINT', 'DATA_START'))[0] ?? headerDataBlock;
  // Beyond 65535 frames (10 minutes on a treadmill at 120 Hz is 72,000) the count no int16 holds is
  // written one of three ways: POINT:FRAMES as a float (the standard's), POINT:LONG_FRAMES, or
  // only as the first and last frame numbers in TRIAL:ACTUAL_START_FIELD / ACTUAL_END_FIELD.
  // An int16 POINT:FRAMES beyond 32767 is stored as unsigned.
  const framesParam = findParam(parameters, 'POINT', 'FRAMES');
  const frames = numbersOf(framesParam)[0];
  let frameCount =
    frames === undefined
      ? (headerLast - headerFirst + 1) & 0xffff
      : framesParam!.type === 4
        ? Math.round(frames)
        : frames & 0xffff;
  const longFrames = numbersOf(findParam(parameters, 'POINT', 'LONG_FRAMES'))[0];
  if (longFrames !== undefined && longFrames > frameCount) frameCount = Math.round(longFrames);
  if (frameCount === 0 && headerLast >= headerFirst) frameCount = headerLast - headerFirst + 1;

  let firstFrame = headerFirst;
  const actualStart = trialFrameNumber(parameters, 'ACTUAL_START_FIELD');
  if (actualStart !== undefined) firstFrame = actualStart;
  // Only a count the int16 cannot hold is taken from them: a file cut in an editor that left the
  // TRIAL group as captured would otherwise read as truncated.
  const actualEnd = trialFrameNumber(parameters, 'ACTUAL_END_FIELD');
  if (frameCount === 0xffff && actualStart !== undefined && actualEnd !== undefined)
    frameCount = Math.max(frameCount, actualEnd - actualStart + 1);

  // Analog words per frame: channels x samples per point frame.
  const analogUsed = numbersOf(findParam(parameters, 'ANALOG', 'USED'))[0];
  const analogRate = numbersOf(findParam(parameters, 'ANALOG', 'RATE'))[0];
  let analogPerFrame = headerAnalogPerFrame;
  if (analogUsed !== undefined && analogRate !== undefined && rate > 0) {
    analogPerFrame = analogUsed * Math.round(analogRate / rate);
  }

  const labels = continuedStrings(parameters, 'POINT', 'LABELS');
  const descriptions = continuedStrings(parameters, 'POINT', 'DESCRIPTIONS');
  const pointUnits = stringsOf(findParam(parameters, 'POINT', 'UNITS'))[0] ?? 'mm';
  const angleLabels = stringsOf(findParam(parameters, 'POINT', 'ANGLES')).filter((s) => s.length > 0);
  const modelOutputLabels = ['ANGLES', 'FORCES', 'MOMENTS', 'POWERS', 'SCALARS', 'REACTIONS'].flatMap((g) =>
    stringsOf(findParam(parameters, 'POINT', g)).filter((s) => s.length > 0),
  );

  const wordBytes = floatData ? 4 : 2;
  const frameBytes = (pointCount * 4 + analogPerFrame) * wordBytes;
  const dataStart = (dataBlock - 1) * BLOCK_BYTES;
  const available = Math.max(0, Math.floor((bytes.length - dataStart) / Math.max(1, frameBytes)));
  const declaredFrameCount = frameCount;
  if (available < frameCount) frameCount = available;

  const points: C3DPoint[] = [];
  for (let i = 0; i < pointCount; i++) {
    points.push({
      label: labels[i] ?? `POINT${i + 1}`,
      description: descriptions[i] ?? '',
      x: new Float64Array(frameCount),
      y: new Float64Array(frameCount),
      z: new Float64Array(frameCount),
    });
  }
  const absScale = Math.abs(scale) || 1;
  for (let f = 0; f < frameCount; f++) {
    const base = dataStart + f * frameBytes;
    for (let i = 0; i < pointCount; i++) {
      const o = base + i * 4 * wordBytes;
      let x: number, y: number, z: number, r: number;
      if (floatData) {
        x = d.float32(o);
        y = d.float32(o + 4);
        z = d.float32(o + 8);
        r = d.float32(o + 12);
      } else {
        x = d.int16(o) * absScale;
        y = d.int16(o + 2) * absScale;
        z = d.int16(o + 4) * absScale;
        r = d.int16(o + 6);
      }
      // A negative residual word marks an invalid sample; some writers store zeros instead.
      const invalid = r < 0 || (x === 0 && y === 0 && z === 0);
      const pt = points[i]!;
      pt.x[f] = invalid ? NaN : x;
      pt.y[f] = invalid ? NaN : y;
      pt.z[f] = invalid ? NaN : z;
    }
  }

  return {
    processor,
    floatData,
    pointRateHz: rate,
    firstFrame,
    frameCount,
    declaredFrameCount,
    pointUnits,
    points,
    angleLabels,
    modelOutputLabels,
    events: readEvents(parameters),
    parameters,
    layout: { dataStartByte: dataStart, frameBytes, pointCount, analogPerFrame },
  };
}

/**
 * One analog channel (0-based) of a file read by `readC3D`, in its physical unit: (raw - OFFSET)
 * x SCALE x GEN_SCALE per sample, ANALOG:RATE samples per second. Analog data is otherwise skipped.
 */
export function readC3DAnalogChannel(bytes: Uint8Array, file: C3DFile, channel: number): Float64Array {
  const d = new Decoder(bytes, file.processor);
  const num = (name: string) => numbersOf(findParam(file.parameters, 'ANALOG', name));
  const used = num('USED')[0] ?? 0;
  if (!(channel >= 0 && channel < used))
    throw new C3DFormatError(`Analog channel ${channel + 1} is not in the file.`);
  const perFrame = Math.round(file.layout.analogPerFrame / used);
  const unsigned = stringsOf(findParam(file.parameters, 'ANALOG', 'FORMAT'))[0]?.toUpperCase() === 'UNSIGNED';
  const scale = num('SCALE')[channel] ?? 1;
  const offset = num('OFFSET')[channel] ?? 0;
  const gen = num('GEN_SCALE')[0] ?? 1;
  const wordBytes = file.floatData ? 4 : 2;
  const out = new Float64Array(file.frameCount * perFrame);
  for (let f = 0; f < file.frameCount; f++) {
    const base =
      file.layout.dataStartByte + f * file.layout.frameBytes + file.layout.pointCount * 4 * wordBytes;
    for (let s = 0; s < perFrame; s++) {
      const o = base + (s * used + channel) * wordBytes;
      const raw = file.floatData ? d.float32(o) : unsigned ? d.uint16(o) : d.int16(o);
      out[f * perFrame + s] = (raw - offset) * scale * gen;
    }
  }
  return out;
}

function readEvents(parameters: C3DParameter[]): C3DEvent[] {
  const used = numbersOf(findParam(parameters, 'EVENT', 'USED'))[0] ?? 0;
  if (used <= 0) return [];
  const contexts = stringsOf(findParam(parameters, 'EVENT', 'CONTEXTS'));
  const labels = stringsOf(findParam(parameters, 'EVENT', 'LABELS'));
  const times = numbersOf(findParam(parameters, 'EVENT', 'TIMES'));
  const events: C3DEvent[] = [];
  for (let i = 0; i < used; i++) {
    // TIMES is [2, n]: minutes then seconds.
    const minutes = times[2 * i] ?? 0;
    const seconds = times[2 * i + 1] ?? 0;
    events.push({ context: contexts[i] ?? '', label: labels[i] ?? '', timeS: minutes * 60 + seconds });
  }
  return events.sort((a, b) => a.timeS - b.timeS);
}

/** A point's label without the subject prefix Vicon writes in multi-subject captures ("Subject:LHEE"). */
export function labelWithoutSubject(label: string): string {
  return label.includes(':') ? label.slice(label.indexOf(':') + 1) : label;
}

/** Looks up a point by label, ignoring case and a 'Subject:' prefix written by Vicon Nexus. */
export function findC3DPoint(file: C3DFile, label: string): C3DPoint | undefined {
  const want = label.toUpperCase();
  return file.points.find((p) => {
    const l = p.label.toUpperCase();
    return l === want || l.endsWith(`:${want}`);
  });
}

/** Parameter value by group and name (both case-insensitive). */
export function c3dParameter(file: C3DFile, group: string, name: string): C3DParameter | undefined {
  return findParam(file.parameters, group.toUpperCase(), name.toUpperCase());
}

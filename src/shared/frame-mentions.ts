// Frames named in the analysis' notes ("frames 100-108", "at frames 431-432, 892"), found so that
// review can take the reader to them: the notes say "look at the video there".

/** A piece of a note: plain text, or the text of one frame or run of frames and where it starts. */
export type NotePiece = string | { text: string; frame: number };

const MENTION = /\b(frames? )(\d+(?:-\d+)?(?:, \d+(?:-\d+)?)*)/g;
const RUN = /\d+(?:-\d+)?/g;

/** `note` cut into plain text and mentions of frames (each run of a list its own piece). */
export function framePieces(note: string): NotePiece[] {
  const pieces: NotePiece[] = [];
  let at = 0;
  for (const m of note.matchAll(MENTION)) {
    const listStart = m.index + m[1]!.length;
    pieces.push(note.slice(at, listStart));
    let inList = 0;
    for (const run of m[2]!.matchAll(RUN)) {
      if (run.index > inList) pieces.push(m[2]!.slice(inList, run.index));
      pieces.push({ text: run[0], frame: Number(run[0].split('-')[0]) });
      inList = run.index + run[0].length;
    }
    at = listStart + m[2]!.length;
  }
  pieces.push(note.slice(at));
  return pieces.filter((p) => p !== '');
}

// A vitest reporter that writes how long each test file took, hooks included (vitest's own per-file
// time leaves out beforeAll/afterAll, where most pose jobs and servers start), slowest first, to
// the file named by GAITLAB_FILE_TIMES. Where the suites' time goes, for keeping CI short.
import { writeFileSync } from 'node:fs';

export default class FileTimesReporter {
  onTestRunEnd(testModules) {
    const out = process.env.GAITLAB_FILE_TIMES;
    if (!out) return;
    const rows = testModules
      .map((m) => ({ s: m.diagnostic().duration / 1000, file: m.relativeModuleId }))
      .sort((a, b) => b.s - a.s);
    const total = rows.reduce((sum, r) => sum + r.s, 0);
    const lines = rows.map((r) => `${r.s.toFixed(1).padStart(7)} s  ${r.file}`);
    writeFileSync(
      out,
      `${total.toFixed(0)} s in ${rows.length} files, hooks included\n${lines.join('\n')}\n`,
    );
  }
}

// Writing on a full disk (/dev/full answers every write with ENOSPC): a whole-file write leaves no
// half file behind, the error is recognised as a full disk, a transaction that SQLite has already
// rolled back reports its cause (it reported "cannot rollback - no transaction is active"), and an
// import says the disk is full (it said "ENOSPC: no space left on device, copyfile ...").
import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeInTrial } from '../../../src/main/capture/place-in-trial';
import { writeFileAtomic } from '../../../src/main/store/atomic-file';
import { openDatabase, transaction } from '../../../src/main/store/database';
import { isDiskFull } from '../../../src/main/store/disk-full';

describe('a full disk', () => {
  it('a whole-file write fails as a full disk and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaitlab-disk-full-'));
    const target = join(dir, 'analysis.json');
    symlinkSync('/dev/full', `${target}.partial-${process.pid}`);
    let error: unknown;
    try {
      writeFileAtomic(target, JSON.stringify({ cycles: [1, 2, 3] }));
    } catch (err) {
      error = err;
    }
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(isDiskFull(error)).toBe(true);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(isDiskFull(new Error('The video file walk.mp4 does not exist or cannot be read.'))).toBe(false);
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { errcode: 13 }))).toBe(true);
  });

  it('a transaction SQLite rolled back itself reports its cause', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'gaitlab-tx-')), 'lab.sqlite'));
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    db.exec('INSERT INTO t VALUES (1)');
    // OR ROLLBACK: SQLite ends the transaction on the conflict, as it does on a full disk.
    expect(() => transaction(db, () => db.exec('INSERT OR ROLLBACK INTO t VALUES (1)'))).toThrow(
      /UNIQUE constraint failed: t\.id/,
    );
    expect(db.isTransaction).toBe(false);
    expect(() => transaction(db, () => db.exec('INSERT INTO t VALUES (2)'))).not.toThrow();
    db.close();
  });

  it('an import whose database write finds the disk full is refused with what to do, and nothing is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaitlab-place-'));
    const source = join(dir, 'walk.mp4');
    writeFileSync(source, 'video bytes');
    const trialDir = join(dir, 'lab', 'trials', 't1');
    const full = Object.assign(new Error('database or disk is full'), { errcode: 13 });
    await expect(
      placeInTrial({ path: source, move: false }, trialDir, 'sagittal-left.mp4', () => {
        throw full;
      }),
    ).rejects.toThrow(
      'The disk holding the lab folder is full: the file could not be copied into the lab. Free some space on it and import the file again. Nothing was imported.',
    );
    expect(existsSync(trialDir)).toBe(false);
    expect(existsSync(source)).toBe(true);
  });
});

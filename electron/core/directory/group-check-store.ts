// The directory's verdict on the saved enrollment groups, kept next to the settings
// so a reload (or a restart) still shows which saved groups enroll nothing, and when that was checked.
import fs from 'node:fs';
import path from 'node:path';
import { savedGroupChecksSchema, type SavedGroupChecks } from '../../../shared/ipc';

export const GROUP_CHECKS_FILE = 'enrollment-group-checks.json';

export class GroupCheckStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, GROUP_CHECKS_FILE);
  }

  get(): SavedGroupChecks | null {
    try {
      const parsed = savedGroupChecksSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  set(checks: SavedGroupChecks): void {
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(checks, null, 2));
    fs.renameSync(temp, this.file);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

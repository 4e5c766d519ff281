// The demo clock outlives the app: its time and speed are kept in the data folder,
// so a restart neither sends the demo tenant's story back to its first day nor
// changes the counts. Time the app is not running does not count as demo time.
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../../shared/ipc/zod';
import { DEMO_SPEED_MAX } from '../../shared/ipc';
import type { DemoClock } from '../demo-tenant/demo-clock';
import type { Logger } from '../http/logger';

export const DEMO_CLOCK_FILE = 'demo-clock.json';
// A running clock is written now and then, so a crash loses at most this much demo progress.
const SAVE_EVERY_MS = 30_000;

const savedClockSchema = z
  .object({
    version: z.literal(1),
    demoTime: z.number().min(0).max(8.64e15),
    speed: z.number().min(0).max(DEMO_SPEED_MAX),
  })
  .strict();

export interface KeptDemoClock {
  /** Writes the clock one last time and stops watching it. */
  close(): void;
}

/** Resumes `clock` from `dataDir` (when a previous run saved it) and keeps saving it there. */
export function keepDemoClock(clock: DemoClock, dataDir: string, logger?: Logger): KeptDemoClock {
  const file = path.join(dataDir, DEMO_CLOCK_FILE);
  const saved = readSaved(file, logger);
  if (saved) clock.resume(saved.demoTime, saved.speed);
  const save = (): void => {
    const content = JSON.stringify({ version: 1, demoTime: Math.round(clock.now()), speed: clock.getSpeed() });
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(temporary, content, { mode: 0o600 });
      fs.renameSync(temporary, file);
    } catch (error) {
      logger?.warn(`The demo clock could not be saved in ${file}: ${(error as Error).message}`);
    }
  };
  save();
  const stopWatching = clock.onChange(save);
  const timer = setInterval(save, SAVE_EVERY_MS);
  timer.unref();
  let closed = false;
  return {
    close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      stopWatching();
      save();
    },
  };
}

function readSaved(file: string, logger?: Logger): z.infer<typeof savedClockSchema> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return savedClockSchema.parse(JSON.parse(text));
  } catch {
    logger?.warn(`The saved demo clock in ${file} is unreadable; the demo tenant starts at its first day.`);
    return null;
  }
}

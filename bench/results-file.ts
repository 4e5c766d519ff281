import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../electron/host/project-paths';

export const RESULTS_FILE = path.join(PROJECT_ROOT, 'bench', 'results.json');

export type Figures = Record<string, number | string | boolean>;

/** Merges this run's figures into bench/results.json (other benchmarks keep their keys) and prints a table. */
export function report(results: Record<string, Figures>): void {
  let previous: Record<string, Figures>;
  try {
    previous = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Record<string, Figures>;
  } catch {
    previous = {};
  }
  const merged = { ...previous, ...results };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  const rows = Object.entries(results).map(([key, figures]) => [key, Object.entries(figures).map(([name, value]) => `${name}=${String(value)}`).join('  ')]);
  const width = Math.max(...rows.map(([key]) => key!.length));
  process.stdout.write(`${'benchmark'.padEnd(width)}  figures\n${'-'.repeat(width)}  -------\n`);
  for (const [key, figures] of rows) process.stdout.write(`${key!.padEnd(width)}  ${figures}\n`);
  process.stdout.write(`\nwritten to ${path.relative(PROJECT_ROOT, RESULTS_FILE)}\n`);
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

// One mail for all sync errors of a poll, grouped by step: never one mail per device.
import { cappedSections, plural, PRODUCT_NAME, singleLine, utcMinute } from './mail-text';

export interface ReportedSyncError {
  at: number;
  step: string;
  deviceId: string | null;
  message: string;
}

export interface ErrorReportInput {
  errors: readonly ReportedSyncError[];
  tenantLabel?: string;
}

export function errorReport(input: ErrorReportInput): { subject: string; text: string } {
  if (input.errors.length === 0) throw new RangeError('An error report needs at least one error.');
  const tenant = input.tenantLabel === undefined ? '' : ` (${singleLine(input.tenantLabel, 100)})`;
  const chronological = input.errors.toSorted((a, b) => a.at - b.at);
  const steps = new Map<string, ReportedSyncError[]>();
  for (const error of chronological) {
    const step = singleLine(error.step, 100);
    steps.set(step, [...(steps.get(step) ?? []), error]);
  }
  const groups = [...steps].map(([step, errors]) => ({ step, errors }));
  const total = plural(input.errors.length, 'sync error');
  const first = chronological[0]!.at;
  const last = chronological.at(-1)!.at;

  const text = [
    `${PRODUCT_NAME}${tenant} recorded ${total} in ${plural(groups.length, 'step')} between ${utcMinute(first)} and ${utcMinute(last)}.`,
    '',
    ...groups.map((group) => `${group.step}: ${plural(group.errors.length, 'error')}`),
    ...cappedSections(
      groups.map((group) => ({
        heading: `${group.step} (${group.errors.length})`,
        lines: group.errors.map((e) => `${utcMinute(e.at)}  ${e.deviceId === null ? 'no device' : `device ${singleLine(e.deviceId, 100)}`}: ${singleLine(e.message, 500)}`),
      })),
    ),
    '',
    `You receive this mail because you are an error report recipient in ${PRODUCT_NAME}.`,
    '',
  ].join('\n');
  return { subject: `${PRODUCT_NAME}${tenant}: ${total} in ${plural(groups.length, 'step')}`, text };
}

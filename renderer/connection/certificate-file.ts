import { CLIENT_CERTIFICATE_MAX, clientCertificateSchema } from '../../shared/config/connection-settings';

/** A PEM file the admin chose: its text, and what it lacks by the contract's rules (null: a certificate and a key are there). */
export type CertificateFile = { name: string; text: string; problem: string | null } | { name: string; text: null; problem: string };

/** The contract's own words for what is wrong with a PEM text, every rule it breaks; null when it holds a certificate and a key. */
export function pemProblem(text: string): string | null {
  const parsed = clientCertificateSchema.safeParse(text);
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join(' ');
}

/** The contract's words for a text over the size limit. */
function tooLarge(): string {
  const parsed = clientCertificateSchema.safeParse('-'.repeat(CLIENT_CERTIFICATE_MAX + 1));
  const issue = parsed.success ? undefined : parsed.error.issues.find((candidate) => candidate.code === 'too_big');
  return issue?.message ?? '';
}

/** Reads a chosen PEM file, unless it is over the limit: a PEM is ASCII, so its bytes are its characters. */
export async function readCertificateFile(file: File): Promise<CertificateFile> {
  if (file.size > CLIENT_CERTIFICATE_MAX) return { name: file.name, text: null, problem: tooLarge() };
  const text = await file.text();
  return { name: file.name, text, problem: pemProblem(text) };
}

import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** What a child process prints up to its first line's end; it fails if the child exits or cannot start first. */
export function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`exited ${String(code)}`)));
  });
}

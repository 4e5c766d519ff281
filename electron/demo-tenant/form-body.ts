// A urlencoded request body, read up to a bound: the identity endpoints take forms
// of a few kilobytes, and a far larger body is refused without being held in memory.

export const MAX_FORM_BYTES = 64 * 1024;

export type FormBody = { ok: true; form: URLSearchParams } | { ok: false; reason: 'content-type' | 'too-large' };

export async function readFormBody(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormBody> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    await request.body?.cancel();
    return { ok: false, reason: 'content-type' };
  }
  if (!request.body) return { ok: true, form: new URLSearchParams() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) };
}

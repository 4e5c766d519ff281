import type http from 'node:http';
import { sendText } from './loopback-pages';

/** A form_post response is a few kilobytes; anything far larger is not one. */
const MAX_FORM_BYTES = 64 * 1024;

/** The urlencoded form body; null when the request was refused (and already answered). */
export function readForm(req: http.IncomingMessage, res: http.ServerResponse): Promise<URLSearchParams | null> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    sendText(res, 415, 'Unsupported media type', { connection: 'close' });
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_FORM_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd).resume();
      sendText(res, 413, 'Payload too large', { connection: 'close' });
      resolve(null);
    };
    const onEnd = (): void => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    req.on('data', onData).on('end', onEnd);
    req.once('error', () => {
      res.destroy();
      resolve(null);
    });
  });
}

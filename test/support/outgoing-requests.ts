import diagnostics from 'node:diagnostics_channel';

const OUTGOING_REQUEST_CHANNELS = ['http.client.request.start', 'undici:request:create'];

/** Counts every outgoing HTTP request (node:http and fetch) from now until stop(). */
export function watchOutgoingRequests(): { count: () => number; stop: () => void } {
  let count = 0;
  const onRequest = (): void => {
    count += 1;
  };
  for (const channel of OUTGOING_REQUEST_CHANNELS) diagnostics.subscribe(channel, onRequest);
  return {
    count: () => count,
    stop: () => {
      for (const channel of OUTGOING_REQUEST_CHANNELS) diagnostics.unsubscribe(channel, onRequest);
    },
  };
}

/** Every outgoing HTTP request (node:http and fetch) made while `run` runs. */
export async function outgoingRequestsDuring(run: () => Promise<void> | void): Promise<number> {
  const watch = watchOutgoingRequests();
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    watch.stop();
  }
  return watch.count();
}

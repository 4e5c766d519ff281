// `npm run demo-tenant -- --devices N --port P --seed S [--speed X] [--latency-ms L] [--no-consent] [--real-time] [--app-certificate FILE] [--exit-after-build]`:
// serves the demo tenant on 127.0.0.1 and prints one line `DEMO_TENANT {json}`.
// --app-certificate FILE: uploads the PEM certificate in FILE (a key beside it is ignored) to the app
//   registration, so the app can sign in with a client assertion; the line then has appCertificateThumbprint (SHA-256).
// --no-consent: a brand-new tenant, where no administrator has consented to the console's app yet.
// --real-time: the tenant lives on the wall clock, as a customer's tenant does (its story starts two days ago).
// The line also names the console's access groups, for adding the tenant as a profile.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_DEVICES, MIN_DEVICES } from './build-tenant';
import { createDemoTenant, type DemoTenant } from './demo-tenant';
import { serveDemoTenant } from './serve-demo-tenant';

const MAX_LATENCY_MS = 10_000;

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(value)}.`);
  }
  return Number(value);
}

const MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;

/** The text of the --app-certificate file, read before the tenant is built so a bad path fails at once. */
function certificateFile(file: string): string {
  try {
    if (fs.statSync(file).size > MAX_CERTIFICATE_FILE_BYTES) throw new Error(`${JSON.stringify(file)} is larger than a PEM certificate file can be (1 MB)`);
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`--app-certificate: ${code ? `cannot read ${JSON.stringify(file)} (${code})` : error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}

/** Uploads the certificate to the app registration; its SHA-256 thumbprint. */
function registerCertificate(tenant: DemoTenant, file: string, text: string): string {
  try {
    return tenant.appCertificates.add(text).thumbprintSha256;
  } catch (error) {
    throw new Error(`--app-certificate: ${JSON.stringify(file)} is refused: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

try {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      'latency-ms': { type: 'string' },
      'no-consent': { type: 'boolean' },
      'real-time': { type: 'boolean' },
      'app-certificate': { type: 'string' },
      'exit-after-build': { type: 'boolean' },
    },
  });
  const devices = wholeNumber('devices', values.devices, 200, MIN_DEVICES, MAX_DEVICES);
  const port = wholeNumber('port', values.port, 0, 0, 65535);
  const latencyMs = wholeNumber('latency-ms', values['latency-ms'], 0, 0, MAX_LATENCY_MS);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < 0) throw new Error(`--speed must be a number >= 0; got ${JSON.stringify(values.speed)}.`);
  if (values['real-time'] && values.speed !== undefined) throw new Error('--real-time runs the tenant on the wall clock: it takes no --speed.');
  const certificatePath = values['app-certificate'];
  const certificateText = certificatePath === undefined ? undefined : certificateFile(certificatePath);
  const started = performance.now();
  const tenant = createDemoTenant({ devices, seed: values.seed ?? 'contoso', speed, consent: values['no-consent'] !== true, realTime: values['real-time'] === true });
  const buildMs = Math.round(performance.now() - started);
  const certificate = certificatePath === undefined || certificateText === undefined ? {} : { appCertificateThumbprint: registerCertificate(tenant, certificatePath, certificateText) };
  if (values['exit-after-build']) {
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    process.stdout.write(`DEMO_TENANT ${JSON.stringify({ ...tenant.credentials(), ...certificate, devices, buildMs, rssMb })}\n`);
    process.exit(0);
  }
  const served = await serveDemoTenant(tenant, port, { latencyMs });
  const groupId = (name: string): string | undefined => tenant.data.groups.find((group) => group.displayName === name)?.id;
  const accessGroups = { fullAccessGroupId: groupId('MTD Console Full Access'), restrictedAccessGroupId: groupId('MTD Console Restricted Access') };
  process.stdout.write(`DEMO_TENANT ${JSON.stringify({ ...served.credentials, ...certificate, ...accessGroups })}\n`);
  const stop = (): void => void served.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by a parent with an IPC channel (the bench): stop when that parent goes, even if it was killed.
  process.once('disconnect', stop);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

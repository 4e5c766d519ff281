import fs from 'node:fs';

/**
 * The Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's headless shell (the build
 * Playwright itself runs headless: no browser UI to draw, about a sixth less CPU over the suite),
 * else Debian's /usr/bin/chromium. Undefined means Playwright's own browser build (on machines
 * that can download it with `npx playwright install chromium`).
 */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)),
  );
}

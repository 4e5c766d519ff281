import type { AppInfo, Health, Notice } from '../../shared/ipc';

export interface AppServiceOptions {
  version: string;
  host: AppInfo['host'];
  dataDir: string;
  platform?: string;
  now?: () => Date;
}

export interface AppState {
  startupNotices: readonly Notice[];
}

/** Answers app.info and app.health: what is running, where its data lives, and that it is alive. */
export function createAppService(options: AppServiceOptions, state: AppState = { startupNotices: [] }) {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  return {
    info(): AppInfo {
      return {
        name: 'MTD Connector Console',
        version: options.version,
        // Until a tenant is configured the console runs on the embedded demo tenant.
        mode: 'demo',
        tenantConfigured: false,
        host: options.host,
        dataDir: options.dataDir,
        platform: options.platform ?? process.platform,
        startupNotices: [...state.startupNotices],
      };
    },
    health(): Health {
      return { status: 'ok', startedAt, checkedAt: now().toISOString() };
    },
  };
}

// English strings. Korean and French follow with the same keys (the languages of the seeds).
export const en = {
  app: {
    title: 'MTD Connector Console',
    skipToContent: 'Skip to content',
    navigation: 'Modules',
    loading: 'Loading…',
  },
  modules: {
    dashboard: {
      label: 'Dashboard',
      description: 'Device counts by state, threat levels, compliance and connector health.',
      empty: 'No devices yet. Once the Intune connector is set up and the first poll has run, device states appear here.',
    },
    devices: {
      label: 'Devices',
      description: 'Every enrolled device, with its state, threats and history.',
      empty: 'No devices are enrolled. Devices appear here after the first poll of the enrollment groups.',
    },
    securityPolicy: {
      label: 'Security Policy',
      description: 'Threat classifications and their risk levels.',
      empty: 'Threat classifications are not available yet.',
    },
    system: { label: 'System' },
    connectors: {
      label: 'Connectors',
      description: 'The Intune connector: connection settings, enrollment management, state sync and error management.',
      empty: 'No connector has been added.',
    },
    enrollmentSettings: {
      label: 'Enrollment settings',
      description: 'When an active device that stops checking in is marked Disconnected.',
      empty: 'Enrollment settings are not available yet.',
    },
    access: {
      label: 'Access',
      description: 'Tenant id, full-access and restricted-access groups, and consent status.',
      empty: 'No tenant is configured.',
    },
    preferences: {
      label: 'Preferences',
      description: 'Your own e-mail notifications per threat level.',
      empty: 'Notification preferences are not available yet.',
    },
    auditLog: {
      label: 'Audit log',
      description: 'Every sign-in, consent and configuration change: who, when, before and after.',
      empty: 'The audit log is empty.',
    },
    review: {
      label: 'Review',
      description: 'Open an exported configuration read-only and compare it with the live one.',
      empty: 'No configuration file is open.',
    },
  },
  status: {
    label: 'Application information',
    version: 'Version {{version}}',
    modeDemo: 'Demo tenant',
    modeReal: 'Live tenant',
    hostElectron: 'Desktop app',
    hostBrowser: 'Browser host',
    dataFolder: 'Data folder: {{path}}',
    noTenant: 'No tenant is configured. The console is in demo mode.',
    loadFailed: 'The console could not be reached: {{message}}',
  },
  errors: {
    hostUnreachable: 'The console host cannot be reached. Is it still running?',
    hostRefused: 'The browser host refused this tab: open the URL it printed again.',
  },
  notices: {
    label: 'Notices',
    dismiss: 'Dismiss notice',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no module at this address.',
    back: 'Go to the dashboard',
  },
} as const;

export type Messages = typeof en;

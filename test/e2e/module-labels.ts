// What a new user reads in the navigation and, for modules without a screen yet (and Connectors
// before one is added), on the module's empty state (English UI).
export const MODULE_LABELS: readonly { label: string; hash: string; empty?: RegExp }[] = [
  { label: 'Dashboard', hash: '#/dashboard', empty: /No devices yet/ },
  { label: 'What to do next', hash: '#/setup' },
  { label: 'Devices', hash: '#/devices', empty: /No devices are enrolled/ },
  { label: 'Threats', hash: '#/threats' },
  { label: 'Security Policy', hash: '#/security-policy' },
  { label: 'Connectors', hash: '#/system/connectors', empty: /No connector has been added/ },
  { label: 'Enrollment settings', hash: '#/system/enrollment-settings' },
  { label: 'Drift', hash: '#/system/drift' },
  { label: 'Access', hash: '#/system/access' },
  { label: 'Preferences', hash: '#/preferences' },
  { label: 'Audit log', hash: '#/audit-log' },
  { label: 'Review', hash: '#/review', empty: /No configuration file is open/ },
];

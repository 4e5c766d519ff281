// What a new user reads in the navigation and on each module's empty state (English UI).
export const MODULE_LABELS = [
  { label: 'Dashboard', hash: '#/dashboard', empty: /No devices yet/ },
  { label: 'Devices', hash: '#/devices', empty: /No devices are enrolled/ },
  { label: 'Security Policy', hash: '#/security-policy', empty: /Threat classifications are not available yet/ },
  { label: 'Connectors', hash: '#/system/connectors', empty: /No connector has been added/ },
  { label: 'Enrollment settings', hash: '#/system/enrollment-settings', empty: /Enrollment settings are not available yet/ },
  { label: 'Access', hash: '#/system/access', empty: /No tenant is configured/ },
  { label: 'Preferences', hash: '#/preferences', empty: /Notification preferences are not available yet/ },
  { label: 'Audit log', hash: '#/audit-log', empty: /The audit log is empty/ },
  { label: 'Review', hash: '#/review', empty: /No configuration file is open/ },
] as const;

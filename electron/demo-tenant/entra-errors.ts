// Entra ID's OAuth error answers: the JSON body of the token endpoint, and the
// AADSTS texts the demo tenant uses (the code leads the description, as in Entra).
import crypto from 'node:crypto';
import { json } from './graph-responses';

export interface EntraErrorInit {
  status: 400 | 401;
  error: string;
  code: number;
  message: string;
  suberror?: string;
}

/** The description Entra sends: "AADSTSnnnnn: text", then the ids support asks for. */
export function aadstsDescription(code: number, message: string, traceId: string, correlationId: string, timestamp: string): string {
  return `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`;
}

export function entraError(init: EntraErrorInit): Response {
  const traceId = crypto.randomUUID();
  const correlationId = crypto.randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return json(init.status, {
    error: init.error,
    error_description: aadstsDescription(init.code, init.message, traceId, correlationId, timestamp),
    error_codes: [init.code],
    ...(init.suberror ? { suberror: init.suberror } : {}),
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}

export const APP_DISPLAY_NAME = 'MTD Connector Console';

export function consentRequiredMessage(clientId: string): string {
  return `The user or administrator has not consented to use the application with ID '${clientId}' named '${APP_DISPLAY_NAME}'. Send an interactive authorization request for this user and resource.`;
}

export function unknownClientMessage(clientId: string, tenantName: string): string {
  return `Application with identifier '${clientId.slice(0, 100)}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`;
}

export const USER_DECLINED = 'AADSTS65004: User declined to consent to access the app.';
export const NEEDS_ADMIN_APPROVAL = `AADSTS90094: ${APP_DISPLAY_NAME} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.`;

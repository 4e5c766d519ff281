// How the engine reaches a tenant: URLs and secrets travel over the process channel,
// never through a file. The demo tenant hands out the same fields as its credentials.
import { z } from './zod';

/** The tenant's services and the app's credentials for them. */
export const tenantCredentialsSchema = z.object({
  tenantId: z.string(),
  graphBaseUrl: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  mraBaseUrl: z.string(),
  mraAppKey: z.string(),
  /** The demo tenant's partner sync; absent against a real tenant (report-only). */
  partnerBaseUrl: z.string().optional(),
});
export type TenantCredentials = z.infer<typeof tenantCredentialsSchema>;

export const tenantEndpointsSchema = tenantCredentialsSchema.extend({
  mode: z.enum(['demo', 'real']),
  /**
   * 'host': Graph tokens come from the main process (the signed-in admin's, delegated), asked
   * for over the process channel; tokenUrl and clientSecret are then unused. Otherwise the
   * engine exchanges the client secret itself (app-only).
   */
  tokenSource: z.literal('host').optional(),
});
export type TenantEndpoints = z.infer<typeof tenantEndpointsSchema>;

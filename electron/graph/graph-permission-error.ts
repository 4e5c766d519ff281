// What a refused Graph call means for the admin: a permission the app lacks (Intune's
// 403 names the scopes it wanted), an Intune role the signed-in user lacks, or no answer.
import { ApiError, TOKEN_UNAVAILABLE } from '../http/api-error';
import { isUnreachable } from '../http/unreachable';
import { GRAPH_SERVICE } from './graph-error';

export type GraphRefusal =
  | { kind: 'missingScope'; scopes: string[] }
  | { kind: 'missingIntuneRole' }
  | { kind: 'forbidden' }
  | { kind: 'unauthorized' }
  | { kind: 'tokenUnavailable'; message: string }
  | { kind: 'unreachable' };

const SCOPES = /must have one of the following scopes:\s*([\w.,\s]+)/i;

export function graphRefusal(error: unknown): GraphRefusal | null {
  if (isUnreachable(error)) return { kind: 'unreachable' };
  if (!(error instanceof ApiError) || error.service !== GRAPH_SERVICE) return null;
  if (error.code === TOKEN_UNAVAILABLE) return { kind: 'tokenUnavailable', message: error.serviceMessage };
  if (error.status === 401) return { kind: 'unauthorized' };
  if (error.status !== 403) return null;
  const scopes = SCOPES.exec(error.serviceMessage);
  if (scopes) return { kind: 'missingScope', scopes: scopes[1]!.split(',').map((s) => s.trim()).filter(Boolean) };
  if (/\/(deviceManagement|deviceAppManagement)\//.test(`${error.path}/`)) return { kind: 'missingIntuneRole' };
  return { kind: 'forbidden' };
}

/** The sentence an admin can act on, for a refused Graph call; null when the error is not a refusal. */
export function graphRefusalWords(error: unknown): string | null {
  const refusal = graphRefusal(error);
  if (!refusal || !(error instanceof ApiError)) return null;
  const call = `${error.service} ${error.method} ${error.path}`;
  switch (refusal.kind) {
    case 'missingScope':
      return `${call} was refused: the app registration lacks the permission ${refusal.scopes.join(' or ')}, or consent for it was revoked. Add it under API permissions and have a Global Administrator grant consent again.`;
    case 'missingIntuneRole':
      return `${call} was refused: the signed-in admin has no Intune role that allows it. Assign an Intune role (for example Read Only Operator) in Intune > Tenant administration > Roles, or poll with the app identity.`;
    case 'forbidden':
      return `${call} was refused (403): ${error.serviceMessage}`;
    case 'unauthorized':
      return `${call} was refused (401): the sign-in is no longer valid. Sign in again.`;
    case 'tokenUnavailable':
      return `${call} was not sent: ${refusal.message}`;
    case 'unreachable':
      return `${call} got no answer: the service cannot be reached from this computer.`;
  }
}

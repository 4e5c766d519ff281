// What a refused Graph call means for the admin: a permission the app lacks (Intune's
// 403 names the scopes it wanted), an Intune role the signed-in user lacks, or no answer.
import { appError } from '../../shared/ipc/error-messages';
import type { AppError } from '../../shared/ipc/errors';
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

/** A refused Graph call as the typed error an admin can act on; null when the error is not a refusal. */
export function graphRefusalError(error: unknown): AppError | null {
  const refusal = graphRefusal(error);
  if (!refusal || !(error instanceof ApiError)) return null;
  const call = { service: error.service, method: error.method, path: error.path };
  switch (refusal.kind) {
    case 'missingScope':
      return appError('forbidden', 'graph.missingScope', { ...call, scopes: refusal.scopes.join(' or ') });
    case 'missingIntuneRole':
      return appError('forbidden', 'graph.missingIntuneRole', call);
    case 'forbidden':
      return appError('forbidden', 'graph.forbidden', { ...call, detail: error.serviceMessage });
    case 'unauthorized':
      return appError('unauthenticated', 'graph.unauthorized', call);
    case 'tokenUnavailable':
      return appError('unauthenticated', 'graph.tokenUnavailable', { ...call, detail: refusal.message });
    case 'unreachable':
      return appError('unavailable', 'graph.unreachable', call);
  }
}

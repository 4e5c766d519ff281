import type { CallContext } from './dispatcher';

/**
 * Who calls before sign-in exists (issue 5): the console's single local operator,
 * with the Full role, so the configuration screens work on the demo tenant. Sign-in
 * replaces this with the signed-in user's session and role.
 */
export const PRE_SIGN_IN_CONTEXT: CallContext = Object.freeze({
  role: 'full',
  user: Object.freeze({ id: 'local-operator', displayName: 'Local operator (before sign-in)' }),
});

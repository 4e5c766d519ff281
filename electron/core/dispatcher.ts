import type { z } from 'zod';
import {
  AppError,
  appError,
  channels,
  fail,
  isAllowed,
  isChannelName,
  ok,
  parseOrThrow,
  type ChannelName,
  type Envelope,
  type ResponseOf,
  type Role,
} from '../../shared/ipc';
import { appErrorOf } from '../engine/app-error-of';
import type { Logger } from '../http/logger';

export interface SessionUser {
  id: string;
  displayName: string;
  /** The sign-in name (e-mail address), so the audit log can be searched by it. */
  userPrincipalName?: string;
}

/** Who is calling: the session's role (null when signed out) and user. */
export interface CallContext {
  role: Role | null;
  user?: SessionUser;
}

type ParsedRequest<K extends ChannelName> = z.output<(typeof channels)[K]['request']>;

/** One handler per channel of the contract; the type makes a missing channel a compile error. */
export type Handlers = {
  [K in ChannelName]: (request: ParsedRequest<K>, context: CallContext) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface Dispatcher {
  /** Checks the channel, the caller's role and the payload, then runs the handler; never throws. */
  dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Envelope<unknown>>;
}

export interface DispatcherHooks {
  /** Every refused call (wrong role or signed out), so it can be audited. */
  onDenied?(channel: ChannelName, context: CallContext): void;
}

export function createDispatcher(handlers: Handlers, logger: Logger, hooks: DispatcherHooks = {}): Dispatcher {
  return {
    async dispatch(channel, payload, context) {
      try {
        if (!isChannelName(channel)) {
          throw appError('not_found', 'call.noChannel', { channel: JSON.stringify(String(channel)).slice(0, 80) });
        }
        const spec = channels[channel];
        // The role is checked before the payload is even looked at, so a denied caller learns nothing from validation.
        if (!isAllowed(spec.access, context.role)) {
          hooks.onDenied?.(channel, context);
          throw context.role === null
            ? appError('unauthenticated', 'call.signInFirst', {})
            : appError('forbidden', 'call.roleRefused', { role: context.role, channel });
        }
        const request = parseOrThrow(spec.request, payload);
        const handler = handlers[channel] as (request: unknown, context: CallContext) => unknown;
        const result = await handler(request, context);
        return ok(spec.response.parse(result));
      } catch (error) {
        const known = appErrorOf(error);
        if (known) {
          if (!(error instanceof AppError)) logger.warn(`call to ${String(channel)} failed: ${known.message}`);
          return fail(known);
        }
        logger.error(`call to ${String(channel)} failed`, error);
        return fail(appError('internal', 'call.unexpected', {}));
      }
    },
  };
}

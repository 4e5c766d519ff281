import { AppError, mapChannels, type Api, type ApiCalls, type ChannelName, type LooseCalls } from '../../shared/ipc';

/** The channels that manage the session itself: their refusals are answers (wrong user, no consent), not a lost session. */
const SESSION_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'session.get',
  'session.signInDemo',
  'session.signOut',
  'session.beginSignIn',
  'session.completeSignIn',
  'session.cancelSignIn',
  'consent.begin',
  'consent.grant',
  'consent.decline',
  'profiles.list',
  'profiles.switch',
]);

/**
 * The API the modules use: the same calls, but a call refused as unauthenticated or forbidden
 * means main no longer sees the session the console shows (it expired, or the role changed at a
 * re-check), so the session is fetched again and the screen follows it.
 */
export function guardApi(api: Api, onRefused: () => void): Api {
  const calls: LooseCalls = api;
  const guarded = mapChannels<ApiCalls>((channel) => async (request?: unknown) => {
    try {
      return await calls[channel](request);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'unauthenticated' || error.code === 'forbidden') && !SESSION_CHANNELS.has(channel)) onRefused();
      throw error;
    }
  });
  return { ...guarded, on: api.on };
}

// One function per channel of the contract, built from the channel's name: how the
// preload, the HTTP bridge, the renderer's API and main's handlers all make their maps.
import { CHANNEL_NAMES, type ChannelName } from './channel-names';

/** Any function: what a map's builder returns for one channel, before it is taken as that channel's own. */
export type ChannelFunction = (...args: never[]) => unknown;

/**
 * A channel's call seen from outside the contract: a request in, a promise out. Method
 * syntax compares parameters both ways, so every channel's own call is one, without a cast.
 */
export type LooseCall = { call(request?: unknown): Promise<unknown> }['call'];

/** Any map of the contract's calls (ApiCalls, BridgeCalls), read by channel name. */
export type LooseCalls = Record<ChannelName, LooseCall>;

/**
 * The map M (ApiCalls, BridgeCalls, Handlers...) with build(name) under every channel name.
 * M's entries are typed per channel while build is one function over every channel, so the
 * caller vouches that build(name) fits its channel's entry: the contract's schemas check
 * each payload at runtime (the dispatcher's request and response parse, unwrap's envelope).
 */
export function mapChannels<M extends Record<ChannelName, ChannelFunction>>(build: (channel: ChannelName) => ChannelFunction): M {
  const map: Partial<Record<ChannelName, ChannelFunction>> = {};
  for (const channel of CHANNEL_NAMES) map[channel] = build(channel);
  // The one cast of the channel maps: every name has its entry, typed by the caller's M (see above).
  return map as M;
}

import { type TokenProvider } from '../../electron/http/token-provider';

/** Hands out token-1, then token-2 after an invalidate(), and so on; counts both. */
export function countingTokenProvider(): TokenProvider & { issued: string[]; invalidations: number } {
  let current: string | undefined;
  const provider = {
    issued: [] as string[],
    invalidations: 0,
    getToken(): Promise<string> {
      if (current === undefined) {
        current = `token-${provider.issued.length + 1}`;
        provider.issued.push(current);
      }
      return Promise.resolve(current);
    },
    invalidate(): void {
      provider.invalidations += 1;
      current = undefined;
    },
  };
  return provider;
}

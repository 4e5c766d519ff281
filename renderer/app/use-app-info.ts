import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { messageOf } from '../forms/errors';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; message: string };

export function useAppInfo(): AppInfoState {
  const api = useApi();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    api['app.info']().then(
      (info) => live && setState({ status: 'ready', info }),
      (error: unknown) => live && setState({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}

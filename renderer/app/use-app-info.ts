import { useQuery } from '@tanstack/react-query';
import type { AppInfo } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { messageOf } from '../forms/errors';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; message: string };

export function useAppInfo(): AppInfoState {
  const api = useApi();
  const query = useQuery({ queryKey: ['app.info'], queryFn: () => api['app.info']() });
  if (query.isSuccess) return { status: 'ready', info: query.data };
  if (query.isError) return { status: 'failed', message: messageOf(query.error) };
  return { status: 'loading' };
}

import { FluentProvider } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc';
import { ApiProvider } from '../api/api-context';
import { createQueryClient } from '../data/query-client';
import { ActiveThemeContext, useSystemTheme } from './active-theme';

/** What every screen needs around it: the system's theme, the data cache and the API it reads through. */
export function AppProviders({ api, queryClient, children }: { api: Api; queryClient?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const active = useSystemTheme();
  return (
    <FluentProvider theme={active}>
      <ActiveThemeContext.Provider value={active}>
        <QueryClientProvider client={client}>
          <ApiProvider api={api}>{children}</ApiProvider>
        </QueryClientProvider>
      </ActiveThemeContext.Provider>
    </FluentProvider>
  );
}

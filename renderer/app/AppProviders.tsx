import { FluentProvider, type Theme } from '@fluentui/react-components';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc';
import { ApiProvider } from '../api/api-context';
import { createQueryClient } from '../data/query-client';
import { ActiveThemeContext, useSystemTheme } from './active-theme';

/** What every screen needs around it: the theme (the system's unless one is given), the data cache and the API it reads through. */
export function AppProviders({ api, queryClient, theme, children }: { api: Api; queryClient?: QueryClient; theme?: Theme; children: ReactNode }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const systemTheme = useSystemTheme();
  const active = theme ?? systemTheme;
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

import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { ProfileList } from '../../shared/ipc';
import { useApi } from '../api/api-context';
import { useLoad, type Loadable } from '../forms/use-load';
import { reloadAtDashboard } from './reload-at-dashboard';

const LOAD_KEY = ['profiles.list'] as const;

export interface ProfilesContextValue {
  state: Loadable<ProfileList>;
  reload: () => void;
  /** What an add, rename or remove answered: the list as main now has it. */
  replace: (list: ProfileList) => void;
  /** Makes another profile the active one and starts the console afresh on it; rejects with main's reason. */
  switchTo: (id: string) => Promise<void>;
}

const ProfilesContext = createContext<ProfilesContextValue | null>(null);

/** The tenant profiles on this computer, shared by the header's tenant menu and the Tenants page. */
export function ProfilesProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const load = useCallback(() => api['profiles.list'](), [api]);
  const { state, reload, replace } = useLoad(LOAD_KEY, load);
  const switchTo = useCallback(
    async (id: string) => {
      await api['profiles.switch']({ id });
      reloadAtDashboard();
    },
    [api],
  );
  const value = useMemo(() => ({ state, reload, replace, switchTo }), [state, reload, replace, switchTo]);
  return <ProfilesContext.Provider value={value}>{children}</ProfilesContext.Provider>;
}

export function useProfiles(): ProfilesContextValue {
  const profiles = useContext(ProfilesContext);
  if (!profiles) throw new Error('useProfiles must be used inside <ProfilesProvider>.');
  return profiles;
}

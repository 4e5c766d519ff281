// Defined by Forge's Vite plugin at build time; absent in plain `vite build`, so read them with typeof guards.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string | undefined;

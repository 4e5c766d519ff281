import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApi } from './api/api-context';
import { App } from './app/App';
import { AppProviders } from './app/AppProviders';
import { initI18n } from './i18n/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <AppProviders api={createDefaultApi()}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
});

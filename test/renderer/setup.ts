// Every renderer test: the console's English words loaded, and the DOM emptied after each test.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../renderer/i18n/i18n';

// Answers come from a real core and engine on a machine shared with other work: wait up to 10 s, not 1 s.
// Role queries skip jsdom's computed-style walk up every ancestor (most of a query's time); Fluent does not render what it hides.
configure({ asyncUtilTimeout: 10_000, defaultHidden: true });

beforeAll(async () => {
  await initI18n();
});

afterEach(() => {
  cleanup();
});

// Every renderer test: the console's English words loaded, and the DOM emptied after each test.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../renderer/i18n/i18n';

beforeAll(async () => {
  await initI18n();
});

afterEach(() => {
  cleanup();
});

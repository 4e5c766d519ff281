import fs from 'node:fs';
import { createAppService, type AppServiceOptions } from './app-service';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './event-bus';
import type { Logger } from './logger';

export interface CoreOptions extends AppServiceOptions {
  logger: Logger;
}

/** Everything the console does, without Electron: the Electron shell and the browser host both wrap one of these. */
export interface Core {
  dispatcher: Dispatcher;
  events: EventBus;
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const events = createEventBus();
  const app = createAppService(options);
  const handlers: Handlers = {
    'app.info': () => app.info(),
    'app.health': () => app.health(),
  };
  return {
    dispatcher: createDispatcher(handlers, options.logger),
    events,
    close: async () => {},
  };
}

export * from './contract';
export * from './envelope';
export * from './errors';
export * from './roles';
export * from './validate';
export * from './configuration-channels';
export * from './session-channels';

export * from './actor';
export * from './enums';
export * from './reasons';
export * from './limits';
export * from './validation';
export * from './schemas';

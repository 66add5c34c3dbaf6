export * from './actor';
export * from './media-limits';

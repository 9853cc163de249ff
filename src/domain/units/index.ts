export * from './constants';
export * from './convert';
export * from './format';
export * from './parse';
export * from './message';

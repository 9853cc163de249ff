export * from './model';
export * from './catalog';
export * from './geometry';
export * from './kinds';

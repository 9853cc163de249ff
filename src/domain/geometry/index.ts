export * from './vec';
export * from './rect';
export * from './polygon';
export * from './polyline';

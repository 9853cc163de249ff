export * from './anchor';
export * from './geojson';

export * from './lessons';
export * from './densityComparison';
export * from './whatIf';
export { ceilClean, derived } from './sourcedMath';

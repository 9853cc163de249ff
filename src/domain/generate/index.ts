export * from './generateCampus';
export * from './land';

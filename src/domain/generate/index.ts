export * from './generateCampus';
export * from './land';
export * from './whatFits';

export * from './sourced';
export * from './coolingTypes';
export * from './rackProfiles';
export * from './tiers';
export * from './network';
export * from './hallLayout';
export * from './plant';
export * from './cost';

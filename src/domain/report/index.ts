export * from './types';
export { computeReport, type ReportOptions } from './computeReport';
export { CHECK_TITLES } from './checks';
export { rackPointLoadKpa, G } from './rows';
export { M_PER_MILE } from './fiber';
export { US_PER_KM } from './latency';
export { UNSERVED_PUE, usablePower } from './power';
export { MERGE_M, JOIN_M, ATTACH_M } from './fiberGraph';
export * from './compare';

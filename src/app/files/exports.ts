/**
 * What the File menu's exports and the print report need, as one chunk the page loads on first use
 * (commands.ts imports it dynamically), so none of it is in the initial JavaScript.
 */
export { campusStage, exportCampusPng, exportViewPng } from './exportImage';
export { layoutToSvg } from './exportSvg';
export { sheetFor } from './sheet';
export { geoJsonText } from './geoJsonExport';
export { PrintReport } from './PrintReport';

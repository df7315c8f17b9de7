export {
  type ColourScale,
  type ColourStep,
  colourScale,
  equalThresholds,
  NO_DATA_COLOUR,
  RISK_LEVEL_RANK,
  RISK_LEVEL_SCALE,
  SEQUENTIAL_BLUES,
} from './colour-scale.js';
export { COUNTY_MAP_TOWNS, type CountyMapTown } from './county-map.data.js';
export { CountyMap, type CountyMapMode, type CountyMapProps } from './county-map.js';

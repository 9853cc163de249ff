import type { Layout } from '../../domain';
import { layoutToGeoJson, type SiteAnchor } from '../../domain/geo';

/** The text of the .geojson export: RFC 7946 FeatureCollection, 2-space JSON, a trailing newline. */
export function geoJsonText(layout: Layout, site: SiteAnchor): string {
  return `${JSON.stringify(layoutToGeoJson(layout, site), null, 2)}\n`;
}

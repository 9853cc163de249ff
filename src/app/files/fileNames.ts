/**
 * File names from layout names: "Sample 200 MW Blackwell campus" → "sample-200-mw-blackwell-campus".
 * Lower case ASCII letters, digits and single hyphens; accents are folded ("Düsseldorf" →
 * "dusseldorf"); anything else separates words. Never empty, never longer than MAX_SLUG.
 */
export const MAX_SLUG = 80;
export const FALLBACK_SLUG = 'campus-layout';

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining marks left by NFKD: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > MAX_SLUG ? slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, '') : slug;
  return cut.replace(/-+$/, '') || FALLBACK_SLUG;
}

/** The download name of a layout: its slug and the extension ("json", "geojson", "png", "svg"). */
export function fileNameFor(layoutName: string, extension: string, suffix = ''): string {
  return `${slugify(layoutName)}${suffix ? `-${suffix}` : ''}.${extension}`;
}

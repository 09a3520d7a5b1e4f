import sharp from 'sharp'

/** Colours of a simple sea-and-sky picture: the sky fades from the first colour to the second at the horizon. */
export type Scene = { sea: string; sky: [string, string]; sun: string }

const WIDTH = 1600
const HEIGHT = 900
const HORIZON = 560

/** Light on the water: short lines that step down and away from the horizon. */
const wave =
  (colour: string) =>
  (i: number): string =>
    `<rect x="${200 + i * 170}" y="${HORIZON + 30 + i * 55}" width="${700 - i * 90}" height="4" ` +
    `fill="${colour}" opacity="${0.35 - i * 0.05}"/>`

const svg = ({ sea, sky, sun }: Scene): string => `
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky[0]}"/>
      <stop offset="1" stop-color="${sky[1]}"/>
    </linearGradient>
    <linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sea}" stop-opacity="0.85"/>
      <stop offset="1" stop-color="${sea}"/>
    </linearGradient>
  </defs>
  <rect width="${WIDTH}" height="${HORIZON}" fill="url(#sky)"/>
  <circle cx="${WIDTH * 0.68}" cy="${HORIZON - 40}" r="90" fill="${sun}" opacity="0.9"/>
  <rect y="${HORIZON}" width="${WIDTH}" height="${HEIGHT - HORIZON}" fill="url(#sea)"/>
  ${[0, 1, 2, 3, 4].map(wave(sun)).join('')}
</svg>`

/**
 * Draws a JPEG the size of a hero image, so demo stories show a picture without shipping binary
 * files in the repository. Rendered from SVG shapes only: no fonts, so it looks the same everywhere.
 */
export const placeholderImage = (scene: Scene): Promise<Buffer> =>
  sharp(Buffer.from(svg(scene))).jpeg({ quality: 82 }).toBuffer()

/**
 * SVG to PNG with resvg, using only the font shipped in node_modules: never the machine's fonts,
 * so that the picture is the same, pixel for pixel, on every machine that renders it.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, PNG_WIDTH } from './style.ts';

const require = createRequire(import.meta.url);

/**
 * Found once, when this module loads. resvg-js takes fonts only as paths (its native build has no
 * font buffers), so each drawing reads the two 53 KB faces again: little next to drawing the
 * picture, and every drawing is cached (picture.ts).
 */
const FONT_FILES = [
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf'),
  require.resolve('@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf'),
];

export interface Png {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The SVG drawn `width` pixels wide (its height follows its aspect ratio). */
export function svgToPng(svg: string, width = PNG_WIDTH): Png {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
    // Nothing in our SVG needs resvg to say more than errors.
    logLevel: 'error',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/**
 * The accent colour: buttons are white text on it, links and focus rings are it on white, so the one
 * rule that keeps both readable is WCAG 2's contrast ratio against white, at least 4.5:1 (AA for
 * normal text). No "server-only": the admin page's preview checks a draft colour as it is typed.
 */
export const DEFAULT_ACCENT = "#4f46e5";
export const MIN_ACCENT_CONTRAST = 4.5;
export const ACCENT_PATTERN = /^#[0-9a-f]{6}$/;

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(colour: Rgb): number {
  const [r, g, b] = colour.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Whether white text on `accent` (and `accent` text on white) is readable. */
export function accentIsReadable(accent: string): boolean {
  return ACCENT_PATTERN.test(accent) && contrastRatio(accent, "#ffffff") >= MIN_ACCENT_CONTRAST;
}

const mix = (a: Rgb, b: Rgb, weightOfB: number): Rgb => a.map((c, i) => c + (b[i]! - c) * weightOfB) as Rgb;

export type AccentPalette = { brand: string; brandStrong: string; brandSoft: string };

/**
 * The three variables app/globals.css styles with: the accent, a darker one for hover and for text on
 * the soft tint, and a pale tint for backgrounds. The default accent keeps the stylesheet's own values.
 */
export function accentPalette(accent: string): AccentPalette {
  if (accent === DEFAULT_ACCENT || !ACCENT_PATTERN.test(accent)) return { brand: DEFAULT_ACCENT, brandStrong: "#4338ca", brandSoft: "#eef2ff" };
  const colour = rgb(accent);
  return { brand: accent, brandStrong: hex(mix(colour, [0, 0, 0], 0.15)), brandSoft: hex(mix(colour, [255, 255, 255], 0.9)) };
}

/** The palette as CSS custom properties, for a style attribute or a :root rule. */
export function accentVariables(accent: string): Record<"--brand" | "--brand-strong" | "--brand-soft", string> {
  const palette = accentPalette(accent);
  return { "--brand": palette.brand, "--brand-strong": palette.brandStrong, "--brand-soft": palette.brandSoft };
}

/**
 * Draws the sample site's images (covers, one figure, entity logos) into public/images/sample/, so the sample
 * content depends on no outside host. Abstract compositions from a few numbers each, rendered from SVG by sharp
 * (librsvg) to WebP; deterministic, so running it again changes nothing. The files are committed: this is only
 * needed to change or add one.
 *
 *   npx tsx scripts/make-sample-images.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { seededRandom } from "../lib/util/seeded-random";

const OUT_DIR = path.join(process.cwd(), "public", "images", "sample");
export const COVER_SIZE = { width: 960, height: 540 };
const LOGO_SIZE = 96;


/** Soft overlapping shapes on a two-tone gradient, in the hue of the article's section. */
function coverSvg(seed: number, hue: number): string {
  const random = seededRandom(seed);
  const { width, height } = COVER_SIZE;
  const shapes: string[] = [];
  for (let index = 0; index < 7; index += 1) {
    const x = Math.round(random() * width);
    const y = Math.round(random() * height);
    const r = Math.round(60 + random() * 220);
    const shade = Math.round(hue + (random() - 0.5) * 50);
    const light = Math.round(45 + random() * 35);
    shapes.push(
      random() < 0.6
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${shade} 60% ${light}%)" opacity="${(0.25 + random() * 0.45).toFixed(2)}"/>`
        : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" rx="${Math.round(r / 6)}" fill="hsl(${shade} 55% ${light}%)" opacity="${(0.2 + random() * 0.4).toFixed(2)}" transform="rotate(${Math.round((random() - 0.5) * 40)} ${x} ${y})"/>`,
    );
  }
  const lines = Array.from({ length: 9 }, (_, index) => `<line x1="0" y1="${60 * index + 30}" x2="${width}" y2="${60 * index + 30}" stroke="#fff" stroke-opacity="0.08"/>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 45% 30%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 55% 62%)"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>${lines}${shapes.join("")}</svg>`;
}

/** Rows of accelerator cards in a rack, for the chip article's figure. */
function rackSvg(): string {
  const { width, height } = COVER_SIZE;
  const random = seededRandom(42);
  const cards: string[] = [];
  for (let row = 0; row < 6; row += 1) {
    for (let column = 0; column < 10; column += 1) {
      const x = 60 + column * 86;
      const y = 50 + row * 76;
      const lit = random() < 0.7;
      cards.push(`<rect x="${x}" y="${y}" width="74" height="60" rx="4" fill="#1f2933" stroke="#3e4c59"/>`);
      cards.push(`<rect x="${x + 8}" y="${y + 46}" width="10" height="4" rx="1" fill="${lit ? "#5eead4" : "#52606d"}"/>`);
      cards.push(`<rect x="${x + 24}" y="${y + 10}" width="42" height="26" rx="2" fill="#323f4b"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="#0b1116"/>${cards.join("")}</svg>`;
}

/** A rounded square with a simple mark: the kind of logo a young company has. */
function logoSvg(seed: number, hue: number): string {
  const random = seededRandom(seed);
  const size = LOGO_SIZE;
  const mark =
    random() < 0.5
      ? `<circle cx="48" cy="48" r="${Math.round(18 + random() * 10)}" fill="none" stroke="#fff" stroke-width="9"/>`
      : `<path d="M26 66 L48 26 L70 66 Z" fill="#fff" opacity="0.92"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 96 96">
<rect width="96" height="96" rx="20" fill="hsl(${hue} 62% 42%)"/>${mark}</svg>`;
}

/** Hues of the sample's sections: 科技 blue, 商业 amber, 生活 green. */
const HUE = { tech: 215, business: 30, life: 150 };

const COVERS: { file: string; seed: number; hue: number }[] = [
  { file: "cover-inference-cost.webp", seed: 1, hue: HUE.tech },
  { file: "cover-inference-chips.webp", seed: 2, hue: HUE.tech },
  { file: "cover-ai-templates.webp", seed: 3, hue: HUE.tech },
  { file: "cover-community-stores.webp", seed: 5, hue: HUE.business },
  { file: "cover-hardtech-review.webp", seed: 6, hue: HUE.business },
  { file: "cover-neighbourhood-coffee.webp", seed: 8, hue: HUE.life },
  { file: "cover-reading-in-store.webp", seed: 9, hue: HUE.life },
  { file: "cover-bookstores.webp", seed: 10, hue: HUE.life },
  { file: "cover-ride-dispatch.webp", seed: 11, hue: HUE.tech },
  { file: "cover-county-hospital.webp", seed: 13, hue: HUE.tech },
  { file: "cover-coffee-ledger.webp", seed: 14, hue: HUE.business },
];

const LOGOS: { file: string; seed: number; hue: number }[] = [
  { file: "logo-900101.webp", seed: 101, hue: 210 },
  { file: "logo-900102.webp", seed: 102, hue: 140 },
  { file: "logo-900103.webp", seed: 103, hue: 265 },
  { file: "logo-900104.webp", seed: 104, hue: 15 },
  { file: "logo-900108.webp", seed: 108, hue: 190 },
  { file: "logo-900109.webp", seed: 109, hue: 330 },
];

async function render(svg: string, file: string, quality: number): Promise<void> {
  const info = await sharp(Buffer.from(svg)).webp({ quality, effort: 6 }).toFile(path.join(OUT_DIR, file));
  console.log(`${file}: ${info.width}×${info.height}, ${(info.size / 1024).toFixed(1)} KB`);
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const cover of COVERS) await render(coverSvg(cover.seed, cover.hue), cover.file, 70);
  await render(rackSvg(), "figure-inference-rack.webp", 72);
  for (const logo of LOGOS) await render(logoSvg(logo.seed, logo.hue), logo.file, 80);
  // What the source shows for a company without a logo, shared by several entities (as 36kr's is).
  await render(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" rx="20" fill="#d4d4d8"/><circle cx="48" cy="40" r="14" fill="#fff"/><rect x="24" y="60" width="48" height="14" rx="7" fill="#fff"/></svg>`, "logo-placeholder.webp", 80);
}

void main();

/**
 * Face model evaluation on the only face images available here without downloading anything:
 * the six group photographs shipped in @vladmandic/face-api's npm package (demo/sample1–6.jpg,
 * 1920 px wide, 22 faces). No identity labels come with them; the 22 faces are taken to be 22
 * different people (the closest impostor pairs are printed so a reader can check them).
 *
 * What is measured, for each model, exactly:
 *   detection   — faces the model's detector finds in each full photograph, and time per
 *                 photograph and per face (wall clock, and this process's CPU time);
 *   enrolment   — each face cropped with a margin (twice its box) is analysed again: its
 *                 embedding is the "gallery" face;
 *   genuine     — the gallery face against (a) the same face as detected in the full photograph
 *                 and (b) nine altered copies of its crop made here with sharp: mirrored, brighter,
 *                 darker, turned 12°, down to ~40 px wide and back, JPEG quality 15, blurred,
 *                 cropped tighter and off-centre, grey. These are the same photograph altered, NOT
 *                 another photograph of the person: they measure robustness to image quality, and
 *                 overstate accuracy on real probe/gallery pairs (other days, ages, poses, light);
 *   impostor    — every pair of different gallery faces, and every altered copy against every
 *                 other person's gallery face;
 *   identification — each altered copy searched 1:N against the gallery faces: rank-1 rate.
 * Scores are cosine similarities of unit-length embeddings.
 *
 * Both models are measured on the same images (`--model human` or `--model face-api` for one);
 * FACE_MATCH_THRESHOLD applies to the model in use (FACE_MODEL).
 *
 * Run: npm run eval:faces [-- --model human|face-api]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { errorRates, falseMatchRate, falseNonMatchRate, thresholdAtFmr } from '../src/biometrics/evaluation.ts';
import { FACE_MODEL, FACE_MODELS, loadFaceEngine, type DetectedFace, type FaceModelKind } from '../src/biometrics/face-engine.ts';
import { FaceIndex, cosine } from '../src/biometrics/face-index.ts';
import { FACE_MATCH_THRESHOLD } from '../src/biometrics/faces.ts';
import { machineLine, percentile } from '../bench/machine.ts';

const demo = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const f3 = (x: number) => x.toFixed(3);

interface Face { id: string; sample: number; box: DetectedFace['box']; inPhoto: Float32Array; gallery?: Float32Array }

async function crop(face: Face, margin = 2, shift = 0): Promise<Sharp> {
  const file = path.join(demo, `sample${face.sample}.jpg`);
  const { width = 0, height = 0 } = await sharp(file).metadata();
  const w = Math.round(face.box.width * margin);
  const h = Math.round(face.box.height * margin);
  const left = Math.max(0, Math.round(face.box.x + face.box.width / 2 - w / 2 + shift * face.box.width));
  const top = Math.max(0, Math.round(face.box.y + face.box.height / 2 - h / 2 + shift * face.box.height));
  return sharp(file).extract({ left, top, width: Math.min(width - left, w), height: Math.min(height - top, h) });
}

const VARIANTS: [string, (f: Face) => Promise<Buffer>][] = [
  ['mirrored', async (f) => (await crop(f)).flop().png().toBuffer()],
  ['brighter ×1.3', async (f) => (await crop(f)).modulate({ brightness: 1.3 }).png().toBuffer()],
  ['darker ×0.7', async (f) => (await crop(f)).modulate({ brightness: 0.7 }).png().toBuffer()],
  ['turned 12°', async (f) => (await crop(f)).rotate(12, { background: '#808080' }).png().toBuffer()],
  ['face ~40 px wide', async (f) => {
    const small = await (await crop(f)).resize({ width: 80 }).png().toBuffer();
    return sharp(small).resize({ width: 320 }).png().toBuffer();
  }],
  ['JPEG quality 15', async (f) => (await crop(f)).jpeg({ quality: 15 }).toBuffer()],
  ['blurred σ=2', async (f) => (await crop(f)).blur(2).png().toBuffer()],
  ['tight, off-centre', async (f) => (await crop(f, 1.4, 0.12)).png().toBuffer()],
  ['grey', async (f) => (await crop(f)).greyscale().png().toBuffer()],
];

/** The face nearest the centre of an image made around one face. */
function central(found: DetectedFace[], width: number, height: number): DetectedFace | undefined {
  const d = (f: DetectedFace) => Math.hypot(f.box.x + f.box.width / 2 - width / 2, f.box.y + f.box.height / 2 - height / 2);
  return [...found].sort((a, b) => d(a) - d(b))[0];
}

console.log('Vigil face evaluation (TensorFlow.js WASM backend)');
console.log(machineLine());
console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on this shared machine inflates wall times; CPU times are this process's own)`);


async function evaluate(kind: FaceModelKind): Promise<void> {
  const loadStart = performance.now();
  const engine = await loadFaceEngine(kind);
  console.log(`\n=== model: ${engine.name}, ${engine.dims}-d; loaded in ${(performance.now() - loadStart).toFixed(0)} ms (WASM backend and the weights shipped in the package) ===`);

  const faces: Face[] = [];
  const perPhoto: { wall: number; cpu: number; faces: number }[] = [];
  for (let s = 1; s <= 6; s++) {
    const file = path.join(demo, `sample${s}.jpg`);
    const a = await engine.analyse(fs.readFileSync(file));
    perPhoto.push({ wall: a.tookMs, cpu: a.cpuMs, faces: a.faces.length });
    a.faces.forEach((f, i) => faces.push({ id: `sample${s}#${i + 1}`, sample: s, box: f.box, inPhoto: f.embedding }));
  }
  const photoFaces = perPhoto.reduce((n, x) => n + x.faces, 0);
  console.log(`\ndetection: ${photoFaces} faces in 6 photographs (1920×1280–1920×1537, scaled to 1024 px before detection)`);
  console.log(`  per photograph (detect, align and embed every face): mean ${(perPhoto.reduce((t, x) => t + x.wall, 0) / 6).toFixed(0)} ms wall, ${(perPhoto.reduce((t, x) => t + x.cpu, 0) / 6).toFixed(0)} ms CPU`);
  console.log(`  per face: ${(perPhoto.reduce((t, x) => t + x.wall, 0) / photoFaces).toFixed(0)} ms wall, ${(perPhoto.reduce((t, x) => t + x.cpu, 0) / photoFaces).toFixed(0)} ms CPU`);

  const times: number[] = [];
  const cpuTimes: number[] = [];
  const variants: { face: number; variant: string; embedding: Float32Array }[] = [];
  const missed: string[] = [];
  for (const [i, face] of faces.entries()) {
    const image = await (await crop(face)).png().toBuffer();
    const a = await engine.analyse(image);
    const c = central(a.faces, a.width, a.height);
    if (!c) { missed.push(`${face.id} crop`); continue; }
    times.push(a.tookMs / Math.max(1, a.faces.length));
    cpuTimes.push(a.cpuMs / Math.max(1, a.faces.length));
    face.gallery = c.embedding;
    for (const [name, make] of VARIANTS) {
      const v = await engine.analyse(await make(face));
      const vc = central(v.faces, v.width, v.height);
      if (!vc) { missed.push(`${face.id} ${name}`); continue; }
      times.push(v.tookMs / Math.max(1, v.faces.length));
      cpuTimes.push(v.cpuMs / Math.max(1, v.faces.length));
      variants.push({ face: i, variant: name, embedding: vc.embedding });
    }
    process.stderr.write(`\r${i + 1}/${faces.length} faces`);
  }
  process.stderr.write('\n');

  const enrolled = faces.map((f, i) => ({ ...f, index: i })).filter((f) => f.gallery);
  const genuine: number[] = [];
  const genuineByVariant = new Map<string, number[]>();
  for (const f of enrolled) genuine.push(cosine(f.gallery!, f.inPhoto));
  genuineByVariant.set('same face in the full photograph', enrolled.map((f) => cosine(f.gallery!, f.inPhoto)));
  for (const v of variants) {
    const s = cosine(faces[v.face].gallery!, v.embedding);
    genuine.push(s);
    genuineByVariant.set(v.variant, [...(genuineByVariant.get(v.variant) ?? []), s]);
  }
  const impostorPairs: { a: string; b: string; score: number }[] = [];
  for (let i = 0; i < enrolled.length; i++) {
    for (let j = i + 1; j < enrolled.length; j++) impostorPairs.push({ a: enrolled[i].id, b: enrolled[j].id, score: cosine(enrolled[i].gallery!, enrolled[j].gallery!) });
  }
  const impostor = impostorPairs.map((p) => p.score);
  const crossImpostor = [...impostor];
  for (const v of variants) for (const f of enrolled) if (f.index !== v.face) crossImpostor.push(cosine(f.gallery!, v.embedding));

  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const describe = (xs: number[]) => { const s = sorted(xs); return `min ${f3(s[0])}, p5 ${f3(percentile(s, 5))}, median ${f3(percentile(s, 50))}, p95 ${f3(percentile(s, 95))}, max ${f3(s[s.length - 1])}`; };

  console.log(`\nenrolment: ${enrolled.length}/${faces.length} crops gave a face; altered copies: ${variants.length}/${faces.length * VARIANTS.length} gave a face${missed.length ? ` (missed: ${missed.join('; ')})` : ''}`);
  console.log(`time per face over ${times.length} crop analyses: median ${percentile(sorted(times), 50).toFixed(0)} ms wall (p95 ${percentile(sorted(times), 95).toFixed(0)}), median ${percentile(sorted(cpuTimes), 50).toFixed(0)} ms CPU (p95 ${percentile(sorted(cpuTimes), 95).toFixed(0)})`);
  console.log(`\ncosine similarity of unit embeddings`);
  console.log(`  genuine (${genuine.length}): ${describe(genuine)}`);
  for (const [name, xs] of genuineByVariant) console.log(`    ${name.padEnd(34)} ${describe(xs)}`);
  console.log(`  impostor, gallery pairs (${impostor.length}): ${describe(impostor)}`);
  console.log(`  impostor, altered copies against other faces (${crossImpostor.length}): ${describe(crossImpostor)}`);

  const r = errorRates(genuine, crossImpostor);
  console.log(`\nverification over ${r.genuine} genuine and ${r.impostor} impostor scores: EER ${pct(r.eer)}, FMR100 ${pct(r.fmr100)}, FMR1000 ${pct(r.fmr1000)}, ZeroFMR ${pct(r.zeroFmr)}`);
  const inUse = engine.name === FACE_MODEL.name;
  const noFalseMatch = thresholdAtFmr(crossImpostor, 0);
  for (const t of [...new Set([percentile(sorted(crossImpostor), 99), noFalseMatch, percentile(sorted(genuine), 5), ...(inUse ? [FACE_MATCH_THRESHOLD] : [])])].sort((a, b) => a - b)) {
    console.log(`  threshold ${f3(t)}${inUse && t === FACE_MATCH_THRESHOLD ? ' (FACE_MATCH_THRESHOLD)' : ''}: FMR ${pct(falseMatchRate(crossImpostor, t))}, FNMR ${pct(falseNonMatchRate(genuine, t))}`);
  }
  console.log(`  lowest threshold with no impostor match: ${f3(noFalseMatch)}`);
  console.log('  closest impostor gallery pairs (check these are different people):');
  for (const p of impostorPairs.sort((a, b) => b.score - a.score).slice(0, 5)) console.log(`    ${f3(p.score)}  ${p.a} vs ${p.b}`);

  const index = new FaceIndex(engine.dims);
  for (const f of enrolled) index.add(String(f.index), f.gallery!);
  let rank1 = 0;
  for (const v of variants) if (index.search(v.embedding, { limit: 1 })[0]?.id === String(v.face)) rank1++;
  console.log(`\nidentification: ${variants.length} altered copies searched 1:N against ${index.size} gallery faces: rank-1 ${pct(rank1 / variants.length)}`);
}

const only = process.argv.indexOf('--model');
const kinds = (only >= 0 ? [process.argv[only + 1]] : Object.keys(FACE_MODELS)) as FaceModelKind[];
for (const kind of kinds) await evaluate(kind);

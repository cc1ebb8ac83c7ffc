import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FACE_MODEL, ImageError, loadFaceEngine } from './face-engine.ts';
import { cosine } from './face-index.ts';

// A face from the sample photographs shipped in @vladmandic/face-api's package (nothing is downloaded).
const sample = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');
const crop = () => sharp(sample).extract({ left: 324, top: 235, width: 354, height: 480 });

describe('face engine (human faceres on the WASM backend, models from the package)', () => {
  it('finds the face, embeds it at unit length, and answers every image afresh', async () => {
    const engine = await loadFaceEngine();
    expect(engine).toMatchObject({ name: FACE_MODEL.name, dims: 1024 });
    const plain = await engine.analyse(await crop().png().toBuffer());
    expect(plain.faces).toHaveLength(1);
    const [face] = plain.faces;
    expect(face.embedding).toHaveLength(1024);
    expect(Math.hypot(...face.embedding)).toBeCloseTo(1, 4);
    expect(face.box.x).toBeGreaterThan(0);
    // A similar image right after must be analysed, not answered from the previous one (Human's video cache).
    const blurred = await engine.analyse(await crop().blur(2).png().toBuffer());
    const same = cosine(face.embedding, blurred.faces[0].embedding);
    expect(same).toBeLessThan(0.9999);
    expect(same).toBeGreaterThan(0.7);
  }, 60_000);

  it('refuses bytes that are not an image', async () => {
    const engine = await loadFaceEngine();
    await expect(engine.analyse(new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]))).rejects.toBeInstanceOf(ImageError);
  }, 60_000);
});

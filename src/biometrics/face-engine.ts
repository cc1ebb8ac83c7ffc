/**
 * Face detection and embedding with models that ship inside npm packages, on TensorFlow.js's
 * WebAssembly backend. Nothing is fetched: the .wasm binaries are read from
 * @tensorflow/tfjs-backend-wasm's folder and the weights from the model packages' own folders.
 * `sharp` decodes JPEG, PNG and WebP (its libvips binaries come as npm packages too).
 *
 * Two models, picked by measurement (eval/faces.ts):
 *   - human: @vladmandic/human's BlazeFace detector, face mesh (to turn the face upright) and
 *     `faceres` recogniser, 1024-d. The one used: on the images available here it kept every
 *     different person below every altered copy of the same face, where face-api did not.
 *   - face-api: @vladmandic/face-api's SSD MobileNet v1, 68 landmarks and ResNet-34 recogniser, 128-d.
 * Both packages are CommonJS bundles that bring their own copy of the tfjs namespace; they are
 * loaded with require (human's package exports are malformed, so by file path).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { normalise } from './face-index.ts';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');
type HumanModule = typeof import('@vladmandic/human');
interface WeightGroup { paths: string[]; weights: object[] }
/** What is used of Human's tfjs namespace (its declarations type it as any). */
interface HumanTf {
  io: {
    registerLoadRouter(router: (url: string | string[]) => { load(): Promise<unknown> } | null): void;
    getModelArtifactsForJSON(json: unknown, loadWeights: (manifest: WeightGroup[]) => Promise<[object[], ArrayBuffer]>): Promise<unknown>;
  };
  tensor(data: Uint8Array, shape: number[], dtype: 'int32'): object;
  dispose(tensor: object): void;
}

export interface FaceBox { x: number; y: number; width: number; height: number }

export interface DetectedFace {
  /** In the pixels of the image as uploaded. */
  box: FaceBox;
  /** Detector confidence, 0–1. */
  score: number;
  /** Unit-length embedding. */
  embedding: Float32Array;
}

export interface FaceAnalysis { width: number; height: number; faces: DetectedFace[]; tookMs: number; cpuMs: number }

/** Which model made an embedding: embeddings of different models are never compared. */
export interface FaceModel { name: string; dims: number }

/** A face model: detects faces in an image and embeds each one. */
export interface FaceEngine extends FaceModel {
  analyse(image: Uint8Array, opts?: { maxFaces?: number; minConfidence?: number }): Promise<FaceAnalysis>;
}

/** An image that cannot be decoded (corrupt, truncated, or not an image at all). */
export class ImageError extends Error {
  override readonly name = 'ImageError';
}

export const FACE_MODELS = {
  human: { name: 'human@3.3.6/faceres', dims: 1024 },
  'face-api': { name: 'face-api@1.7.15/resnet34-128', dims: 128 },
} as const satisfies Record<string, FaceModel>;
export type FaceModelKind = keyof typeof FACE_MODELS;
/** The model Vigil enrols and searches with. */
export const FACE_MODEL: FaceModel = FACE_MODELS.human;

/** Images are scaled down to this longest side first: the detectors work at 256–512 px anyway. */
const MAX_SIDE = 1024;
/** Larger images are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 50_000_000;

const loading = new Map<FaceModelKind, Promise<FaceEngine>>();

/** A face engine of this process, loaded once on first use (about a second: WASM and weights). */
export function loadFaceEngine(kind: FaceModelKind = 'human'): Promise<FaceEngine> {
  let engine = loading.get(kind);
  if (!engine) {
    engine = (kind === 'human' ? loadHuman() : loadFaceApi()).catch((e: unknown) => {
      loading.delete(kind);
      throw e;
    });
    loading.set(kind, engine);
  }
  return engine;
}

const require = createRequire(import.meta.url);
const wasmDir = () => path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));

interface Decoded { data: Buffer; width: number; height: number; scale: number }

/** Decodes (turning by EXIF orientation) and scales down; throws ImageError for what is not an image. */
async function decode(image: Uint8Array): Promise<Decoded & { original: { width: number; height: number } }> {
  try {
    const meta = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const original = { width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0 };
    const { data, info } = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, scale: original.width / info.width, original };
  } catch (e) {
    throw new ImageError(`the image cannot be decoded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** One inference at a time: the WASM backend is single-threaded, and interleaved runs only add memory. */
function serialiser() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
}

/** Runs inference on a decoded image, timing it (wall and this process's CPU) and scaling boxes back. */
function engineOf(model: FaceModel, defaultConfidence: number, infer: (d: Decoded, opts: { maxFaces: number; minConfidence: number }) => Promise<{ box: FaceBox; score: number; embedding: ArrayLike<number> }[]>): FaceEngine {
  const serialised = serialiser();
  return {
    ...model,
    async analyse(image, opts = {}) {
      const d = await decode(image);
      return serialised(async () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const found = await infer(d, { maxFaces: opts.maxFaces ?? 10, minConfidence: opts.minConfidence ?? defaultConfidence });
        const used = process.cpuUsage(cpu);
        const s = d.scale;
        const faces = found.filter((f) => f.embedding.length === model.dims).map((f) => ({
          box: { x: Math.round(f.box.x * s), y: Math.round(f.box.y * s), width: Math.round(f.box.width * s), height: Math.round(f.box.height * s) },
          score: f.score, embedding: normalise(f.embedding),
        })).sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
        return { width: d.original.width, height: d.original.height, faces, tookMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
      });
    },
  };
}

async function loadHuman(): Promise<FaceEngine> {
  // The package's "exports" map is malformed (subpath keys without "./"), so the bundle is found by path.
  const packageDir = path.resolve(path.dirname(require.resolve('@vladmandic/human')), '..');
  const { Human } = require(path.join(packageDir, 'dist', 'human.node-wasm.js')) as HumanModule;
  const modelDir = path.join(packageDir, 'models');
  const human = new Human({
    backend: 'wasm', wasmPath: `${wasmDir()}${path.sep}`, wasmPlatformFetch: false, modelBasePath: `file://${modelDir}/`, cacheModels: false, debug: false, async: true,
    // Human is built for video: by default it reuses the previous frame's results when the next
    // input looks alike. Every image here is a different question, so nothing is ever reused.
    cacheSensitivity: 0,
    face: {
      enabled: true, detector: { rotation: true, maxDetected: 10, return: false, skipFrames: 0, skipTime: 0 }, mesh: { enabled: true },
      iris: { enabled: false }, description: { enabled: true, skipFrames: 0, skipTime: 0 }, emotion: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false }, attention: { enabled: false },
    },
    body: { enabled: false }, hand: { enabled: false }, object: { enabled: false }, gesture: { enabled: false }, segmentation: { enabled: false }, filter: { enabled: false },
  });
  const tf = human.tf as HumanTf;
  // Human reads models with fetch('file://…'), which Node's fetch refuses. A load router serves
  // file:// URLs from the package's own model folder, and nothing else.
  tf.io.registerLoadRouter((url: string | string[]) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const file = path.resolve(decodeURIComponent(new URL(url).pathname));
    if (!file.startsWith(modelDir + path.sep)) return null;
    return {
      load: () => tf.io.getModelArtifactsForJSON(JSON.parse(fs.readFileSync(file, 'utf8')), async (manifest) => {
        const buffers = manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(path.dirname(file), p))));
        const joined = Buffer.concat(buffers);
        return [manifest.flatMap((group) => group.weights), joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength)];
      }),
    };
  });
  await human.load();
  // BlazeFace scores are lower than SSD's for the same faces: 0.3 kept every face of eval/faces.ts.
  return engineOf(FACE_MODELS.human, 0.3, async (d, opts) => {
    const tensor = tf.tensor(d.data, [1, d.height, d.width, 3], 'int32');
    try {
      const r = await human.detect(tensor as Parameters<typeof human.detect>[0], { face: { detector: { maxDetected: opts.maxFaces, minConfidence: opts.minConfidence } } });
      return r.face.filter((f) => f.embedding).map((f) => ({ box: { x: f.box[0], y: f.box[1], width: f.box[2], height: f.box[3] }, score: f.boxScore ?? f.score, embedding: f.embedding! }));
    } finally {
      tf.dispose(tensor);
    }
  });
}

async function loadFaceApi(): Promise<FaceEngine> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  // The bundle re-exports these tfjs functions at run time but does not declare them.
  const tf = faceapi.tf as unknown as FaceApi['tf'] & { setWasmPaths(prefix: string, usePlatformFetch?: boolean): void; setBackend(name: string): Promise<boolean>; ready(): Promise<void> };
  // usePlatformFetch=false: Emscripten reads the .wasm from disk rather than fetching a URL.
  tf.setWasmPaths(`${wasmDir()}${path.sep}`, false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WebAssembly backend did not start');
  await tf.ready();
  const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  return engineOf(FACE_MODELS['face-api'], 0.5, async (d, opts) => {
    const tensor = faceapi.tf.tensor3d(d.data, [d.height, d.width, 3], 'int32');
    try {
      const found = await faceapi.detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: opts.minConfidence, maxResults: opts.maxFaces }))
        .withFaceLandmarks().withFaceDescriptors();
      return found.map((f) => ({ box: { x: f.detection.box.x, y: f.detection.box.y, width: f.detection.box.width, height: f.detection.box.height }, score: f.detection.score, embedding: f.descriptor }));
    } finally {
      tensor.dispose();
    }
  });
}

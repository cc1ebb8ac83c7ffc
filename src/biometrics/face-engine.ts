/**
 * Face detection and embedding with models that ship inside npm packages: @vladmandic/face-api
 * (SSD MobileNet v1 detector, 68-point landmarks, a ResNet-34 recogniser giving 128-d descriptors)
 * on TensorFlow.js's WebAssembly backend. Nothing is fetched: the .wasm binaries are read from
 * @tensorflow/tfjs-backend-wasm's folder and the weights from face-api's `model/` folder.
 * `sharp` decodes JPEG, PNG and WebP (its libvips binaries come as npm packages too).
 *
 * face-api's default entry wants @tensorflow/tfjs-node, which downloads a native library at install;
 * its `face-api.node-wasm.js` bundle uses @tensorflow/tfjs + the WASM backend instead. It is a
 * CommonJS bundle and brings its own copy of the tfjs namespace, so it is loaded with require and
 * that namespace is the one configured here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { normalise } from './face-index.ts';

type FaceApi = typeof import('@vladmandic/face-api/dist/face-api.node-wasm.js');

/** The parts of the tfjs namespace the bundle re-exports at run time but does not declare. */
interface TfRuntime {
  setWasmPaths(prefix: string, usePlatformFetch?: boolean): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
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

/** A face model: detects faces in an image and embeds each one. */
export interface FaceEngine {
  /** Stored beside every embedding: embeddings of different models are never compared. */
  readonly model: string;
  readonly dims: number;
  analyse(image: Uint8Array, opts?: { maxFaces?: number; minConfidence?: number }): Promise<FaceAnalysis>;
}

/** An image that cannot be decoded (corrupt, truncated, or not an image at all). */
export class ImageError extends Error {
  override readonly name = 'ImageError';
}

const FACE_API_VERSION = '1.7.15';
export const FACE_API_MODEL = `face-api@${FACE_API_VERSION}/resnet34-128`;
/** Images are scaled down to this longest side first: the detector works at 512 px anyway. */
const MAX_SIDE = 1024;
/** Larger images are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 50_000_000;

let loading: Promise<FaceEngine> | undefined;

/** The face engine of this process, loaded once on first use (about a second: WASM and weights). */
export function loadFaceEngine(): Promise<FaceEngine> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<FaceEngine> {
  const require = createRequire(import.meta.url);
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const tf = faceapi.tf as unknown as TfRuntime & FaceApi['tf'];
  const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  // usePlatformFetch=false: Emscripten reads the .wasm from disk rather than fetching a URL.
  tf.setWasmPaths(`${wasmDir}${path.sep}`, false);
  if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WebAssembly backend did not start');
  await tf.ready();
  const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);

  // One inference at a time: the WASM backend is single-threaded, and interleaved runs only add memory.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function analyse(image: Uint8Array, opts: { maxFaces?: number; minConfidence?: number } = {}): Promise<FaceAnalysis> {
    let decoded: { data: Buffer; info: { width: number; height: number; channels: number } };
    let original: { width: number; height: number };
    try {
      const pipeline = sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
      const meta = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      const turned = (meta.orientation ?? 1) >= 5;
      original = { width: (turned ? meta.height : meta.width) ?? 0, height: (turned ? meta.width : meta.height) ?? 0 };
      decoded = await pipeline.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    } catch (e) {
      throw new ImageError(`the image cannot be decoded: ${e instanceof Error ? e.message : String(e)}`);
    }
    return serialised(async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { data, info } = decoded;
      const tensor = faceapi.tf.tensor3d(data, [info.height, info.width, info.channels], 'int32');
      try {
        const found = await faceapi.detectAllFaces(tensor, new faceapi.SsdMobilenetv1Options({ minConfidence: opts.minConfidence ?? 0.5, maxResults: opts.maxFaces ?? 10 }))
          .withFaceLandmarks().withFaceDescriptors();
        const scale = original.width / info.width;
        const faces = found.map((f) => ({
          box: { x: Math.round(f.detection.box.x * scale), y: Math.round(f.detection.box.y * scale), width: Math.round(f.detection.box.width * scale), height: Math.round(f.detection.box.height * scale) },
          score: f.detection.score,
          embedding: normalise(f.descriptor),
        })).sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
        const used = process.cpuUsage(cpu);
        return { width: original.width, height: original.height, faces, tookMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
      } finally {
        tensor.dispose();
      }
    });
  }

  return { model: FACE_API_MODEL, dims: 128, analyse };
}

/**
 * Loads the public fingerprint reference data (FVC2002 DB1_B/DB2_B, SourceAFIS samples, malformed
 * records) that tests, the evaluation and the benchmark share. The data lives outside the project
 * (../shared/data) and is never copied in, so the path is resolved from the working directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsoTemplate } from './iso19794.ts';
import type { FingerMinutiaeRecord } from './iso19794.ts';

export const FINGERPRINT_DATA_DIR = path.resolve(process.cwd(), '../shared/data/biometrics/fingerprints');

export interface FvcImpression {
  /** e.g. "DB1_B/101_3" */
  id: string;
  finger: number;
  impression: number;
  record: FingerMinutiaeRecord;
}

export function fingerprintFile(...parts: string[]): string {
  return path.join(FINGERPRINT_DATA_DIR, ...parts);
}

export function readRecord(...parts: string[]): FingerMinutiaeRecord {
  return parseIsoTemplate(new Uint8Array(readFileSync(fingerprintFile(...parts))));
}

/** Every `<finger>_<impression>.iso` of one FVC2002 database, sorted by finger then impression. */
export function loadFvcDatabase(db: 'DB1_B' | 'DB2_B'): FvcImpression[] {
  const dir = fingerprintFile('fvc2002', db);
  const out: FvcImpression[] = [];
  for (const name of readdirSync(dir)) {
    const match = /^(\d+)_(\d+)\.iso$/.exec(name);
    if (!match) continue;
    out.push({
      id: `${db}/${match[1]}_${match[2]}`,
      finger: Number(match[1]),
      impression: Number(match[2]),
      record: readRecord('fvc2002', db, name),
    });
  }
  return out.sort((a, b) => a.finger - b.finger || a.impression - b.impression);
}

/** The SourceAFIS probe and its matching and non-matching prints (ISO records stored as .dat). */
export function loadSourceAfisSamples(): { probe: FingerMinutiaeRecord; matching: FingerMinutiaeRecord; nonmatching: FingerMinutiaeRecord } {
  return {
    probe: readRecord('sourceafis', 'iso-probe.dat'),
    matching: readRecord('sourceafis', 'iso-matching.dat'),
    nonmatching: readRecord('sourceafis', 'iso-nonmatching.dat'),
  };
}

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TemplateError, parseIsoTemplate, serializeIsoTemplate } from './iso19794.ts';
import type { FingerMinutiaeRecord } from './iso19794.ts';
import { fingerprintFile, loadFvcDatabase } from './reference-data.ts';
import { seededRandom } from './synthetic.ts';

const bytesOf = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(fingerprintFile(...parts)));
const fvcFile = bytesOf('fvc2002', 'DB1_B', '101_1.iso');

function refused(bytes: Uint8Array): TemplateError {
  try {
    parseIsoTemplate(bytes);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('record was accepted');
}

function edited(edit: (b: Uint8Array, v: DataView) => void, from = fvcFile): Uint8Array {
  const copy = from.slice();
  edit(copy, new DataView(copy.buffer));
  return copy;
}

describe('parseIsoTemplate on real records', () => {
  it.each(['DB1_B', 'DB2_B'] as const)('parses all 80 FVC2002 %s templates', (db) => {
    const all = loadFvcDatabase(db);
    expect(all).toHaveLength(80);
    for (const { record } of all) {
      expect(record).toMatchObject({ width: 300, height: 400, xResolution: 197, yResolution: 197 });
      expect(record.views).toHaveLength(1);
      expect(record.views[0].minutiae.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('reads every field of one record', () => {
    const record = parseIsoTemplate(fvcFile);
    expect(record.captureEquipment).toEqual({ compliance: 0, id: 0 });
    const view = record.views[0];
    expect(view).toMatchObject({ fingerPosition: 0, viewNumber: 0, impressionType: 0, quality: 0, extendedData: [] });
    expect(view.minutiae).toHaveLength((fvcFile.length - 24 - 4 - 2) / 6);
    for (const m of view.minutiae) {
      expect(['ridge-ending', 'bifurcation']).toContain(m.type);
      expect(m.x).toBeLessThan(300);
      expect(m.y).toBeLessThan(400);
    }
  });

  it.each(['iso-probe.dat', 'iso-matching.dat', 'iso-nonmatching.dat'])('parses SourceAFIS %s, zero padding and vendor extended data included', (name) => {
    const record = parseIsoTemplate(bytesOf('sourceafis', name));
    expect(record.views[0].quality).toBe(100);
    expect(record.views[0].minutiae.length).toBeGreaterThan(30);
    expect(record.views[0].extendedData).toEqual([{ typeCode: 0x0144, data: expect.any(Uint8Array) }]);
  });
});

describe('parseIsoTemplate refuses malformed records', () => {
  const invalid = readdirSync(fingerprintFile('iso_invalid'));

  it.each(invalid)('refuses iso_invalid/%s with a TemplateError', (name) => {
    const error = refused(bytesOf('iso_invalid', name));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/record length field says 30 bytes but only \d+ are present/);
  });

  it.each([
    ['format identifier', edited((b) => b.set([0x46, 0x49, 0x52, 0x00], 0)), 'format', /format identifier/],
    ['version', edited((b) => b.set([0x20, 0x33, 0x30, 0x00], 4)), 'version', /version/],
    ['record length too short', edited((_, v) => v.setUint32(8, 20)), 'length', /less than the 24-byte header/],
    ['record length short of the views', edited((b, v) => {
      v.setUint32(8, fvcFile.length - 6);
      b.fill(0, fvcFile.length - 6);
    }), 'truncated', /record ends at byte/],
    ['record length short of the buffer', edited((_, v) => v.setUint32(8, fvcFile.length - 6)), 'length', /not zero padding/],
    ['trailing garbage', Uint8Array.from([...fvcFile, 0, 7]), 'length', /not zero padding/],
    ['zero image width', edited((_, v) => v.setUint16(14, 0)), 'value', /image size/],
    ['zero resolution', edited((_, v) => v.setUint16(18, 0)), 'value', /resolution/],
    ['no finger view', edited((b) => (b[22] = 0)), 'value', /no finger view/],
    ['finger position 11', edited((b) => (b[24] = 11)), 'value', /finger position is 11/],
    ['reserved impression type', edited((b) => (b[25] = 0x0c)), 'value', /impression type is 12/],
    ['finger quality 101', edited((b) => (b[26] = 101)), 'value', /finger quality is 101/],
    ['minutia count beyond the record', edited((b) => (b[27] = 200)), 'truncated', /200 minutiae/],
    ['reserved minutia type', edited((b) => (b[28] |= 0xc0)), 'value', /reserved type code 3/],
    ['x outside the image', edited((_, v) => v.setUint16(28, 0x4000 | 300)), 'value', /x = 300 lies outside/],
    ['y outside the image', edited((_, v) => v.setUint16(30, 400)), 'value', /y = 400 lies outside/],
    ['reserved bits above y', edited((b) => (b[30] |= 0x40)), 'value', /reserved bits/],
    ['minutia quality 200', edited((b) => (b[33] = 200)), 'value', /quality is 200/],
    ['extended data longer than the record', edited((_, v) => v.setUint16(fvcFile.length - 2, 8)), 'truncated', /extended data block/],
    ['header only', fvcFile.slice(0, 20), 'truncated', /header alone needs 24/],
  ] as const)('refuses a record with %s', (_label, bytes, code, message) => {
    const error = refused(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a bad extended data area', () => {
    const probe = bytesOf('sourceafis', 'iso-probe.dat');
    const record = parseIsoTemplate(probe);
    const end = 24 + 4 + record.views[0].minutiae.length * 6;
    expect(refused(edited((_, v) => v.setUint16(end + 4, 2), probe)).message).toMatch(/claims 2 bytes/);
    expect(refused(edited((_, v) => v.setUint16(end + 2, 0), probe)).message).toMatch(/reserved type code 0x0000/);
  });

  it('throws nothing but TemplateError on truncated, bit-flipped and random input', () => {
    const random = seededRandom(99);
    const sources = [fvcFile, bytesOf('sourceafis', 'iso-probe.dat')];
    for (let i = 0; i < 3000; i++) {
      const source = sources[i % 2];
      let bytes: Uint8Array = source.slice(0, Math.floor(random() * (source.length + 1)));
      if (i % 3 === 0) bytes = edited((b) => (b[Math.floor(random() * b.length)] ^= 1 << Math.floor(random() * 8)), source);
      if (i % 7 === 0) bytes = Uint8Array.from({ length: Math.floor(random() * 80) }, () => Math.floor(random() * 256));
      try {
        parseIsoTemplate(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(TemplateError);
      }
    }
  });
});

describe('serializeIsoTemplate', () => {
  it.each(['DB1_B', 'DB2_B'] as const)('round-trips every %s record byte for byte', (db) => {
    for (const name of readdirSync(fingerprintFile('fvc2002', db))) {
      const bytes = bytesOf('fvc2002', db, name);
      expect(serializeIsoTemplate(parseIsoTemplate(bytes))).toEqual(bytes);
    }
  });

  it('round-trips the SourceAFIS record without its padding', () => {
    const bytes = bytesOf('sourceafis', 'iso-nonmatching.dat');
    const out = serializeIsoTemplate(parseIsoTemplate(bytes));
    expect(out).toEqual(bytes.subarray(0, new DataView(bytes.buffer, bytes.byteOffset).getUint32(8)));
  });

  it('writes synthetic multi-view records that parse back identically', () => {
    const record: FingerMinutiaeRecord = {
      captureEquipment: { compliance: 8, id: 0x123 },
      width: 500,
      height: 600,
      xResolution: 197,
      yResolution: 197,
      views: [
        { fingerPosition: 2, viewNumber: 0, impressionType: 1, quality: 80, minutiae: [{ type: 'bifurcation', x: 499, y: 0, angle: 255, quality: 100 }], extendedData: [] },
        { fingerPosition: 2, viewNumber: 1, impressionType: 4, quality: 0, minutiae: [], extendedData: [{ typeCode: 0x0002, data: Uint8Array.of(1, 2, 3) }] },
      ],
    };
    expect(parseIsoTemplate(serializeIsoTemplate(record))).toEqual(record);
  });

  it('refuses what the parser would refuse', () => {
    const record = parseIsoTemplate(fvcFile);
    const bad = (edit: (r: FingerMinutiaeRecord) => void): (() => Uint8Array) => () => {
      const copy = structuredClone(record);
      edit(copy);
      return serializeIsoTemplate(copy);
    };
    expect(bad((r) => (r.views[0].minutiae[0].x = 300))).toThrow(TemplateError);
    expect(bad((r) => (r.views[0].minutiae[0].angle = 256))).toThrow(/angle is 256/);
    expect(bad((r) => (r.views[0].fingerPosition = 12))).toThrow(/finger position is 12/);
    expect(bad((r) => (r.views = []))).toThrow(/no finger view/);
    expect(bad((r) => (r.views[0].minutiae = Array.from({ length: 256 }, () => r.views[0].minutiae[0])))).toThrow(/minutia count/);
  });
});

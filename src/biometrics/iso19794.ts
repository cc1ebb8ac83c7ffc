/**
 * ISO/IEC 19794-2:2005 finger minutiae records ("FMR\0", version " 20\0"): parsing with full
 * validation, and serialisation back to bytes.
 *
 * Layout (all integers big-endian):
 *   record header, 24 bytes: format id (4) · version (4) · record length (4) · capture
 *   equipment: compliance (4 bits) + id (12 bits) · image width (2) · image height (2) ·
 *   x resolution (2) · y resolution (2, pixels per centimetre) · finger view count (1) · reserved (1)
 *   each finger view: finger position (1) · view number (4 bits) + impression type (4 bits) ·
 *   finger quality (1) · minutia count (1) · minutiae (6 bytes each: type (2 bits) + x (14 bits) ·
 *   reserved (2 bits) + y (14 bits) · angle (1, units of 360/256°) · quality (1)) ·
 *   extended data block length (2) · extended data areas (type code (2) · area length (2,
 *   header included) · data)
 */

export type MinutiaType = 'other' | 'ridge-ending' | 'bifurcation';

export interface Minutia {
  type: MinutiaType;
  /** Pixels from the left edge of the image. */
  x: number;
  /** Pixels from the top edge of the image. */
  y: number;
  /** ISO angle units (0–255, 1.40625° each), counter-clockwise from the x axis. */
  angle: number;
  /** 1–100, or 0 where the producer reported none. */
  quality: number;
}

export interface ExtendedDataArea {
  /** 0x0001 ridge counts, 0x0002 cores and deltas, 0x0100 and above vendor defined. */
  typeCode: number;
  data: Uint8Array;
}

export interface FingerView {
  /** 0 unknown, 1–5 right thumb to little finger, 6–10 left thumb to little finger. */
  fingerPosition: number;
  viewNumber: number;
  /** 0 live-scan plain, 1 live-scan rolled, 2 non-live plain, 3 non-live rolled, 4–7 latent, 8 swipe, 9 contactless. */
  impressionType: number;
  quality: number;
  minutiae: Minutia[];
  extendedData: ExtendedDataArea[];
}

export interface FingerMinutiaeRecord {
  captureEquipment: { compliance: number; id: number };
  width: number;
  height: number;
  /** Pixels per centimetre; 197 is 500 dpi. */
  xResolution: number;
  yResolution: number;
  views: FingerView[];
}

export type TemplateErrorCode = 'truncated' | 'format' | 'version' | 'length' | 'value';

/** A template that is not a well-formed ISO/IEC 19794-2:2005 record; the message says why. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    /** Byte offset of the faulty field, where one applies. */
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
  }
}

const FORMAT_ID = [0x46, 0x4d, 0x52, 0x00]; // "FMR\0"
const VERSION = [0x20, 0x32, 0x30, 0x00]; // " 20\0"
const HEADER_BYTES = 24;
const VIEW_HEADER_BYTES = 4;
const MINUTIA_BYTES = 6;
const MAX_COORDINATE = 0x3fff;
const TYPE_CODES: readonly MinutiaType[] = ['other', 'ridge-ending', 'bifurcation'];
// Impression codes shared with ANSI/NIST-ITL that fit the 4-bit field; 10–15 are reserved.
const MAX_IMPRESSION_TYPE = 9;

function describe(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function sameBytes(actual: Uint8Array, expected: readonly number[]): boolean {
  return expected.every((b, i) => actual[i] === b);
}

/** Parses one record; throws TemplateError naming the first problem found. */
export function parseIsoTemplate(bytes: Uint8Array): FingerMinutiaeRecord {
  if (bytes.length < HEADER_BYTES) {
    throw new TemplateError('truncated', `record is ${bytes.length} bytes; the header alone needs ${HEADER_BYTES}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!sameBytes(bytes, FORMAT_ID)) {
    throw new TemplateError('format', `format identifier is [${describe(bytes.subarray(0, 4))}], expected "FMR\\0"`, 0);
  }
  if (!sameBytes(bytes.subarray(4), VERSION)) {
    throw new TemplateError('version', `version is [${describe(bytes.subarray(4, 8))}], only ISO/IEC 19794-2:2005 " 20\\0" is supported`, 4);
  }
  const recordLength = view.getUint32(8);
  if (recordLength < HEADER_BYTES) {
    throw new TemplateError('length', `record length field says ${recordLength} bytes, less than the ${HEADER_BYTES}-byte header`, 8);
  }
  if (recordLength > bytes.length) {
    throw new TemplateError('truncated', `record length field says ${recordLength} bytes but only ${bytes.length} are present`, 8);
  }
  // Some producers pad records to a fixed block size; padding is tolerated only if it is all zeros.
  for (let i = recordLength; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      throw new TemplateError('length', `${bytes.length - recordLength} bytes follow the ${recordLength}-byte record and are not zero padding`, i);
    }
  }
  const equipment = view.getUint16(12);
  const record: FingerMinutiaeRecord = {
    captureEquipment: { compliance: equipment >> 12, id: equipment & 0x0fff },
    width: view.getUint16(14),
    height: view.getUint16(16),
    xResolution: view.getUint16(18),
    yResolution: view.getUint16(20),
    views: [],
  };
  checkHeader(record, view.getUint8(22), view.getUint8(23));
  const viewCount = view.getUint8(22);
  let offset = HEADER_BYTES;
  for (let v = 0; v < viewCount; v++) {
    offset = parseView(view, offset, recordLength, v, record);
  }
  if (offset !== recordLength) {
    throw new TemplateError('length', `record length field says ${recordLength} bytes but its ${viewCount} finger view(s) end at byte ${offset}`, 8);
  }
  return record;
}

function checkHeader(record: FingerMinutiaeRecord, viewCount: number, reserved: number): void {
  if (record.width === 0 || record.height === 0) {
    throw new TemplateError('value', `image size is ${record.width}×${record.height} pixels; both must be positive`, 14);
  }
  if (record.width > MAX_COORDINATE + 1 || record.height > MAX_COORDINATE + 1) {
    throw new TemplateError('value', `image size ${record.width}×${record.height} exceeds the 14-bit coordinate range`, 14);
  }
  if (record.xResolution === 0 || record.yResolution === 0) {
    throw new TemplateError('value', `resolution is ${record.xResolution}×${record.yResolution} pixels/cm; both must be positive`, 18);
  }
  if (viewCount === 0) throw new TemplateError('value', 'record holds no finger view', 22);
  if (reserved !== 0) throw new TemplateError('value', `reserved header byte is ${reserved}, must be 0`, 23);
}

function need(offset: number, bytes: number, recordLength: number, what: string): void {
  if (offset + bytes > recordLength) {
    throw new TemplateError('truncated', `${what} needs bytes ${offset}–${offset + bytes - 1} but the record ends at byte ${recordLength}`, offset);
  }
}

function parseView(view: DataView, start: number, recordLength: number, index: number, record: FingerMinutiaeRecord): number {
  const label = `finger view ${index + 1}`;
  need(start, VIEW_HEADER_BYTES, recordLength, `${label} header`);
  const viewByte = view.getUint8(start + 1);
  const fv: FingerView = {
    fingerPosition: view.getUint8(start),
    viewNumber: viewByte >> 4,
    impressionType: viewByte & 0x0f,
    quality: view.getUint8(start + 2),
    minutiae: [],
    extendedData: [],
  };
  checkViewHeader(fv, label, record, start);
  const count = view.getUint8(start + 3);
  let offset = start + VIEW_HEADER_BYTES;
  need(offset, count * MINUTIA_BYTES, recordLength, `${label}'s ${count} minutiae`);
  for (let i = 0; i < count; i++, offset += MINUTIA_BYTES) {
    const xWord = view.getUint16(offset);
    const yWord = view.getUint16(offset + 2);
    const typeBits = xWord >> 14;
    const type = TYPE_CODES[typeBits];
    if (type === undefined) throw new TemplateError('value', `${label} minutia ${i + 1} has the reserved type code 3`, offset);
    if (yWord >> 14 !== 0) throw new TemplateError('value', `${label} minutia ${i + 1} sets the reserved bits above its y coordinate`, offset + 2);
    const minutia: Minutia = {
      type,
      x: xWord & MAX_COORDINATE,
      y: yWord & MAX_COORDINATE,
      // One byte covers exactly 0–255, the whole ISO angle range, so no angle can be out of range.
      angle: view.getUint8(offset + 4),
      quality: view.getUint8(offset + 5),
    };
    checkMinutia(minutia, `${label} minutia ${i + 1}`, record, offset);
    fv.minutiae.push(minutia);
  }
  need(offset, 2, recordLength, `${label} extended data length`);
  const blockLength = view.getUint16(offset);
  offset += 2;
  need(offset, blockLength, recordLength, `${label} extended data block of ${blockLength} bytes`);
  const blockEnd = offset + blockLength;
  while (offset < blockEnd) {
    if (offset + 4 > blockEnd) {
      throw new TemplateError('length', `${label} extended data block has ${blockEnd - offset} stray byte(s) too short for an area header`, offset);
    }
    const typeCode = view.getUint16(offset);
    const areaLength = view.getUint16(offset + 2);
    if (typeCode === 0) throw new TemplateError('value', `${label} extended data area uses the reserved type code 0x0000`, offset);
    if (areaLength < 4 || offset + areaLength > blockEnd) {
      throw new TemplateError('length', `${label} extended data area of type 0x${typeCode.toString(16).padStart(4, '0')} claims ${areaLength} bytes; ${blockEnd - offset} remain in its block (minimum 4)`, offset + 2);
    }
    fv.extendedData.push({ typeCode, data: new Uint8Array(view.buffer, view.byteOffset + offset + 4, areaLength - 4).slice() });
    offset += areaLength;
  }
  record.views.push(fv);
  return offset;
}

function checkViewHeader(fv: FingerView, label: string, record: FingerMinutiaeRecord, offset: number): void {
  if (fv.fingerPosition > 10) throw new TemplateError('value', `${label} finger position is ${fv.fingerPosition}, must be 0–10`, offset);
  if (fv.impressionType > MAX_IMPRESSION_TYPE) {
    throw new TemplateError('value', `${label} impression type is ${fv.impressionType}, a reserved code (valid 0–${MAX_IMPRESSION_TYPE})`, offset + 1);
  }
  if (fv.quality > 100) throw new TemplateError('value', `${label} finger quality is ${fv.quality}, must be 0–100`, offset + 2);
  const twin = record.views.find((o) => o.fingerPosition === fv.fingerPosition && o.viewNumber === fv.viewNumber);
  if (twin) {
    throw new TemplateError('value', `${label} repeats view number ${fv.viewNumber} of finger position ${fv.fingerPosition}`, offset + 1);
  }
}

function checkMinutia(m: Minutia, label: string, record: FingerMinutiaeRecord, offset: number): void {
  if (m.x >= record.width) throw new TemplateError('value', `${label} x = ${m.x} lies outside the ${record.width}-pixel-wide image`, offset);
  if (m.y >= record.height) throw new TemplateError('value', `${label} y = ${m.y} lies outside the ${record.height}-pixel-high image`, offset + 2);
  if (m.quality > 100) throw new TemplateError('value', `${label} quality is ${m.quality}, must be 0–100`, offset + 5);
}

function checkInteger(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TemplateError('value', `${what} is ${value}, must be an integer ${min}–${max}`);
  }
}

/** Serialises a record; refuses (TemplateError) anything the parser would refuse. */
export function serializeIsoTemplate(record: FingerMinutiaeRecord): Uint8Array {
  checkInteger(record.captureEquipment.compliance, 0, 15, 'capture equipment compliance');
  checkInteger(record.captureEquipment.id, 0, 0x0fff, 'capture equipment id');
  for (const [value, what] of [[record.width, 'image width'], [record.height, 'image height'], [record.xResolution, 'x resolution'], [record.yResolution, 'y resolution']] as const) {
    checkInteger(value, 0, 0xffff, what);
  }
  checkHeader(record, record.views.length, 0);
  checkInteger(record.views.length, 1, 255, 'finger view count');
  let length = HEADER_BYTES;
  for (const fv of record.views) {
    length += VIEW_HEADER_BYTES + fv.minutiae.length * MINUTIA_BYTES + 2;
    for (const area of fv.extendedData) length += 4 + area.data.length;
  }
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  bytes.set(FORMAT_ID, 0);
  bytes.set(VERSION, 4);
  view.setUint32(8, length);
  view.setUint16(12, (record.captureEquipment.compliance << 12) | record.captureEquipment.id);
  view.setUint16(14, record.width);
  view.setUint16(16, record.height);
  view.setUint16(18, record.xResolution);
  view.setUint16(20, record.yResolution);
  view.setUint8(22, record.views.length);
  let offset = HEADER_BYTES;
  const seen: FingerMinutiaeRecord = { ...record, views: [] };
  record.views.forEach((fv, v) => {
    const label = `finger view ${v + 1}`;
    checkInteger(fv.fingerPosition, 0, 255, `${label} finger position`);
    checkInteger(fv.viewNumber, 0, 15, `${label} view number`);
    checkInteger(fv.impressionType, 0, 15, `${label} impression type`);
    checkInteger(fv.quality, 0, 255, `${label} finger quality`);
    checkInteger(fv.minutiae.length, 0, 255, `${label} minutia count`);
    checkViewHeader(fv, label, seen, offset);
    seen.views.push(fv);
    view.setUint8(offset, fv.fingerPosition);
    view.setUint8(offset + 1, (fv.viewNumber << 4) | fv.impressionType);
    view.setUint8(offset + 2, fv.quality);
    view.setUint8(offset + 3, fv.minutiae.length);
    offset += VIEW_HEADER_BYTES;
    fv.minutiae.forEach((m, i) => {
      const what = `${label} minutia ${i + 1}`;
      checkInteger(m.x, 0, MAX_COORDINATE, `${what} x`);
      checkInteger(m.y, 0, MAX_COORDINATE, `${what} y`);
      checkInteger(m.angle, 0, 255, `${what} angle`);
      checkInteger(m.quality, 0, 255, `${what} quality`);
      checkMinutia(m, what, record, offset);
      view.setUint16(offset, (TYPE_CODES.indexOf(m.type) << 14) | m.x);
      view.setUint16(offset + 2, m.y);
      view.setUint8(offset + 4, m.angle);
      view.setUint8(offset + 5, m.quality);
      offset += MINUTIA_BYTES;
    });
    const blockLength = fv.extendedData.reduce((sum, a) => sum + 4 + a.data.length, 0);
    checkInteger(blockLength, 0, 0xffff, `${label} extended data length`);
    view.setUint16(offset, blockLength);
    offset += 2;
    for (const area of fv.extendedData) {
      checkInteger(area.typeCode, 1, 0xffff, `${label} extended data type code`);
      view.setUint16(offset, area.typeCode);
      view.setUint16(offset + 2, 4 + area.data.length);
      bytes.set(area.data, offset + 4);
      offset += 4 + area.data.length;
    }
  });
  return bytes;
}

/** ISO angle units to radians, counter-clockwise from the image x axis. */
export function isoAngleToRadians(angle: number): number {
  return (angle * Math.PI * 2) / 256;
}

/** Radians (any range) to the nearest ISO angle unit, 0–255. */
export function radiansToIsoAngle(radians: number): number {
  const units = Math.round((radians * 256) / (Math.PI * 2));
  return ((units % 256) + 256) % 256;
}

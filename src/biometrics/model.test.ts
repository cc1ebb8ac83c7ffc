import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoTemplate, serializeIsoTemplate } from './iso19794.ts';
import { fingerprintFile } from './reference-data.ts';
import { MAX_TEMPLATE_BYTES, MIN_MINUTIAE, checkTemplate, nextStep, probeIdentity, type BiometricCandidate } from './model.ts';

const bytes = (finger: number, impression: number) => new Uint8Array(fs.readFileSync(fingerprintFile('fvc2002', 'DB1_B', `${finger}_${impression}.iso`)));

describe('checkTemplate', () => {
  it('splits a multi-finger record into standalone single-view records at their positions', () => {
    const a = parseIsoTemplate(bytes(101, 1));
    const b = parseIsoTemplate(bytes(102, 1));
    const set = serializeIsoTemplate({ ...a, views: [{ ...a.views[0], fingerPosition: 2 }, { ...b.views[0], fingerPosition: 7 }] });
    const r = checkTemplate(set);
    if (!('views' in r)) throw new Error(r.problem.message);
    expect(r.views.map((v) => v.fingerPosition)).toEqual([2, 7]);
    const back = parseIsoTemplate(r.views[1].template);
    expect(back.views).toHaveLength(1);
    expect(back.views[0].minutiae).toEqual(b.views[0].minutiae);
    expect(r.views[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names what is wrong with every refused record', () => {
    const problem = (input: Uint8Array, opts?: Parameters<typeof checkTemplate>[1]) => {
      const r = checkTemplate(input, opts);
      return 'problem' in r ? r.problem : undefined;
    };
    expect(problem(new Uint8Array())?.message).toMatch(/empty/);
    expect(problem(new Uint8Array(MAX_TEMPLATE_BYTES + 1))).toMatchObject({ tooLarge: true });
    expect(problem(bytes(101, 1).subarray(0, 40))?.message).toMatch(/ISO\/IEC 19794-2.*record length field says/);
    for (const file of fs.readdirSync(fingerprintFile('iso_invalid'))) {
      expect(problem(new Uint8Array(fs.readFileSync(path.join(fingerprintFile('iso_invalid'), file))))?.field, file).toBe('body');
    }
    const a = parseIsoTemplate(bytes(101, 1));
    const sparse = serializeIsoTemplate({ ...a, views: [{ ...a.views[0], minutiae: a.views[0].minutiae.slice(0, MIN_MINUTIAE - 1) }] });
    expect(problem(sparse)?.message).toMatch(/at least 8/);
    const twice = serializeIsoTemplate({ ...a, views: [{ ...a.views[0], fingerPosition: 3 }, { ...a.views[0], fingerPosition: 3, viewNumber: 1 }] });
    expect(problem(twice)?.message).toMatch(/repeats finger position 3/);
    const pair = serializeIsoTemplate({ ...a, views: [{ ...a.views[0], fingerPosition: 3 }, { ...a.views[0], fingerPosition: 4 }] });
    expect(problem(pair, { singleViewOnly: true })?.message).toMatch(/one finger at a time/);
    expect(problem(pair, { fingerPosition: 2 })?.field).toBe('finger');
  });
});

describe('probe identity and next step', () => {
  it('gives the same probe the same identity, per modality', () => {
    expect(probeIdentity('fingerprint', 'ab')).toBe(probeIdentity('fingerprint', 'ab'));
    expect(probeIdentity('fingerprint', 'ab')).not.toBe(probeIdentity('face', 'ab'));
  });

  it('says whom to contact, and never more than the owner allows', () => {
    const c: BiometricCandidate = {
      recordType: 'person', recordId: null, sampleId: null, owner: 'NCB-FRA', ownerName: 'NCB Paris', disclosure: 'existence', score: 0.3, match: true,
      fingerPosition: null, subject: 'withheld', person: null, mark: null, tlp: null, handling: null, hitId: 'h1',
    };
    expect(nextStep([c])).toMatch(/withheld.*NCB Paris has been told/);
    expect(nextStep([{ ...c, match: false }])).toMatch(/No match/);
  });
});

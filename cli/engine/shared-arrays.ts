// Copies HouseholdArrays into SharedArrayBuffers so engine worker threads read the same memory without copies.
import type { HouseholdArrays } from '../../sim/index.ts';

/** A copy of a byte array in a SharedArrayBuffer. */
export function shareBytes(a: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

function u32(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

function f64(a: Float64Array): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** A copy of `households` whose columns live in SharedArrayBuffers (postMessage shares rather than clones them). */
export function shareHouseholds(h: HouseholdArrays): HouseholdArrays {
  return {
    count: h.count,
    region: u32(h.region),
    area: shareBytes(h.area),
    size: shareBytes(h.size),
    elderly: shareBytes(h.elderly),
    children: shareBytes(h.children),
    disabled: shareBytes(h.disabled),
    ill: shareBytes(h.ill),
    ableToWork: shareBytes(h.ableToWork),
    working: shareBytes(h.working),
    careFull: shareBytes(h.careFull),
    careHalf: shareBytes(h.careHalf),
    incomePc: f64(h.incomePc),
    earningsPc: f64(h.earningsPc),
    assetsPc: f64(h.assetsPc),
    car: shareBytes(h.car),
    homes: shareBytes(h.homes),
    medicalHh: f64(h.medicalHh),
    educationHh: f64(h.educationHh),
    rehabHh: f64(h.rehabHh),
    programme: shareBytes(h.programme),
    gradualExit: shareBytes(h.gradualExit),
    monitored: shareBytes(h.monitored),
    tekunProfile: shareBytes(h.tekunProfile),
    localHukou: shareBytes(h.localHukou),
    orphans: shareBytes(h.orphans),
    supportType: shareBytes(h.supportType),
    weight: f64(h.weight),
  };
}

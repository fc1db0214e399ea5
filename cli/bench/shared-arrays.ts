// Copies HouseholdArrays into SharedArrayBuffers so Monte Carlo worker threads read the same memory without copies.
import type { HouseholdArrays } from '../../sim/model/households.ts';

function u8(a: Uint8Array): Uint8Array {
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
    area: u8(h.area),
    size: u8(h.size),
    elderly: u8(h.elderly),
    children: u8(h.children),
    disabled: u8(h.disabled),
    ill: u8(h.ill),
    ableToWork: u8(h.ableToWork),
    working: u8(h.working),
    careFull: u8(h.careFull),
    careHalf: u8(h.careHalf),
    incomePc: f64(h.incomePc),
    earningsPc: f64(h.earningsPc),
    assetsPc: f64(h.assetsPc),
    car: u8(h.car),
    homes: u8(h.homes),
    medicalHh: f64(h.medicalHh),
    educationHh: f64(h.educationHh),
    rehabHh: f64(h.rehabHh),
    programme: u8(h.programme),
    gradualExit: u8(h.gradualExit),
    monitored: u8(h.monitored),
    tekunProfile: u8(h.tekunProfile),
    localHukou: u8(h.localHukou),
    weight: f64(h.weight),
  };
}

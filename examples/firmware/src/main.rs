//! A firmware-style use of rekry-core on a Cortex-M4F (nRF52840 memory layout).
//!
//! `#![no_std]`, `#![no_main]`, no allocator and its own panic handler: it tallies NPS
//! scores as a kiosk button panel would, validates a personnummer and a Swedish ID card's MRZ,
//! applies the MRZ to a role checklist, and encodes the finished check record and the tally
//! with postcard, as a device would before sending them over a serial link or BLE.
//!
//! Build and measure (the script fails when `.text` is over 48 KiB):
//!
//! ```text
//! cargo build --manifest-path examples/firmware/Cargo.toml --target thumbv7em-none-eabihf --release
//! scripts/firmware-size.sh
//! ```
//!
//! Inputs go through `black_box` and results are stored in statics, so the optimiser can
//! neither fold the work into constants nor drop it: the size measured is the size of the
//! real code paths.
#![no_std]
#![no_main]

use core::hint::black_box;
use core::panic::PanicInfo;
use core::sync::atomic::{AtomicI32, AtomicU32, Ordering};

use cortex_m_rt::entry;
use rekry_core::Date;
use rekry_core::idcheck::checklist::{Checklist, Role};
use rekry_core::idcheck::documents::CitizenshipGroup;
use rekry_core::idcheck::mrz;
use rekry_core::idcheck::personnummer::Personnummer;
use rekry_core::nps::{NpsTally, Score};
use rekry_core::wire;

/// Scores as a kiosk's buttons deliver them.
const PRESSES: [u8; 16] = [10, 9, 9, 8, 7, 10, 3, 9, 10, 6, 10, 10, 9, 8, 12, 10];

/// A Swedish ID card (TD1) with the personnummer in its optional data.
const TD1: &str = "I<SWEAB12345671198112189876<<<\n8112185M3101012SWE<<<<<<<<<<<7\nSVENSSON<<ANDERS<ERIK<<<<<<<<<";

/// What the firmware reports, kept in statics so a debugger (or a host over RTT) can read
/// them. `#[used]` and `black_box` keep the stores and the work behind them: statics that
/// are only written would otherwise be removed, and the work with them.
#[used]
static NPS_TENTHS: AtomicI32 = AtomicI32::new(i32::MIN);
#[used]
static INTERVAL_LOW_TENTHS: AtomicI32 = AtomicI32::new(i32::MIN);
#[used]
static REJECTED_PRESSES: AtomicU32 = AtomicU32::new(0);
#[used]
static PERSONNUMMER_OK: AtomicU32 = AtomicU32::new(0);
#[used]
static MRZ_OK: AtomicU32 = AtomicU32::new(0);
#[used]
static RECORD_BYTES: AtomicU32 = AtomicU32::new(0);
#[used]
static TALLY_BYTES: AtomicU32 = AtomicU32::new(0);
#[used]
static ROUNDS: AtomicU32 = AtomicU32::new(0);

fn run(today: Date) {
    // Tally: invalid presses (a stuck or out-of-range button) are counted, never recorded.
    let mut tally = NpsTally::new();
    let mut rejected = 0;
    for &press in black_box(&PRESSES) {
        match Score::new(press) {
            Ok(score) => {
                if tally.record(score).is_err() {
                    rejected += 1;
                }
            }
            Err(_) => rejected += 1,
        }
    }
    REJECTED_PRESSES.store(black_box(rejected), Ordering::Relaxed);
    NPS_TENTHS.store(black_box(tally.nps().map_or(i32::MIN, |n| n.tenths())), Ordering::Relaxed);
    let low = tally.interval95().map_or(i32::MIN, |ci| (ci.low * 10.0) as i32);
    INTERVAL_LOW_TENTHS.store(black_box(low), Ordering::Relaxed);

    // Identity checks.
    let pnr_ok = Personnummer::parse(black_box("811218-9876"), today).is_ok();
    PERSONNUMMER_OK.store(black_box(u32::from(pnr_ok)), Ordering::Relaxed);
    let report = mrz::parse(black_box(TD1), today);
    MRZ_OK.store(black_box(u32::from(report.is_valid())), Ordering::Relaxed);

    // The check record keeps the document kind and the outcome, nothing personal.
    let mut checklist = Checklist::new(Role::Teacher, CitizenshipGroup::Swedish, today);
    checklist.apply_mrz(&report, None, today);
    let record = checklist.finish(today);

    let mut buf = [0u8; 512];
    let len = wire::postcard::encode(&record, &mut buf).map_or(0, |b| black_box(b).len());
    RECORD_BYTES.store(black_box(len as u32), Ordering::Relaxed);
    let len = wire::postcard::encode(&tally, &mut buf).map_or(0, |b| black_box(b).len());
    TALLY_BYTES.store(black_box(len as u32), Ordering::Relaxed);
}

#[entry]
fn main() -> ! {
    // No clock on this board: the date would come from the host that configures the device.
    let today = match Date::new(2026, 11, 23) {
        Ok(d) => d,
        Err(_) => halt(),
    };
    loop {
        run(black_box(today));
        ROUNDS.fetch_add(1, Ordering::Relaxed);
    }
}

fn halt() -> ! {
    loop {
        core::hint::spin_loop();
    }
}

/// rekry-core never panics on any input; should anything else, stop where a debugger can
/// see it rather than reset into a loop of failures.
#[panic_handler]
fn panic(_info: &PanicInfo<'_>) -> ! {
    halt()
}

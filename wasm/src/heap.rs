//! The `.wasm`'s global allocator: power-of-two size classes with one free list each.
//!
//! The standard library's allocator for `wasm32-unknown-unknown` (dlmalloc) is about 8 KB of
//! code, an eighth of the module. The binding's allocations are few and short-lived (input
//! strings, JSON output, a parsed JSON tree, a score array), so a much simpler scheme does:
//!
//! - A request of `n` bytes (at least 8, at least its alignment) gets a block of the next power
//!   of two, `2^k` bytes. Freed blocks go on the free list of their class `k` (the first word
//!   of a free block links to the next) and are handed out again first; the others are cut
//!   from the end of the heap, which grows a page at a time with `memory.grow`.
//! - Blocks are never split or merged, so allocation and freeing take constant time; the
//!   price is up to half of a block unused, and memory freed in one class is reused only by
//!   that class. WebAssembly memory never shrinks anyway, under any allocator.
//! - `realloc` within the same class returns the block unchanged.
//!
//! The module is single-threaded (no `atomics` target feature), so the free lists are plain
//! statics; the atomics below compile to ordinary loads and stores.

#![allow(unsafe_code)] // An allocator hands out raw memory; each unsafe block says why it is sound.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::sync::atomic::{AtomicUsize, Ordering::Relaxed};

// The free lists below are not thread-safe.
#[cfg(target_feature = "atomics")]
compile_error!("rekry-wasm's allocator assumes a single-threaded module (no `atomics` target feature)");

const PAGE: usize = 65_536;
/// The smallest class: 8 bytes, room for the free-list link and the usual alignment.
const MIN_CLASS: u32 = 3;
/// One class per bit of `usize` (wasm32: blocks up to 2 GiB).
const CLASSES: usize = usize::BITS as usize;

/// The head of each class's free list (0 for empty).
static FREE: [AtomicUsize; CLASSES] = [const { AtomicUsize::new(0) }; CLASSES];
/// The first unused byte of the heap's current region, and its end.
static NEXT: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);

/// The size class `k` of `layout` (blocks of `2^k` bytes) and its free list; `None` if the
/// block would be too large to exist.
fn class(layout: Layout) -> Option<(u32, &'static AtomicUsize)> {
    let n = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let k = usize::BITS - (n - 1).leading_zeros();
    // k = 32 (a request beyond 2 GiB) has no list.
    FREE.get(k as usize).map(|head| (k, head))
}

/// A fresh block of `size` bytes aligned to `align` (a power of two) from the end of the
/// heap, growing memory when needed; 0 when memory cannot grow.
fn bump(size: usize, align: usize) -> usize {
    loop {
        let next = NEXT.load(Relaxed);
        let end = END.load(Relaxed);
        let Some(start) = next.checked_add(align - 1).map(|v| v & !(align - 1)) else {
            return 0;
        };
        let Some(stop) = start.checked_add(size) else {
            return 0;
        };
        if stop <= end {
            NEXT.store(stop, Relaxed);
            return start;
        }
        // Enough pages for the block at `start` if the new memory follows `end`, as it does
        // unless something else grew memory (then the loop goes round once more).
        let pages = (stop - end).div_ceil(PAGE);
        let old_pages = wasm32::memory_grow(0, pages);
        if old_pages == usize::MAX {
            return 0;
        }
        let base = old_pages * PAGE;
        if base != end {
            NEXT.store(base, Relaxed);
        }
        END.store(base + pages * PAGE, Relaxed);
    }
}

/// The global allocator (see the module documentation).
#[derive(Debug)]
pub struct Heap;

// SAFETY: `alloc` returns blocks of at least `layout.size()` bytes aligned to `layout.align()`
// that no other live allocation overlaps (fresh from `bump`, or taken off a free list that
// only `dealloc` fills, with blocks of the same class). `dealloc` and `realloc` get back
// blocks that `alloc` handed out for a layout of the same class (GlobalAlloc's contract), so
// writing the link into the first word of a freed block (8 or more bytes, aligned to 8)
// touches only memory the heap owns again.
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((k, head)) = class(layout) else {
            return core::ptr::null_mut();
        };
        let block = head.load(Relaxed);
        // Blocks are 8-aligned; a stricter alignment takes a fresh block.
        if block != 0 && block.is_multiple_of(layout.align()) {
            // SAFETY: `block` is a free block of this class; its first word is the link.
            head.store(unsafe { *(block as *const usize) }, Relaxed);
            return block as *mut u8;
        }
        bump(1 << k, layout.align().max(1 << MIN_CLASS)) as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some((_, head)) = class(layout) {
            // SAFETY: `ptr` is a block of class `k` that the caller gives up (see above).
            unsafe { *(ptr as *mut usize) = head.load(Relaxed) };
            head.store(ptr as usize, Relaxed);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY (all three): GlobalAlloc's contract for `realloc` makes `new_layout` valid
        // and `ptr` a live block of `layout`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new_layout).map(|c| c.0) == class(layout).map(|c| c.0) {
            return ptr;
        }
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

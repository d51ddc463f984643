//! The staff PIN pad's lockout: after five wrong PINs in a row the pad locks, for longer
//! each further failure. The PIN itself is checked by the store (Argon2id).

use std::time::{Duration, Instant};

/// Wrong PINs allowed before the pad locks.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first lockout; each further failure doubles it.
pub const FIRST_LOCKOUT: Duration = Duration::from_secs(30);
/// The longest lockout.
pub const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);
/// Staff mode locks itself after this long without a touch.
pub const STAFF_IDLE_LOCK: Duration = Duration::from_secs(60);

/// Counts consecutive failures and says when the pad is locked.
#[derive(Debug, Clone, Default)]
pub struct PinGuard {
    failures: u32,
    locked_until: Option<Instant>,
}

/// What a wrong PIN led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Another try is allowed at once; this is the n-th failure in a row.
    Retry(u32),
    /// The pad is locked for this long; this is the n-th failure in a row.
    Locked(u32, Duration),
}

impl PinGuard {
    /// Seconds left in a lockout at `now` (0 when not locked).
    pub fn seconds_left(&self, now: Instant) -> u64 {
        match self.locked_until {
            Some(until) if until > now => {
                let left = until - now;
                left.as_secs() + u64::from(left.subsec_nanos() > 0)
            }
            _ => 0,
        }
    }

    /// Whether the pad accepts a PIN at `now`.
    pub fn is_locked(&self, now: Instant) -> bool {
        self.seconds_left(now) > 0
    }

    /// Consecutive failures so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Records a wrong PIN at `now`.
    pub fn fail(&mut self, now: Instant) -> Failure {
        self.failures += 1;
        if self.failures < FREE_ATTEMPTS {
            return Failure::Retry(self.failures);
        }
        let doublings = (self.failures - FREE_ATTEMPTS).min(10);
        let delay = (FIRST_LOCKOUT * 2u32.pow(doublings)).min(MAX_LOCKOUT);
        self.locked_until = Some(now + delay);
        Failure::Locked(self.failures, delay)
    }

    /// A right PIN: the count starts over.
    pub fn succeed(&mut self) {
        self.failures = 0;
        self.locked_until = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockout_grows() {
        let t0 = Instant::now();
        let mut g = PinGuard::default();
        for i in 1..FREE_ATTEMPTS {
            assert_eq!(g.fail(t0), Failure::Retry(i));
        }
        assert_eq!(g.fail(t0), Failure::Locked(5, Duration::from_secs(30)));
        assert!(g.is_locked(t0 + Duration::from_secs(29)));
        assert!(!g.is_locked(t0 + Duration::from_secs(30)));
        assert_eq!(g.fail(t0 + Duration::from_secs(31)), Failure::Locked(6, Duration::from_secs(60)));
        for _ in 0..20 {
            g.fail(t0);
        }
        assert_eq!(g.seconds_left(t0), MAX_LOCKOUT.as_secs());
        g.succeed();
        assert!(!g.is_locked(t0));
    }
}

//! Recruitment rules that apply before anyone is interviewed.

pub mod job_ad;

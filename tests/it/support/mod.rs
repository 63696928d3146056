//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod figures;
pub mod hostile_cases;
pub mod process;

//! The pace of one ladder step: how fast the person moves in one rep, or that they hold still
//! (catalog schema 2).

use serde::{Deserialize, Serialize};

/// How fast the person moves in one rep of a step, or that they hold still (catalog schema 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tempo {
    /// A static hold for the dose's seconds, breathing.
    Hold,
    /// One repetition: this long into the position, held there, and back.
    Rep {
        up_secs: u32,
        hold_secs: u32,
        down_secs: u32,
    },
    /// A slow continuous cycle of this many seconds.
    Cycle { secs: u32 },
    /// Continuous easy movement (walking).
    Steady,
}

impl Tempo {
    /// In words, as the player, the handout and the catalog show it.
    pub fn describe(self) -> String {
        match self {
            Tempo::Hold => "hold still and keep breathing".to_owned(),
            Tempo::Rep {
                up_secs,
                hold_secs: 0,
                down_secs,
            } => format!("{up_secs} s up, {down_secs} s back, smoothly"),
            Tempo::Rep {
                up_secs,
                hold_secs,
                down_secs,
            } => format!("{up_secs} s up, hold {hold_secs} s, {down_secs} s back"),
            Tempo::Cycle { secs } => format!("one slow cycle every {secs} s"),
            Tempo::Steady => "an easy, steady pace".to_owned(),
        }
    }

    /// Seconds one rep takes at this tempo (`None` for a hold or steady movement).
    pub fn rep_secs(self) -> Option<u32> {
        match self {
            Tempo::Rep {
                up_secs,
                hold_secs,
                down_secs,
            } => Some(up_secs + hold_secs + down_secs),
            Tempo::Cycle { secs } => Some(secs),
            Tempo::Hold | Tempo::Steady => None,
        }
    }
}

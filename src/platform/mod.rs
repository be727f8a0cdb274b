//! The outside world, behind small traits so tests can fake it: sound output, the clock, and
//! the folders the file picker lists.

pub mod clock;
pub mod console;
pub mod desktop;
pub mod file_browser;
pub mod log_file;
pub mod notification;
pub mod reminder_timer;
pub mod screen_awake;
pub mod signals;
pub mod sound;

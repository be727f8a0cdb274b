//! The data folder: the bundled and saved files, durability, a full or read-only disk, kill -9
//! at random moments, bad input, and fuzzing of every file the app reads.

mod bad_input;
mod data_files;
mod durability;
mod full_disk;
mod fuzz;
mod kill;
mod privacy;
mod rescue;

//! The command-line tool's integration tests (one binary): the tool run as a process, and commune
//! mode's model compared with it on the same files, and officers' own sheets (`sheets`).

mod cli;
mod commune_parity;
mod sheets;

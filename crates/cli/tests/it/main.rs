//! The command-line tool's integration tests (one binary): the tool run as a process, and commune
//! mode's model compared with it on the same files.

mod cli;
mod commune_parity;

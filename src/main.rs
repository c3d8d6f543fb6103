//! The `roundtable` command: parses the command line and hands over to the library.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    roundtable::cli::run(roundtable::cli::Cli::parse()).await
}

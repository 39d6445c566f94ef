//! The `whatsapp-ctl` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(whatsapp_ctl::main_exit_code())
}

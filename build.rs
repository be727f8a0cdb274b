//! For a Windows build only: the program's icon (from the app's PNG icons, so there is one
//! source for every platform) and its version information, embedded as Windows resources.
//! Building for Linux does nothing here.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let icon = out_dir.join("strongback.ico");
    if let Err(err) = write_icon(&icon) {
        panic!("the Windows icon could not be made from assets/icons: {err}");
    }
    let mut resource = winresource::WindowsResource::new();
    // Cross-building from Linux: the MinGW tools by their target-prefixed names.
    if std::env::var("HOST").is_ok_and(|host| !host.contains("windows")) {
        resource
            .set_toolkit_path("/usr/bin")
            .set_windres_path("x86_64-w64-mingw32-windres")
            .set_ar_path("x86_64-w64-mingw32-ar");
    }
    resource
        .set_icon(&icon.to_string_lossy())
        .set("ProductName", "Strongback")
        .set("FileDescription", "Strongback back-care strength coach")
        .set(
            "LegalCopyright",
            "The Strongback developers, MIT or Apache-2.0",
        );
    if let Err(err) = resource.compile() {
        panic!(
            "the Windows resources (icon, version) could not be compiled: {err} \
             (cross-building needs MinGW's windres: apt install binutils-mingw-w64-x86-64)"
        );
    }
}

/// A multi-size `.ico` from the PNG icons (Windows picks the size it needs).
fn write_icon(path: &Path) -> std::io::Result<()> {
    let mut dir = ico::IconDir::new(ico::ResourceType::Icon);
    for size in [16, 32, 48, 64, 128, 256] {
        let png = format!("assets/icons/strongback-{size}.png");
        println!("cargo::rerun-if-changed={png}");
        let image = ico::IconImage::read_png(std::fs::File::open(&png)?)?;
        dir.add_entry(ico::IconDirEntry::encode(&image)?);
    }
    dir.write(std::fs::File::create(path)?)
}

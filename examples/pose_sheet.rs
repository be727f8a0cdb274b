//! Writes an HTML sheet of every ladder step's figure: its start position, the middle of the
//! movement and its end position at full size (as in the player), and the thumbnail the app's
//! lists show, with any fault the catalog's checks find; to look at the drawings by eye:
//!
//! `cargo run --example pose_sheet > poses.html`
//!
//! Arguments: exercise ids to narrow the sheet (`plank side_plank`), `--catalog FILE` to draw
//! another catalog file (one being drawn), `--size PX` for the width of a full-size picture
//! (default 300).
use std::fmt::Write as _;

use strongback::domain::plan::catalog::{Catalog, Exercise, Picture};
use strongback::domain::plan::figure::checks::{figure_faults, unusual_bones};
use strongback::domain::plan::figure::parts::{Look, ViewBox, WHOLE_BOX};
use strongback::report::svg::picture_svg;

const THUMB: (u32, u32) = (56, 34);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let catalog = match load(value_of("--catalog")) {
        Ok(catalog) => catalog,
        Err(problems) => {
            eprintln!("{problems}");
            std::process::exit(1);
        }
    };
    let width: u32 = value_of("--size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let full = (width, width * 3 / 5);
    let mut skip_next = false;
    let ids: Vec<&String> = args
        .iter()
        .filter(|a| {
            let keep = !skip_next && !a.starts_with("--");
            skip_next = a.as_str() == "--catalog" || a.as_str() == "--size";
            keep
        })
        .collect();
    let exercises: Vec<&Exercise> = catalog
        .exercises
        .iter()
        .filter(|e| ids.is_empty() || ids.iter().any(|id| **id == e.id))
        .collect();

    let mut html = String::from(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Strongback figures</title><style>
body{font-family:sans-serif;margin:8px;color:#222}
h2{font-size:15px;margin:12px 0 4px}
.step{display:flex;gap:8px;align-items:flex-end;margin:4px 0 10px}
.cell{font-size:11px;color:#555}
.cell svg{display:block;border:1px solid #ddd}
.name{font-size:13px;width:170px;align-self:center}
.fault{color:#b00020}
.hint{color:#946200}
</style></head><body>
"#,
    );
    for exercise in &exercises {
        let _ = write!(html, "<h2>{}</h2>", exercise.name);
        for n in 1..=exercise.top_step() {
            let step_name = exercise.step(n).map(|s| s.name.as_str()).unwrap_or("");
            let title = format!("{}, step {n}: {step_name}", exercise.name);
            let look = exercise.look_at(n, false);
            let view = picture_view(exercise, n, look);
            let _ = write!(
                html,
                "<div class=\"step\"><div class=\"name\"><b>Step {n}</b>: {step_name}{}</div>",
                notes(exercise, n)
            );
            let Some(picture) = exercise.picture_at(n) else {
                html.push_str("<div class=\"fault\">no picture</div></div>");
                continue;
            };
            let moments: &[(&str, f32)] = if picture.moves() {
                &[("start", 0.0), ("middle", 0.5), ("end", 1.0)]
            } else {
                &[("hold", 0.0)]
            };
            for (label, t) in moments {
                let svg = picture_svg(&picture.parts(*t, look), view, &title);
                let _ = write!(
                    html,
                    "<div class=\"cell\">{label}{}</div>",
                    sized(&svg, full)
                );
            }
            let thumb = picture_svg(&picture.key_parts(look), view, &title);
            let _ = write!(
                html,
                "<div class=\"cell\">thumbnail{}</div></div>",
                sized(&thumb, THUMB)
            );
        }
    }
    html.push_str("</body></html>");
    println!("{html}");
}

/// The part of the picture box step `n`'s picture needs.
fn picture_view(exercise: &Exercise, n: u8, look: Look) -> ViewBox {
    exercise
        .picture_at(n)
        .map_or(WHOLE_BOX, |picture| picture.view_box(look))
}

/// The catalog to draw: the bundled one, or a file.
fn load(path: Option<String>) -> Result<Catalog, String> {
    let Some(path) = path else {
        return strongback::store::bundled::Assets::embedded()
            .map(|assets| assets.catalog)
            .map_err(|problems| problems.to_string());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    strongback::store::bundled::Assets::parse(
        &path,
        &text,
        "programs/back-care.ron",
        include_str!("../assets/programs/back-care.ron"),
    )
    .map(|assets| assets.catalog)
    .map_err(|problems| problems.to_string())
}

/// Faults and hints about step `n`'s figure, as HTML lines.
fn notes(exercise: &Exercise, n: u8) -> String {
    let own = exercise.step(n).is_some_and(|s| s.figure.is_some());
    let mut out = String::new();
    match exercise.picture_at(n) {
        Some(Picture::Figure(figure)) => {
            if !own {
                out.push_str("<div class=\"hint\">(a lower step's figure)</div>");
            }
            for fault in figure_faults(figure) {
                let _ = write!(out, "<div class=\"fault\">{fault}</div>");
            }
            let ends = [Some(&figure.start), figure.end.as_ref()];
            for body in ends.into_iter().flatten() {
                for hint in unusual_bones(body, figure.size) {
                    let _ = write!(out, "<div class=\"hint\">{hint}</div>");
                }
            }
        }
        Some(Picture::Sketch(_)) => out.push_str("<div class=\"hint\">(old stick drawing)</div>"),
        None => {}
    }
    out
}

/// The SVG drawn at `size` pixels.
fn sized(svg: &str, (width, height): (u32, u32)) -> String {
    svg.replacen(
        "<svg ",
        &format!("<svg width=\"{width}\" height=\"{height}\" "),
        1,
    )
}

//! Writes an HTML contact sheet of every exercise picture at every ladder step, at thumbnail
//! size (56 × 34 px, as in the app's lists) and at full size (460 × 276 px, as in the player),
//! to check the drawings by eye:
//!
//! `cargo run --example pose_sheet > poses.html`
//!
//! Arguments narrow the sheet: exercise ids (`plank side_plank`), `--thumbs` (thumbnails
//! only) or `--full` (full size only).
use std::fmt::Write as _;

use strongback::domain::plan::catalog::Exercise;
use strongback::report::svg::pose_svg;

const THUMB: (u32, u32) = (56, 34);
const FULL: (u32, u32) = (460, 276);

fn main() {
    let assets = match strongback::store::bundled::Assets::embedded() {
        Ok(assets) => assets,
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let thumbs = !args.iter().any(|a| a == "--full");
    let full = !args.iter().any(|a| a == "--thumbs");
    let ids: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let exercises: Vec<&Exercise> = assets
        .catalog
        .exercises
        .iter()
        .filter(|e| ids.is_empty() || ids.iter().any(|id| **id == e.id))
        .collect();

    let mut html = String::from(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Strongback poses</title><style>
body{font-family:sans-serif;margin:8px;color:#222}
h1{font-size:18px;margin:6px 0}
h2{font-size:15px;margin:10px 0 4px}
.row{display:flex;flex-wrap:wrap;gap:6px;align-items:flex-start}
.thumb{width:150px;font-size:10px;line-height:1.15;border:1px solid #ddd;padding:3px}
.thumb svg{display:block}
.card{border:1px solid #ccc;padding:4px;font-size:13px}
.card svg{display:block}
.from{color:#888}
</style></head><body>
"#,
    );
    if thumbs {
        let _ = writeln!(
            html,
            "<h1>Thumbnails ({} × {} px, as in the app's lists)</h1>",
            THUMB.0, THUMB.1
        );
        for exercise in &exercises {
            let _ = write!(html, "<h2>{}</h2><div class=\"row\">", exercise.name);
            for n in 1..=exercise.top_step() {
                let _ = write!(
                    html,
                    "<div class=\"thumb\">{}{} — step {n}: {}</div>",
                    sized(&pose_svg(exercise.pose_at(n), &title(exercise, n)), THUMB),
                    exercise.name,
                    step_name(exercise, n)
                );
            }
            html.push_str("</div>\n");
        }
    }
    if full {
        let _ = writeln!(
            html,
            "<h1>Full size ({} × {} px, as in the player)</h1>",
            FULL.0, FULL.1
        );
        for exercise in &exercises {
            let _ = write!(html, "<h2>{}</h2><div class=\"row\">", exercise.name);
            for n in 1..=exercise.top_step() {
                let _ = write!(
                    html,
                    "<div class=\"card\">{}<div><b>{} — step {n}: {}</b> <span class=\"from\">({})</span></div></div>",
                    sized(&pose_svg(exercise.pose_at(n), &title(exercise, n)), FULL),
                    exercise.name,
                    step_name(exercise, n),
                    picture_source(exercise, n)
                );
            }
            html.push_str("</div>\n");
        }
    }
    html.push_str("</body></html>");
    println!("{html}");
}

/// The SVG drawn at `size` pixels.
fn sized(svg: &str, (width, height): (u32, u32)) -> String {
    svg.replacen(
        "<svg ",
        &format!("<svg width=\"{width}\" height=\"{height}\" style=\"border:1px solid #eee\" "),
        1,
    )
}

fn step_name(exercise: &Exercise, n: u8) -> String {
    exercise.step(n).map(|s| s.name.clone()).unwrap_or_default()
}

fn title(exercise: &Exercise, n: u8) -> String {
    format!("{}, step {n}: {}", exercise.name, step_name(exercise, n))
}

/// Where step `n`'s picture comes from: its own pose, a lower step's, or the exercise's.
fn picture_source(exercise: &Exercise, n: u8) -> String {
    let own = (1..=n)
        .rev()
        .find(|&k| exercise.step(k).is_some_and(|s| s.pose.is_some()));
    match own {
        Some(k) if k == n => "own picture".to_string(),
        Some(k) => format!("picture of step {k}"),
        None => format!("exercise picture, drawn for step {}", exercise.pose_step),
    }
}

//! Writes an HTML contact sheet of every exercise picture, to check the drawings by eye:
//! `cargo run --example pose_sheet > poses.html`
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
    println!(
        "<!DOCTYPE html><html><body style=\"display:grid;grid-template-columns:repeat(4,1fr);gap:8px;font-family:sans-serif\">"
    );
    for exercise in &assets.catalog.exercises {
        println!(
            "<div style=\"border:1px solid #ccc;padding:4px\">{}<div>{} (step {})</div></div>",
            strongback::report::svg::pose_svg(&exercise.pose, &exercise.name),
            exercise.name,
            exercise.pose_step
        );
    }
    println!("</body></html>");
}

//! Today's decision on a data folder, in its parts: reading `history.ron` and the rules
//! folding the history up to today (what home waits for at start-up).
//!
//!     cargo run --release --example decision_bench -- DATA_DIR
use std::time::Instant;

use strongback::domain::care::rules::decide;
use strongback::store::Store;
use strongback::store::bundled::Assets;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: decision_bench DATA_DIR"))?;
    let assets = Assets::embedded().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let store = Store::open(std::path::Path::new(&dir))?;
    let plan = assets.plan.clone();
    let today = chrono::Local::now().date_naive();
    let mut read_ms = Vec::new();
    let mut decide_ms = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let (days, problem) = store.load_history();
        read_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        if let Some(problem) = problem {
            anyhow::bail!("{problem:?}");
        }
        let started = Instant::now();
        let decision = decide(&plan.plan, &plan.circuit, &assets.catalog, &days, today);
        decide_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(decision);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "read history.ron: {:.1} ms; decide today: {:.1} ms (medians of 5)",
        median(&mut read_ms),
        median(&mut decide_ms)
    );
    Ok(())
}

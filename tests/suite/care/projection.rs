//! The plan editor's projection and catalog browser: the projection is the rules engine's own
//! decision on generated histories (the same as `simulate`), and the filters find what a
//! physio looks for.

use chrono::NaiveDate;
use strongback::domain::care::projection::{Scenario, project, projected_weeks, scenario_days};
use strongback::domain::care::rules::replay;
use strongback::domain::plan::Presentation;
use strongback::domain::plan::catalog::{Equipment, MovementBias};
use strongback::domain::plan::catalog_filter::{CatalogFilter, filtered, targets};

use crate::common::{assets, ymd};

/// The first day of the projections, a Monday.
fn first_monday() -> NaiveDate {
    ymd(2027, 1, 4)
}

#[test]
fn the_every_session_green_projection_is_what_simulate_decides_on_the_same_days() {
    let assets = assets();
    let plan = &assets.plan;
    let projection = project(
        plan,
        &assets.catalog,
        Scenario::AllGreen,
        first_monday(),
        12,
    );
    let days = scenario_days(plan, Scenario::AllGreen, first_monday(), 12);
    let simulated = replay(plan, &assets.catalog, &days);
    assert_eq!(projection.sessions.len(), 36, "three a week for 12 weeks");
    assert_eq!(simulated.len(), projection.sessions.len());
    for (session, decision) in projection.sessions.iter().zip(&simulated) {
        assert_eq!(&session.decision, decision);
    }
    // Greens move the plank up over twelve weeks.
    let plank = projection.by_week("plank");
    let (first, last) = (&plank[0].1, &plank[plank.len() - 1].1);
    assert!(
        (last.step, last.dose.hold_secs()) > (first.step, first.dose.hold_secs()),
        "{first:?} → {last:?}"
    );
}

#[test]
fn a_flare_up_shows_its_rest_and_deload_and_missed_weeks_slow_progress() {
    let assets = assets();
    let plan = &assets.plan;
    let green = project(
        plan,
        &assets.catalog,
        Scenario::AllGreen,
        first_monday(),
        12,
    );
    let flare = project(
        plan,
        &assets.catalog,
        Scenario::FlareUpInWeek3,
        first_monday(),
        12,
    );
    assert!(
        flare
            .events
            .iter()
            .any(|(_, reason)| reason.contains("Deload week")),
        "two reds within a week start a deload: {:?}",
        flare.events
    );
    let missed = project(
        plan,
        &assets.catalog,
        Scenario::MissEveryOtherWeek,
        first_monday(),
        12,
    );
    assert_eq!(missed.sessions.len(), 18, "six weeks of three");
    let top = |p: &strongback::domain::care::projection::Projection| {
        p.by_week("plank")
            .last()
            .map(|(_, d)| (d.step, d.dose.hold_secs()))
    };
    assert!(top(&missed) <= top(&green));
    assert!(top(&flare) <= top(&green));
}

#[test]
fn the_projection_runs_to_the_review_date_or_twelve_weeks() {
    let assets = assets();
    let mut plan = assets.plan.clone();
    assert_eq!(projected_weeks(&plan, first_monday()), 12);
    plan.plan.review_date = Some(first_monday() + chrono::Duration::weeks(8));
    assert_eq!(projected_weeks(&plan, first_monday()), 8);
}

#[test]
fn the_catalog_filters_find_by_name_bias_equipment_target_and_suitability() {
    let assets = assets();
    let catalog = &assets.catalog;
    let all = filtered(catalog, &CatalogFilter::default());
    assert_eq!(all.len(), catalog.exercises.len());
    let by_name = filtered(
        catalog,
        &CatalogFilter {
            search: "PLANK".into(),
            ..Default::default()
        },
    );
    assert!(
        !by_name.is_empty()
            && by_name
                .iter()
                .all(|e| e.name.to_lowercase().contains("plank") || e.id.contains("plank"))
    );
    let flexion = filtered(
        catalog,
        &CatalogFilter {
            bias: Some(MovementBias::Flexion),
            ..Default::default()
        },
    );
    assert!(!flexion.is_empty(), "the catalog has flexion exercises");
    let nerve = filtered(
        catalog,
        &CatalogFilter {
            presentation: Presentation::Nerve,
            ..Default::default()
        },
    );
    assert!(
        nerve.iter().all(|e| e.bias != MovementBias::Flexion),
        "hidden for Nerve, as validate demands"
    );
    assert_eq!(nerve.len() + flexion.len(), all.len());
    let ball = filtered(
        catalog,
        &CatalogFilter {
            equipment: Some(Equipment::StabilityBall),
            ..Default::default()
        },
    );
    assert!(
        !ball.is_empty()
            && ball
                .iter()
                .all(|e| e.equipment.contains(&Equipment::StabilityBall))
    );
    let target = targets(catalog).into_iter().next().expect("targets");
    let targeted = filtered(
        catalog,
        &CatalogFilter {
            target: Some(target.clone()),
            ..Default::default()
        },
    );
    assert!(!targeted.is_empty() && targeted.iter().all(|e| e.targets.contains(&target)));
}

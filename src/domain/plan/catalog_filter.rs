//! Finding exercises in the catalog: by name, by suitability for a presentation (flexion
//! exercises are hidden for `Nerve`, as `validate` demands), by movement bias, equipment and
//! target. Used by the plan editor's catalog browser.

use crate::domain::plan::Presentation;
use crate::domain::plan::catalog::{Catalog, Equipment, Exercise, MovementBias};

/// What the browser shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogFilter {
    /// Part of the name or id, any case.
    pub search: String,
    /// The plan's presentation: exercises it rules out are hidden.
    pub presentation: Presentation,
    pub bias: Option<MovementBias>,
    /// Only exercises that need nothing beyond this (a mat counts as always at hand)…
    pub equipment: Option<Equipment>,
    pub target: Option<String>,
}

impl CatalogFilter {
    /// Whether `exercise` passes every part of the filter.
    pub fn matches(&self, exercise: &Exercise) -> bool {
        let search = self.search.trim().to_lowercase();
        let named = search.is_empty()
            || exercise.name.to_lowercase().contains(&search)
            || exercise.id.to_lowercase().contains(&search);
        let suitable =
            !(self.presentation == Presentation::Nerve && exercise.bias == MovementBias::Flexion);
        let bias = self.bias.is_none_or(|b| b == exercise.bias);
        let equipment = self
            .equipment
            .is_none_or(|e| exercise.equipment.contains(&e));
        let target = self
            .target
            .as_ref()
            .is_none_or(|t| exercise.targets.iter().any(|x| x == t));
        named && suitable && bias && equipment && target
    }
}

/// The exercises that pass `filter`, in catalog order.
pub fn filtered<'a>(catalog: &'a Catalog, filter: &CatalogFilter) -> Vec<&'a Exercise> {
    catalog
        .exercises
        .iter()
        .filter(|e| filter.matches(e))
        .collect()
}

/// Every target named in the catalog, sorted, once each.
pub fn targets(catalog: &Catalog) -> Vec<String> {
    let mut all: Vec<String> = catalog
        .exercises
        .iter()
        .flat_map(|e| e.targets.iter().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Every piece of equipment some exercise needs, in a fixed order.
pub fn equipment_used(catalog: &Catalog) -> Vec<Equipment> {
    [
        Equipment::Mat,
        Equipment::StabilityBall,
        Equipment::Bench,
        Equipment::Band,
        Equipment::Dowel,
        Equipment::LightWeight,
        Equipment::Wall,
    ]
    .into_iter()
    .filter(|e| catalog.exercises.iter().any(|x| x.equipment.contains(e)))
    .collect()
}

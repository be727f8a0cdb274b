//! What a date's activity entry may hold: the checks behind days files and `history.ron`.

use super::{ActivityEntry, MAX_ACTIVITIES, MAX_NAME_CHARS, TOP_RATING};

/// Problems with a date's activity entry, as (field, message), given the activities current
/// before it: ratings above 10, empty or over-long names, more than five activities at once,
/// a rating or retirement of an activity that is not current, a name given twice.
pub fn entry_problems(entry: &ActivityEntry, current_before: &[String]) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut current: Vec<String> = current_before.to_vec();
    for (i, name) in entry.retired.iter().enumerate() {
        match current.iter().position(|c| c == name) {
            Some(at) => {
                current.remove(at);
            }
            None => problems.push((
                format!("retired[{i}]"),
                format!("\"{}\" is not an activity being rated", shorten(name)),
            )),
        }
    }
    for (i, name) in entry.named.iter().enumerate() {
        if let Some(problem) = name_problem(name) {
            problems.push((format!("named[{i}]"), problem));
        } else if current.contains(name) {
            problems.push((
                format!("named[{i}]"),
                format!("\"{name}\" is already being rated"),
            ));
        } else {
            current.push(name.clone());
        }
    }
    if current.len() > MAX_ACTIVITIES {
        problems.push((
            "named".to_owned(),
            format!(
                "{} activities at once; at most {MAX_ACTIVITIES} (retire one to add another)",
                current.len()
            ),
        ));
    }
    for (i, rating) in entry.ratings.iter().enumerate() {
        if rating.rating > TOP_RATING {
            problems.push((
                format!("ratings[{i}].rating"),
                format!(
                    "{} is out of range; use 0 (cannot do it at all) to 10 (as well as before)",
                    rating.rating
                ),
            ));
        }
        if !current.contains(&rating.activity) {
            problems.push((
                format!("ratings[{i}].activity"),
                format!(
                    "\"{}\" is not an activity being rated on this date; name it first",
                    shorten(&rating.activity)
                ),
            ));
        }
    }
    problems
}

/// Why `name` cannot name an activity, if it cannot.
pub fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some("an activity needs a name, in a few words".to_owned());
    }
    let chars = name.chars().count();
    (chars > MAX_NAME_CHARS).then(|| {
        format!("the name is {chars} characters long; at most {MAX_NAME_CHARS}, in a few words")
    })
}

/// A name cut to a readable length for a message.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX_NAME_CHARS).collect();
        format!("{cut}…")
    }
}

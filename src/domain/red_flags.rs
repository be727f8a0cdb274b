//! The safety questions (clinical spec §4): red flags and background risk factors, how serious
//! each is and how it is named. Shared by the plan (the signs a clinician screened) and the
//! check-in (the answers).

use serde::{Deserialize, Serialize};

/// How serious a red flag is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlagTier {
    /// See a doctor within days; the plan pauses.
    Urgent,
    /// Emergency care today; the plan stops.
    Emergency,
}

/// Whether a red-flag item is a sign that can change from day to day (asked at every
/// check-in, as "new or worse") or a background risk factor (asked at the intake only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FlagKind {
    CurrentSign,
    RiskFactor,
}

/// A red-flag answer (clinical spec §4). Individually poor predictors, so any "yes" refers.
/// Variant names are stored in files: never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RedFlag {
    // Current signs, emergency: possible cauda equina or cord compression.
    UrineChange,
    BladderOrBowelControl,
    SaddleNumbness,
    SexualDysfunction,
    PainInBothLegs,
    SevereLegWeakness,
    WidespreadNumbness,
    // Current signs, urgent.
    FeverOrUnwell,
    UnexplainedWeightLoss,
    ConstantNightPain,
    RecentTrauma,
    MidBackPain,
    SuddenSevereMidlinePain,
    // Background risk factors, urgent until a clinician has cleared them once.
    CancerHistory,
    AgeAtOnset,
    OsteoporosisOrSteroids,
    InfectionOrImmunity,
    SpinalDeformity,
}

impl RedFlag {
    pub const ALL: [RedFlag; 18] = [
        RedFlag::UrineChange,
        RedFlag::BladderOrBowelControl,
        RedFlag::SaddleNumbness,
        RedFlag::SexualDysfunction,
        RedFlag::PainInBothLegs,
        RedFlag::SevereLegWeakness,
        RedFlag::WidespreadNumbness,
        RedFlag::FeverOrUnwell,
        RedFlag::UnexplainedWeightLoss,
        RedFlag::ConstantNightPain,
        RedFlag::RecentTrauma,
        RedFlag::MidBackPain,
        RedFlag::SuddenSevereMidlinePain,
        RedFlag::CancerHistory,
        RedFlag::AgeAtOnset,
        RedFlag::OsteoporosisOrSteroids,
        RedFlag::InfectionOrImmunity,
        RedFlag::SpinalDeformity,
    ];

    pub fn tier(self) -> FlagTier {
        match self {
            RedFlag::UrineChange
            | RedFlag::BladderOrBowelControl
            | RedFlag::SaddleNumbness
            | RedFlag::SexualDysfunction
            | RedFlag::PainInBothLegs
            | RedFlag::SevereLegWeakness
            | RedFlag::WidespreadNumbness => FlagTier::Emergency,
            _ => FlagTier::Urgent,
        }
    }

    pub fn kind(self) -> FlagKind {
        match self {
            RedFlag::CancerHistory
            | RedFlag::AgeAtOnset
            | RedFlag::OsteoporosisOrSteroids
            | RedFlag::InfectionOrImmunity
            | RedFlag::SpinalDeformity => FlagKind::RiskFactor,
            _ => FlagKind::CurrentSign,
        }
    }

    /// The items of one kind, in the order they are asked.
    pub fn of_kind(kind: FlagKind) -> impl Iterator<Item = RedFlag> {
        Self::ALL.into_iter().filter(move |f| f.kind() == kind)
    }

    /// The question, in plain words, answered yes or no. Current signs ask about what is new
    /// or worse, so a symptom a clinician has already assessed does not stop training daily.
    pub fn question(self) -> &'static str {
        match self {
            RedFlag::UrineChange => {
                "New or worse: is passing urine difficult, is the stream weak, or can you not feel it pass?"
            }
            RedFlag::BladderOrBowelControl => {
                "New or worse: any loss of bladder or bowel control, or not feeling when the bowel is full?"
            }
            RedFlag::SaddleNumbness => {
                "New or worse: numbness or tingling around the genitals, back passage or inner buttocks, or a changed feeling when wiping?"
            }
            RedFlag::SexualDysfunction => "New or worse: problems with sexual function?",
            RedFlag::PainInBothLegs => "New or worse: pain, numbness or weakness in both legs?",
            RedFlag::SevereLegWeakness => {
                "New or worse: a leg that is very weak or getting weaker (the foot slaps or drags), or trouble walking?"
            }
            RedFlag::WidespreadNumbness => {
                "New or worse: numbness or weakness in many places, or unsteady walking?"
            }
            RedFlag::FeverOrUnwell => {
                "New or worse: a fever or chills, with new or worse back pain?"
            }
            RedFlag::UnexplainedWeightLoss => "New: have you lost weight without trying?",
            RedFlag::ConstantNightPain => {
                "New or worse: constant pain at night that no lying position eases?"
            }
            RedFlag::RecentTrauma => {
                "Since your last check-in: a fall, crash or blow that hurt your back?"
            }
            RedFlag::MidBackPain => {
                "New or worse: pain mainly in the mid or upper back (between the shoulder blades)?"
            }
            RedFlag::SuddenSevereMidlinePain => {
                "New: sudden, severe pain in the middle of the spine that eases when you lie down?"
            }
            RedFlag::CancerHistory => "Have you ever had cancer?",
            RedFlag::AgeAtOnset => {
                "Did your back pain first begin before you were 20 or after you were 55?"
            }
            RedFlag::OsteoporosisOrSteroids => {
                "Do you have osteoporosis, or have you taken steroid tablets for a long time?"
            }
            RedFlag::InfectionOrImmunity => {
                "Is your immunity weakened, do you inject drugs, or have you recently had a serious infection, a spinal operation or a spinal injection?"
            }
            RedFlag::SpinalDeformity => {
                "Can you or others see a change in the shape of your spine?"
            }
        }
    }

    /// The question as the intake asks it (clinical spec §4, version 3): there is no earlier
    /// answer to compare with, so a current sign is asked as present now (the fall: in the
    /// last six weeks). A long-standing sign is exactly what the intake must catch. Background
    /// risk factors are asked the same way at every time.
    pub fn intake_question(self) -> &'static str {
        match self {
            RedFlag::UrineChange => {
                "Is passing urine difficult, is the stream weak, or can you not feel it pass?"
            }
            RedFlag::BladderOrBowelControl => {
                "Do you have any loss of bladder or bowel control, or not feel when the bowel is full?"
            }
            RedFlag::SaddleNumbness => {
                "Do you have numbness or tingling around the genitals, back passage or inner buttocks, or a changed feeling when wiping?"
            }
            RedFlag::SexualDysfunction => {
                "Do you have problems with sexual function that came with your back pain?"
            }
            RedFlag::PainInBothLegs => "Do you have pain, numbness or weakness in both legs?",
            RedFlag::SevereLegWeakness => {
                "Is a leg very weak or getting weaker (the foot slaps or drags), or do you have trouble walking?"
            }
            RedFlag::WidespreadNumbness => {
                "Do you have numbness or weakness in many places, or unsteady walking?"
            }
            RedFlag::FeverOrUnwell => "Do you have a fever or chills along with your back pain?",
            RedFlag::UnexplainedWeightLoss => "Have you lost weight without trying?",
            RedFlag::ConstantNightPain => {
                "Do you have constant pain at night that no lying position eases?"
            }
            RedFlag::RecentTrauma => {
                "In the last six weeks, have you had a fall, crash or blow that hurt your back?"
            }
            RedFlag::MidBackPain => {
                "Is your pain mainly in the mid or upper back (between the shoulder blades)?"
            }
            RedFlag::SuddenSevereMidlinePain => {
                "Do you have sudden, severe pain in the middle of the spine that eases when you lie down?"
            }
            risk_factor => risk_factor.question(),
        }
    }

    /// A short name for the answer, for the stop or pause message and the clearance.
    pub fn label(self) -> &'static str {
        match self {
            RedFlag::UrineChange => "trouble passing urine",
            RedFlag::BladderOrBowelControl => "loss of bladder or bowel control",
            RedFlag::SaddleNumbness => "numbness around the genitals or back passage",
            RedFlag::SexualDysfunction => "new problems with sexual function",
            RedFlag::PainInBothLegs => "symptoms in both legs",
            RedFlag::SevereLegWeakness => "a very weak leg or trouble walking",
            RedFlag::WidespreadNumbness => "numbness or weakness in many places",
            RedFlag::FeverOrUnwell => "fever or chills with back pain",
            RedFlag::UnexplainedWeightLoss => "weight loss without trying",
            RedFlag::ConstantNightPain => "constant night pain",
            RedFlag::RecentTrauma => "a fall, crash or blow",
            RedFlag::MidBackPain => "mid or upper back pain",
            RedFlag::SuddenSevereMidlinePain => "sudden severe pain in the middle of the spine",
            RedFlag::CancerHistory => "a history of cancer",
            RedFlag::AgeAtOnset => "back pain that began before 20 or after 55",
            RedFlag::OsteoporosisOrSteroids => "osteoporosis or long-term steroids",
            RedFlag::InfectionOrImmunity => {
                "weakened immunity, injected drugs, a serious infection or spinal procedure"
            }
            RedFlag::SpinalDeformity => "a visible change in the shape of the spine",
        }
    }
}

/// Red-flag answers named in a sentence: "a, b and c".
pub fn flag_list(flags: &[RedFlag]) -> String {
    let labels: Vec<&str> = flags.iter().map(|f| f.label()).collect();
    match labels.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

//! What a screen reader needs beyond egui's defaults: headings it can jump to, focus that lands
//! on a new screen's heading, named regions, labelled groups of answers, and announcements
//! (AccessKit live regions) at the moments a coach would speak.
//!
//! `docs/accessibility.md` says how the result was checked with a real AT-SPI session.

use egui::accesskit::{Live, Role};
use egui::{Id, Response, RichText, Sense, Ui};

/// How urgently an announcement interrupts: `Polite` waits for the reader to finish, and
/// `Assertive` (a stop or a pause for safety, an error) speaks at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Polite,
    Assertive,
}

impl Urgency {
    fn live(self) -> Live {
        match self {
            Urgency::Polite => Live::Polite,
            Urgency::Assertive => Live::Assertive,
        }
    }
}

/// A heading a screen reader can jump to (role heading, with its level).
pub fn heading(ui: &mut Ui, text: impl Into<RichText>, level: usize) -> Response {
    let text: RichText = text.into();
    let plain = text.text().to_owned();
    let response = ui.add(egui::Label::new(text.heading()));
    mark_heading(ui, &response, &plain, level);
    response
}

/// A screen's main heading. The first time the screen `key` is drawn (after another screen,
/// or after it was gone for a frame) the heading takes keyboard focus, so a screen reader reads
/// where the person now is, and Tab goes on from the top of the screen.
pub fn screen_heading(ui: &mut Ui, text: impl Into<RichText>, key: &str) -> Response {
    let text: RichText = text.into();
    let plain = text.text().to_owned();
    let response =
        ui.add(egui::Label::new(text.heading()).sense(Sense::focusable_noninteractive()));
    mark_heading(ui, &response, &plain, 1);
    if arrived(ui.ctx(), "screen", key) {
        response.request_focus();
    }
    response
}

fn mark_heading(ui: &Ui, response: &Response, text: &str, level: usize) {
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Heading, true, text));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_level(level);
    });
}

/// True on the first frame `key` is drawn in `slot` after something else was (or after a frame
/// without it): "the person just arrived here". One caller per slot per frame.
pub fn arrived(ctx: &egui::Context, slot: &str, key: &str) -> bool {
    let slot_id = Id::unique(("strongback-arrived", slot));
    let pass = ctx.cumulative_pass_nr();
    let key_id = Id::unique(key);
    ctx.data_mut(|data| {
        let before = data.get_temp::<(Id, u64)>(slot_id);
        data.insert_temp(slot_id, (key_id, pass));
        match before {
            Some((seen, seen_pass)) => seen != key_id || seen_pass + 1 < pass,
            None => true,
        }
    })
}

/// Name the region `ui` draws (a panel, a side column) for a screen reader's landmarks.
pub fn name_region(ui: &Ui, name: &str) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(Role::Region);
        node.set_label(name.to_owned());
    });
}

/// A question and its answers as one group: the group is named by the question's label (so
/// a reader says "How far down the leg does it go? … below the knee, radio button"), and says
/// whether an answer is required.
pub fn answer_group<R>(
    ui: &mut Ui,
    role: Role,
    label: Id,
    required: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    ui.scope(|ui| {
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(role);
            node.push_labelled_by(label.accesskit_id());
            if required {
                node.set_required();
            }
        });
        add_contents(ui)
    })
    .inner
}

/// Speak `text` once it appears or changes, through a live region of its own (invisible: the
/// same words are on screen). The region stays in the tree while the caller keeps drawing it.
pub fn live_region(ui: &mut Ui, id_salt: &str, text: &str, urgency: Urgency) -> Response {
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    let id = ui.scope_id().with(("live", id_salt));
    let response = ui.interact(rect, id, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Label, true, text));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(urgency.live());
    });
    response
}

/// Name the window itself (the tree's root) after the app and the screen it shows, so a reader
/// never lands on an unnamed frame.
pub fn name_window(ctx: &egui::Context, name: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
        node.set_label(name.to_owned());
    });
}

/// Call inside a modal, every frame it shows: names the dialog for a screen reader, marks it
/// modal, and, on the frame it opens, remembers which control had the focus so that
/// [`return_focus_after_dialogs`] gives it back when the dialog closes.
pub fn dialog(ui: &Ui, name: &str) {
    let ctx = ui.ctx();
    let modal = ui
        .stack()
        .iter()
        .find(|frame| frame.kind() == Some(egui::UiKind::Modal))
        .map(|frame| frame.unique_id);
    if let Some(id) = modal {
        ctx.accesskit_node_builder(id, |node| {
            node.set_label(name.to_owned());
            node.set_modal();
        });
    }
    let opened = arrived(ctx, "dialog", name);
    let pass = ctx.cumulative_pass_nr();
    let before = ctx.memory(|memory| memory.focused());
    ctx.data_mut(|data| {
        data.insert_temp(dialog_pass_id(), pass);
        if opened {
            data.insert_temp(return_focus_id(), before);
        }
    });
}

/// A dialog's heading: names the dialog (see [`dialog`]) and takes the focus when it opens.
pub fn dialog_heading(ui: &mut Ui, text: &str) -> Response {
    dialog(ui, text);
    let response = ui.add(
        egui::Label::new(RichText::new(text).heading()).sense(Sense::focusable_noninteractive()),
    );
    mark_heading(ui, &response, text, 1);
    if arrived(ui.ctx(), "dialog heading", text) {
        response.request_focus();
    }
    response
}

/// Once per frame, after every screen and dialog is drawn: when a dialog closed this frame,
/// the focus goes back to the control that had it before the dialog opened.
pub fn return_focus_after_dialogs(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    let back_to = ctx.data_mut(|data| {
        let shown = data.get_temp::<u64>(dialog_pass_id());
        if shown.is_some_and(|shown| shown >= pass) {
            return None;
        }
        data.remove_temp::<u64>(dialog_pass_id());
        data.remove_temp::<Option<Id>>(return_focus_id()).flatten()
    });
    if let Some(id) = back_to {
        ctx.memory_mut(|memory| memory.request_focus(id));
    }
}

fn dialog_pass_id() -> Id {
    Id::unique("strongback-dialog-pass")
}

fn return_focus_id() -> Id {
    Id::unique("strongback-return-focus")
}

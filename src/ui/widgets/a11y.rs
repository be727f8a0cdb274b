//! What a screen reader needs beyond egui's defaults: headings it can jump to, focus that lands
//! on a new screen's heading, named regions, labelled groups of answers, and announcements
//! (AccessKit live regions) at the moments a coach would speak.
//!
//! `docs/accessibility.md` says how the result was checked with a real AT-SPI session.

use egui::accesskit::{Live, Role};
use egui::{Id, Key, Modifiers, Response, RichText, Sense, Ui};

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

/// A question and its answers as one group: the group carries the question as its name (so
/// a reader says "How far down the leg does it go? … below the knee, radio button") and
/// whether an answer is required. The visible question above it is then hidden from the
/// reader (it would be said twice), and its "*" (drawn for the eye) is left out of the name:
/// the required state says it.
pub fn answer_group<R>(
    ui: &mut Ui,
    role: Role,
    question_text: &str,
    question: Option<&Response>,
    required: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let name = question_text.trim_end_matches('*').trim_end().to_owned();
    if let Some(question) = question {
        ui.ctx()
            .accesskit_node_builder(question.id, |node| node.set_hidden());
    }
    ui.scope(|ui| {
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(role);
            node.set_label(name);
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

/// Radio buttons with one Tab stop (the chosen one, or the first): the arrow keys move the
/// choice, and the focus with it; Home and End jump to the ends. `cells` are the buttons as
/// drawn, each sensing clicks but only the Tab stop focusable. Returns the index chosen by
/// the keyboard this frame.
pub fn roving_keys(ui: &Ui, cells: &[Response], chosen: Option<usize>) -> Option<usize> {
    let focused = cells.iter().position(Response::has_focus)?;
    ui.memory_mut(|memory| {
        memory.set_focus_lock_filter(
            cells[focused].id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            },
        );
    });
    let last = cells.len().saturating_sub(1);
    // On a question not answered yet, the first arrow chooses the focused choice itself (0
    // on a fresh scale), so nothing is skipped.
    let (forward, back) = match chosen {
        Some(current) => ((current + 1).min(last), current.saturating_sub(1)),
        None => (focused, focused),
    };
    let moved = ui.input_mut(|input| {
        if input.consume_key(Modifiers::NONE, Key::ArrowRight)
            || input.consume_key(Modifiers::NONE, Key::ArrowDown)
        {
            Some(forward)
        } else if input.consume_key(Modifiers::NONE, Key::ArrowLeft)
            || input.consume_key(Modifiers::NONE, Key::ArrowUp)
        {
            Some(back)
        } else if input.consume_key(Modifiers::NONE, Key::Home) {
            Some(0)
        } else if input.consume_key(Modifiers::NONE, Key::End) {
            Some(last)
        } else {
            None
        }
    })?;
    cells[moved].request_focus();
    Some(moved)
}

/// The sense of one cell of a roving group: clickable, focusable only as the Tab stop.
pub fn roving_sense(is_tab_stop: bool) -> Sense {
    if is_tab_stop {
        Sense::click()
    } else {
        Sense::CLICK
    }
}

/// A radio button drawn as egui draws one, but with the sense given (see [`roving_sense`]).
pub fn radio(ui: &mut Ui, checked: bool, text: RichText, sense: Sense) -> Response {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Button,
    );
    let spacing = ui.spacing();
    let icon_width = spacing.icon_width;
    let gap = spacing.icon_spacing;
    let size = egui::vec2(
        icon_width + gap + galley.size().x,
        galley.size().y.max(icon_width),
    );
    let (rect, response) = ui.allocate_exact_size(size, sense);
    let enabled = ui.is_enabled();
    let name = galley.text().to_owned();
    response.widget_info(|| {
        egui::WidgetInfo::selected(Role::RadioButton, enabled, checked, name.clone())
    });
    if ui.is_rect_visible(rect) {
        // As egui's own radio button looks: the chosen one by its dot, not by a colour.
        let visuals = ui.style().interact(&response);
        let (small, big) = ui.spacing().icon_rectangles(rect);
        let painter = ui.painter();
        painter.circle(
            big.center(),
            big.width() / 2.0 + visuals.expansion,
            visuals.bg_fill,
            visuals.bg_stroke,
        );
        if checked {
            painter.circle_filled(big.center(), small.width() / 2.0, visuals.fg_stroke.color);
        }
        let text_pos = egui::pos2(big.right() + gap, rect.center().y - galley.size().y / 2.0);
        painter.galley(text_pos, galley, visuals.text_color());
    }
    response
}

/// A section title drawn as strong text, a level-2 heading for a screen reader's heading
/// navigation.
pub fn subheading(ui: &mut Ui, text: impl Into<String>) -> Response {
    let text: String = text.into();
    let response = ui.strong(&text);
    mark_heading(ui, &response, &text, 2);
    response
}

/// Give a widget that another crate draws (a plot) a role and a name.
pub fn name_widget(ui: &Ui, id: Id, role: Role, name: &str) {
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(role);
        node.set_label(name.to_owned());
    });
}

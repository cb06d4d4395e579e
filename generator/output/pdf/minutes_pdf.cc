// A meeting on A4: the board and date in the title band, who came, the items, the decisions and the actions.
#include "output/pdf/minutes_pdf.h"

#include <fmt/format.h>

#include "content/boards.h"
#include "core/datetime.h"
#include "markdown/document.h"
#include "templates/words.h"

namespace herald::pdf {
namespace {

std::string heading_for(const std::string& status) {
  if (status == "held") return tr("Minutes");
  if (status == "cancelled") return tr("Cancelled meeting");
  if (status == "postponed") return tr("Postponed meeting");
  return tr("Agenda");
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

/// "Label: text" as one paragraph, the label bold.
RichText labelled(const std::string& label, const std::string& text) {
  RichText out;
  InlineFormat bold;
  bold.bold = true;
  out.append(label + ": ", bold);
  out.append(text, {});
  return out;
}

std::string action_status(const std::string& s) {
  if (s == "in-progress") return tr("In progress");
  if (s == "done") return tr("Done");
  if (s == "dropped") return tr("Dropped");
  return tr("Open");
}

}  // namespace

std::string render_minutes_pdf(const PdfJob& job) {
  const Page& page = job.page;
  const Meeting& m = page.meeting;
  const Library& lib = job.library;
  const Config& config = lib.config;
  const std::string status = meeting_status(m, lib.now);
  PdfDocument doc(metadata_for(job));
  const Palette palette = make_palette(config.brand_colour);
  MarkdownSource source = markdown_source(job);
  BodyStyle style;
  style.palette = palette;
  Flow flow;
  MarkdownLayout md(doc, flow, source, style);
  const int root = doc.root();
  const Region body{root, 0, kContentWidth, {}};

  std::string board_title = config.title;
  const Board* board = nullptr;
  for (const Board& b : lib.boards)
    if (b.slug == m.board) {
      board_title = b.index->title;
      board = &b;
    }

  // The title band: the board; agenda or minutes, date, time and place; the title.
  Region band_area = add_title_band(flow, palette, root);
  BandLogo logo = add_band_logo(flow, job.logo, band_area);
  const Region& band = logo.text;
  const auto [kicker, facts, title] = band_styles(22);
  add_plain_lines(doc, flow, RichText(board_title), kicker, band, doc.add_element(root, "P"), 0);
  std::string when = heading_for(status);
  if (m.start) {
    when += " \u00B7 " + format_human_date(*m.start) + ", " + format_human_time(*m.start);
    if (m.end) when += " " + tr("to") + " " + format_human_time(*m.end);
  }
  std::string where = page.location;
  if (m.online) where = where.empty() ? tr("Online") : where + " " + tr("and online");
  if (!where.empty()) when += " \u00B7 " + where;
  add_plain_lines(doc, flow, RichText(when), facts, band, doc.add_element(root, "P"), 2);
  add_plain_lines(doc, flow, RichText(page.title), title, band, doc.add_element(root, "H1"), 8);
  finish_band_logo(flow, logo, band_area);

  TextStyle text = md.body_text();
  TextStyle h2 = md.heading_text(2);
  auto paragraph = [&](RichText t, double space) {
    add_plain_lines(doc, flow, std::move(t), text, body, doc.add_element(root, "P"), space, false);
  };
  auto heading = [&](const std::string& t) {
    add_plain_lines(doc, flow, RichText(t), h2, body, doc.add_element(root, "H2"), 14);
  };
  double first = 16;
  if (status == "cancelled" || status == "postponed") {
    paragraph(RichText(status == "cancelled" ? tr("This meeting was cancelled.") : tr("This meeting was postponed.")), first);
    first = md.paragraph_space();
  }
  if (!m.chair.empty()) {
    paragraph(labelled(tr("Chair"), m.chair), first);
    first = md.paragraph_space();
  }
  const std::pair<const char*, const std::vector<std::string>*> groups[] = {
      {"Present", &m.attendance.present},
      {"Apologies", &m.attendance.apologies},
      {"Absent", &m.attendance.absent},
      {"In attendance", &m.attendance.in_attendance}};
  for (const auto& [label, names] : groups)
    if (!names->empty()) {
      paragraph(labelled(tr(label), join(*names)), first);
      first = md.paragraph_space();
    }
  bool declared = false;
  for (const MeetingDeclaration& d : m.declarations) {
    if (m.is_restricted(d.item)) continue;
    if (!declared) heading(tr("Declarations of interest"));
    declared = true;
    paragraph(labelled(d.name, (d.item ? fmt::format(fmt::runtime(tr("item {}: ")), d.item) : "") + d.interest), md.paragraph_space());
  }
  bool listed = false;
  for (const MeetingPaper& p : m.papers) {
    if (m.is_restricted(p.item) || p.url.empty()) continue;
    if (!listed) heading(tr("Papers"));
    listed = true;
    RichText t;
    int link = t.add_link(LinkTarget{config.absolute_url(p.url), ""});
    t.append(p.title, {}, link);
    t.append(fmt::format(" ({}{}){}", p.type.empty() ? "" : p.type + ", ", file_size_text(p.bytes),
                         p.item ? fmt::format(fmt::runtime(tr(", item {}")), p.item) : ""),
             {});
    paragraph(std::move(t), md.paragraph_space());
  }

  // The items, as the body has them (restricted ones were taken out before it was parsed).
  if (page.doc && page.doc->root()) {
    md.set_next_space(16);
    md.add_blocks(cmark_node_first_child(page.doc->root()), nullptr, body);
  }

  bool decided = false;
  for (const MeetingDecision& d : m.decisions) {
    if (m.is_restricted(d.item)) continue;
    if (!decided) heading(tr("Decisions"));
    decided = true;
    paragraph(d.item ? labelled(fmt::format(fmt::runtime(tr("Item {}")), d.item), d.text) : RichText(d.text), md.paragraph_space());
  }
  bool acted = false;
  for (const MeetingAction& a : m.actions) {
    if (m.is_restricted(a.item)) continue;
    // An update shows the action as the meeting that set it gave it.
    const TrackedAction* set = nullptr;
    if (a.update && board)
      for (const TrackedAction& t : board->actions)
        if (t.id == a.id && !t.withheld) set = &t;
    if (a.update && !set) continue;  // withheld with the action it updates
    if (!acted) heading(tr("Actions"));
    acted = true;
    std::string what = set ? set->action : a.action;
    std::string line = what + ".";
    const std::string& owner = set ? set->owner : a.owner;
    const std::optional<DateTime>& due = set ? set->due : a.due;
    if (!owner.empty()) line += " " + tr("Owner") + ": " + owner + ".";
    if (due) line += " " + tr("Due") + ": " + format_human_date(*due) + ".";
    line += " " + tr("Status") + ": " + action_status(a.status) + ".";
    if (!a.note.empty()) line += " " + a.note;
    paragraph(labelled(a.id, line), md.paragraph_space());
  }

  std::string footer = board_title + (m.start ? " \u00B7 " + format_human_date(*m.start) : "") + " \u00B7 " +
                       heading_for(status);
  return draw_paged_flow(doc, flow, 0, [&](int p, int pages) {
    draw_running_footer(doc, footer, kContentWidth * 0.7, p, pages);
  });
}

}  // namespace herald::pdf

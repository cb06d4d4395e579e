// The cairo PDF surface of one document, its Pango context, and the tag stack.
#include "output/pdf/pdf_document.h"

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>

#include "core/datetime.h"
#include "core/limits.h"
#include "output/pdf/pdf_postprocess.h"
#include "output/pdf/pdf_style.h"

namespace herald::pdf {
namespace {

/// Pango font maps are not thread-safe: each render thread has its own, kept
/// for the thread's life so that fonts are looked up once per thread.
PangoFontMap* thread_font_map() {
  struct Holder {
    PangoFontMap* map = pango_cairo_font_map_new();
    Holder() { pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0); }
    ~Holder() { g_object_unref(map); }
  };
  thread_local Holder holder;
  return holder.map;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string iso_date(int64_t utc_seconds) {
  // cairo only needs a fixed, valid value here: the post-pass writes the
  // dates again with their offset and the "D:" prefix cairo 1.16 leaves out.
  CivilTime t = civil_time(DateTime{utc_seconds, 0, true});
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", t.year, t.month, t.day, t.hour, t.minute,
                     t.second);
}

}  // namespace

void GObjectUnref::operator()(void* object) const {
  if (object) g_object_unref(object);
}

PdfDocument::PdfDocument(const PdfMetadata& metadata) : metadata_(metadata) {
  surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, kPageWidth, kPageHeight);
  cr_ = cairo_create(surface_);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  if (!metadata.author.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  if (!metadata.subject.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  if (!metadata.keywords.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "herald");
  // Without these cairo writes the clock's time: the same commit must give the same bytes.
  std::string date = iso_date(metadata.created);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

  pango_ = pango_font_map_create_context(thread_font_map());
  pango_cairo_context_set_resolution(pango_, 72.0);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(pango_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(pango_, FALSE);
  PangoLanguage* language = pango_language_from_string(metadata.language.c_str());
  pango_context_set_language(pango_, language);

  elements_.push_back({"Document", -1});
  cairo_tag_begin(cr_, "Document", nullptr);
  open_.push_back({0, "Document", 0, false});
}

PdfDocument::~PdfDocument() {
  if (pango_) g_object_unref(pango_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

LayoutPtr PdfDocument::new_layout() const { return LayoutPtr(pango_layout_new(pango_)); }

int PdfDocument::add_element(int parent, const char* role) {
  elements_.push_back({role, parent});
  return static_cast<int>(elements_.size()) - 1;
}

void PdfDocument::close_top() {
  cairo_tag_end(cr_, open_.back().role.c_str());
  open_.pop_back();
}

void PdfDocument::enter(int element) {
  std::vector<int> path;
  for (int e = element; e >= 0; e = elements_[e].parent) path.push_back(e);
  std::reverse(path.begin(), path.end());
  size_t common = 0;
  while (common < open_.size() && common < path.size() && open_[common].element == path[common] &&
         !(open_[common].leaf && common + 1 < path.size()))
    ++common;
  // An element already open as a leaf is reused only as that same leaf.
  while (open_.size() > common) close_top();
  for (size_t i = common; i < path.size(); ++i) {
    const Element& el = elements_[path[i]];
    cairo_tag_begin(cr_, el.role.c_str(), nullptr);
    open_.push_back({path[i], el.role, 0, false});
  }
  open_.back().leaf = true;
}

void PdfDocument::enter_inline(int element, const char* role, const std::string& attributes, uint64_t key) {
  if (!open_.empty() && open_.back().element == -1 && open_.back().key == key && open_.size() >= 2 &&
      open_[open_.size() - 2].element == element)
    return;
  if (!open_.empty() && open_.back().element == -1) close_top();
  if (open_.empty() || open_.back().element != element || open_.back().leaf) {
    enter(element);
    open_.back().leaf = false;
  }
  cairo_tag_begin(cr_, role, attributes.empty() ? nullptr : attributes.c_str());
  open_.push_back({-1, role, key, true});
}

void PdfDocument::leave_leaves() {
  while (!open_.empty() && open_.back().leaf) close_top();
}

void PdfDocument::close_all() {
  while (!open_.empty()) close_top();
}

void PdfDocument::add_destination(const std::string& name, double x, double y) {
  std::string attributes = fmt::format("name='{}' x={:.2f} y={:.2f}", tag_string(name), x, y);
  cairo_tag_begin(cr_, CAIRO_TAG_DEST, attributes.c_str());
  cairo_tag_end(cr_, CAIRO_TAG_DEST);
}

int PdfDocument::add_outline(int parent, const std::string& title, const std::string& destination) {
  std::string link = fmt::format("dest='{}'", tag_string(destination));
  // Open: a viewer shows the headings of every article at once.
  return cairo_pdf_surface_add_outline(surface_, parent, title.c_str(), link.c_str(),
                                       CAIRO_PDF_OUTLINE_FLAG_OPEN);
}

void PdfDocument::add_heading_bookmark(int level, const std::string& title, const std::string& destination) {
  while (!bookmarks_.empty() && bookmarks_.back().first >= level) bookmarks_.pop_back();
  int parent = bookmarks_.empty() ? CAIRO_PDF_OUTLINE_ROOT : bookmarks_.back().second;
  int id = add_outline(parent, title, destination);
  bookmarks_.push_back({level, id});
}

void PdfDocument::next_page() {
  if (page_ >= kMaxPdfPages)
    throw std::length_error(fmt::format("it runs past {} pages, the most herald draws: split the page into several",
                                        kMaxPdfPages));
  leave_leaves();
  cairo_show_page(cr_);
  ++page_;
}

std::string PdfDocument::finish() {
  if (finished_) throw std::runtime_error("the PDF was already finished");
  finished_ = true;
  close_all();
  cairo_status_t status = cairo_status(cr_);
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  return postprocess_pdf(bytes_, metadata_, notes_);
}

std::string tag_string(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string safe_uri(const std::string& uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7f || c == '(' || c == ')' || c == '\\' || c == '\'' || c == '"' || c == '<' ||
        c == '>') {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string safe_destination(const std::string& anchor) {
  std::string out;
  for (unsigned char c : anchor) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    out += ok ? static_cast<char>(c) : '_';
  }
  if (out.empty()) out.push_back('_');
  return out;
}

}  // namespace herald::pdf

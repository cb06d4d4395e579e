// What every print layout shares: the job, its metadata, title bands, fact lines and page furniture.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/library.h"
#include "output/pdf/flow.h"
#include "output/pdf/logo_pdf.h"
#include "output/pdf/markdown_pdf.h"
#include "output/pdf/pdf_document.h"
#include "output/pdf/rich_text.h"

namespace herald::pdf {

/// One PDF to make: the page, the site it belongs to, its files, and where
/// layout warnings go.
struct PdfJob {
  const Library& library;
  const Page& page;
  const FileIndex& files;
  PdfWarnings& warnings;
  const PrintLogo* logo;  ///< the site's logo for the title band, or null
};

/// Content width of an A4 page between the margins.
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
/// Where the page furniture (page numbers, the printed-copy warning) sits.
constexpr double kFooterTop = kPageHeight - kMargin + 10;

/// Title, author, language and the git date of the page.
PdfMetadata metadata_for(const PdfJob& job);
/// The page's Markdown as a layout source: every heading anchor is a destination.
MarkdownSource markdown_source(const PdfJob& job);
/// "12 April 2024" for the page's last commit in the site's time zone; empty when unknown.
std::string last_updated_text(const PdfJob& job);

/// Text drawn as page furniture (an artifact), in one line or wrapped.
void draw_furniture(PdfDocument& doc, const std::string& text, const TextStyle& style, double x, double y,
                    double width);

/// A run of text items added to a flow as one element: the title band's
/// lines, fact lines, notices.
void add_plain_lines(PdfDocument& doc, Flow& flow, RichText text, const TextStyle& style,
                     const Region& region, int element, double space_before, bool keep_with_next = true);

/// A full-bleed band in the brand colour at the top of page 1, as a box of
/// the flow: items added inside `band_region` sit on it.
Region add_title_band(Flow& flow, const Palette& palette, int element, double pad_top = kMargin * 0.75,
                      double pad_bottom = 16);

/// The text of a title band: its first line (bold, white, 11 pt), the facts
/// under it (the same, not bold, 10.5 pt) and the title (`title_size` pt).
struct BandStyles {
  TextStyle kicker, facts, title;
};
BandStyles band_styles(double title_size);

/// Pours a single-column flow onto A4 pages (the first frame from `first_top`),
/// draws `furniture(page, pages)` on every page, and finishes the PDF.
std::string draw_paged_flow(PdfDocument& doc, Flow& flow, double first_top,
                            const std::function<void(int page, int pages)>& furniture);

/// "Page 2 of 5" at the foot of a page, as an artifact.
void draw_page_number(PdfDocument& doc, int page, int pages);

/// A page's running footer, as artifacts: `text` at the left of the foot, as
/// wide as `width`, and "Page N of M" at the right.
void draw_running_footer(PdfDocument& doc, const std::string& text, double width, int page, int pages);

}  // namespace herald::pdf

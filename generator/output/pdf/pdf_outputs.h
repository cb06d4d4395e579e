// The print PDFs of a build: one render task per published page with `pdf: true`.
#pragma once

#include <string>
#include <vector>

#include "content/library.h"
#include "content/site_files.h"  // pdf_output_path
#include "core/diagnostic.h"
#include "output/output_set.h"
#include "output/pdf/file_index.h"
#include "output/site_renderer.h"

namespace herald {

/// Adds one render task per published page with `pdf: true`; each writes
/// the page's PDF beside its index.html (see pdf_output_path). With more
/// than 200 PDFs, progress goes to stderr every 100.
void add_pdf_tasks(const Library& library, OutputSet& out, Diagnostics& diags,
                   std::vector<RenderTask>& tasks);

/// The site's files by output path, for images in PDFs.
pdf::FileIndex make_file_index(const Library& library);

/// Renders the print PDF of one page: the briefing, chapter or newsletter
/// layout by kind (any other kind like a newsletter). Layout warnings go to
/// `diags` against the page's source file, and their number to `*warned`.
/// Throws std::exception on failure, the PDF module's loading's among them
/// (output/pdf/pdf_module.h).
std::string render_page_pdf(const Library& library, const Page& page, const pdf::FileIndex& files,
                            Diagnostics& diags, size_t* warned = nullptr);

}  // namespace herald

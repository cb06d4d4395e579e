// PDF render tasks: choosing the layout by kind, reporting failures, showing progress.
#include "output/pdf/pdf_outputs.h"

#include <fmt/format.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include "output/pdf/briefing_pdf.h"
#include "output/pdf/chapter_pdf.h"
#include "output/pdf/newsletter_pdf.h"

namespace herald {

std::string pdf_output_path(const Page& page) {
  std::string dir = page.url.empty() ? "" : page.url.substr(1);
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir + page.slug + ".pdf";
}

pdf::FileIndex make_file_index(const Library& library) {
  pdf::FileIndex index;
  for (const StaticFile& f : library.static_files) index[f.output_path] = f.content;
  return index;
}

std::string render_page_pdf(const Library& library, const Page& page, const pdf::FileIndex& files,
                            Diagnostics& diags) {
  pdf::PdfWarnings warnings;
  pdf::PdfJob job{library, page, files, warnings};
  std::string bytes;
  switch (page.kind) {
    case Kind::briefing:
      bytes = pdf::render_briefing_pdf(job);
      break;
    case Kind::chapter:
      bytes = pdf::render_chapter_pdf(job);
      break;
    default:
      bytes = pdf::render_newsletter_pdf(job);
      break;
  }
  warnings.report(diags, page.source_path);
  return bytes;
}

void add_pdf_tasks(const Library& library, OutputSet& out, Diagnostics& diags,
                   std::vector<RenderTask>& tasks) {
  std::vector<const Page*> pages;
  for (const Page& p : library.pages)
    if (p.published && p.pdf && !p.slug.empty() && !p.url.empty()) pages.push_back(&p);
  if (pages.empty()) return;
  auto files = std::make_shared<const pdf::FileIndex>(make_file_index(library));
  auto done = std::make_shared<std::atomic<size_t>>(0);
  const size_t total = pages.size();
  for (const Page* page : pages) {
    std::string path = pdf_output_path(*page);
    tasks.push_back({path, [&library, &out, &diags, page, path, files, done, total] {
                       try {
                         out.add(path, render_page_pdf(library, *page, *files, diags), page->source_path);
                       } catch (const std::exception& e) {
                         diags.error({page->source_path, 0, 0},
                                     fmt::format("the print PDF could not be made: {}", e.what()));
                       }
                       size_t n = ++*done;
                       if (total > 200 && (n % 100 == 0 || n == total))
                         std::fprintf(stderr, "pdf: %zu of %zu rendered\n", n, total);
                     }});
  }
}

}  // namespace herald

// PDF render tasks: choosing the layout by kind, reporting failures, showing progress.
#include "output/pdf/pdf_outputs.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include "markdown/document.h"
#include "output/pdf/pdf_module.h"
#include "templates/view_model.h"

namespace herald {
namespace {

/// The site's files, which every language's pages show: published once, at
/// the site's top, with the default language's library.
const std::vector<StaticFile>& site_files(const Library& library) {
  return library.default_language ? library.default_language->static_files : library.static_files;
}

}  // namespace

pdf::FileIndex make_file_index(const Library& library) {
  pdf::FileIndex index;
  for (const StaticFile& f : site_files(library)) index[f.output_path] = f.content;
  return index;
}

std::string render_page_pdf(const Library& library, const Page& page, const pdf::FileIndex& files,
                            Diagnostics& diags, size_t* warned) {
  return pdf_module().render_page_pdf(library, page, files, diags, warned);
}

namespace {

/// What every PDF may show of the site's files (its images): their paths and bytes.
uint64_t files_hash(const Library& library) {
  std::string all;
  for (const StaticFile& f : site_files(library)) {
    uint64_t h = XXH3_64bits(f.content->data(), f.content->size());
    all += f.output_path;
    all.append(reinterpret_cast<const char*>(&h), sizeof h);
  }
  return XXH3_64bits(all.data(), all.size());
}

/// The key of a page's PDF: everything its web page is made from
/// (ViewModel::page_key, which holds the whole page, its source's blob id
/// among it), the commit's time if it is the PDF's date (only when git has
/// none for the page: see pdf::metadata_for) and the site's files. Fonts and
/// the layout are herald's own: the build cache is herald's executable's alone.
Hash128 pdf_key(const ViewModel& vm, const Page& page, uint64_t files) {
  Hash128 web = vm.page_key(page, "pdf");
  int64_t dated_by_commit = page.last_commit ? 0 : vm.library().commit_time;
  uint64_t parts[4] = {web.high, web.low, static_cast<uint64_t>(dated_by_commit), files};
  XXH128_hash_t h = XXH3_128bits(parts, sizeof parts);
  return {h.high64, h.low64};
}

}  // namespace

void add_pdf_tasks(const Library& library, OutputSet& out, Diagnostics& diags,
                   std::vector<RenderTask>& tasks) {
  std::vector<const Page*> pages;
  for (const Page& p : library.pages)
    if (p.published && p.pdf && !p.slug.empty() && !p.url.empty()) pages.push_back(&p);
  if (pages.empty()) return;
  auto files = std::make_shared<const pdf::FileIndex>(make_file_index(library));
  auto done = std::make_shared<std::atomic<size_t>>(0);
  const size_t total = pages.size();
  auto vm = std::make_shared<ViewModel>(library);
  uint64_t site_files = out.remembers() ? files_hash(library) : 0;
  for (const Page* page : pages) {
    std::string path = pdf_output_path(*page);
    tasks.push_back({path, [&library, &out, &diags, page, path, files, done, total, vm, site_files] {
                       try {
                         // The previous build's PDF, if made from the same; else drawn again,
                         // from the page's tree (parsed again for a page from the build cache).
                         std::optional<Hash128> key;
                         if (out.remembers()) key = pdf_key(*vm, *page, site_files);
                         if (!key || !out.reuse(path, *key, page->source_path)) {
                           Page with_tree;
                           const Page* drawn = page;
                           if (page->doc && !page->doc->root()) {
                             with_tree = *page;
                             with_tree.doc = library.parse_tree ? library.parse_tree(*page) : nullptr;
                             if (!with_tree.doc || !with_tree.doc->root())
                               throw std::runtime_error("its source could not be read again from git");
                             drawn = &with_tree;
                           }
                           size_t warned = 0;
                           std::string bytes = render_page_pdf(library, *drawn, *files, diags, &warned);
                           // A PDF with warnings is drawn on every build, so that they are given each time.
                           out.add(path, std::move(bytes), page->source_path, key && !warned ? &*key : nullptr);
                         }
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

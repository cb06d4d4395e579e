// PDF render tasks: which pages get a PDF, where it is written.
#include "output/pdf/pdf_outputs.h"

#include <doctest/doctest.h>

#include "content/library.h"
#include "markdown/document.h"

using namespace herald;

namespace {

Page page(Kind kind, const std::string& url, const std::string& slug, bool pdf, bool published = true) {
  Page p;
  p.kind = kind;
  p.url = url;
  p.slug = slug;
  p.title = "Title of " + slug;
  p.source_path = "content" + url + slug + ".md";
  p.pdf = pdf;
  p.published = published;
  p.last_commit = 1710928800;
  Diagnostics diags;
  p.doc = std::make_shared<Document>(Document::parse("## One\n\nText.\n", MarkdownOptions{}, diags));
  return p;
}

}  // namespace

TEST_CASE("one task per published page with pdf: true, written beside its index.html") {
  Library lib;
  lib.config.title = "Northbrook Safeguarding Partnership";
  lib.config.base_url = "https://safeguarding.northbrook.example/";
  lib.pages.push_back(page(Kind::briefing, "/briefings/sudi/", "sudi", true));
  lib.pages.push_back(page(Kind::newsletter, "/newsletters/spring/", "spring", true));
  lib.pages.push_back(page(Kind::chapter, "/procedures/children/referrals/", "referrals", true));
  lib.pages.push_back(page(Kind::page, "/about/", "about", false));
  lib.pages.push_back(page(Kind::briefing, "/briefings/draft/", "draft", true, false));
  OutputSet out;
  Diagnostics diags;
  std::vector<RenderTask> tasks;
  add_pdf_tasks(lib, out, diags, tasks);
  CHECK(tasks.size() == 3);
  run_tasks(tasks);
  auto files = out.take_sorted(diags);
  REQUIRE(files.size() == 3);
  CHECK(files[0].path == "briefings/sudi/sudi.pdf");
  CHECK(files[1].path == "newsletters/spring/spring.pdf");
  CHECK(files[2].path == "procedures/children/referrals/referrals.pdf");
  for (const auto& f : files) CHECK(f.content.rfind("%PDF-1.7", 0) == 0);
  CHECK(files[0].source == "content/briefings/sudi/sudi.md");
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a page without a body still gets a PDF") {
  Library lib;
  lib.config.title = "Northbrook Safeguarding Partnership";
  Page p = page(Kind::briefing, "/briefings/empty/", "empty", true);
  p.doc.reset();
  Diagnostics diags;
  std::string bytes = render_page_pdf(lib, p, pdf::FileIndex{}, diags);
  CHECK(bytes.rfind("%PDF-1.7", 0) == 0);
  CHECK(bytes.size() > 1000);
  CHECK(pdf_output_path(p) == "briefings/empty/empty.pdf");
}

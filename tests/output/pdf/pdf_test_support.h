// Shared helpers for the print PDF tests: a hand-built site, a PDF on disk for poppler-utils, its structure and content.
#pragma once

#include <doctest/doctest.h>
#include <cairo.h>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "content/library.h"
#include "markdown/document.h"
#include "output/pdf/pdf_outputs.h"
#include "support/site_builder.h"

namespace herald::pdf_test {

/// A 7-minute briefing: seven numbered sections, each ending in a mark word, a link, shortcodes.
inline const char* const kBriefing = R"(This briefing shares the learning from a local review about safer sleep.

## 01 Purpose

This briefing helps practitioners talk with families about **safer sleep**, especially when
circumstances change. PURPOSEMARK

## 2. Background

Alfie was ten weeks old. The family were known to [early help](/early-help/) services.
BACKGROUNDMARK

- Both parents were tired
- The usual sleeping space was not available

## 3 Key findings

Advice was given once, at birth, and not revisited. See the
[national guidance](https://www.lullabytrust.org.uk/safer-sleep-advice/). FINDINGSMARK

## 4 What this means for practice

1. Revisit safer sleep at every contact.
2. Record the advice given. PRACTICEMARK

## 5 Questions to consider

How do you know the family understood the advice? QUESTIONSMARK

## 6 Resources

Call the advice line on {{phone front-door}}. RESOURCESMARK

## 7 Further information

{{contact front-door}}

Contact the business office for training dates. FURTHERMARK
)";

/// A hand-built site: configuration, files and pages parsed with the real
/// Markdown module (shortcodes included).
class PdfSite {
 public:
  PdfSite() {
    lib.config.title = "Northbrook Safeguarding Partnership";
    lib.config.base_url = "https://safeguarding.northbrook.example/";
    lib.config.review_types = builtin_review_types();
    lib.now = 1719835200;  // 2024-07-01
    lib.pages.reserve(64);
    resolver_.resolve = [](std::string_view name, std::string_view id,
                           bool block) -> std::optional<std::string> {
      if (id != "front-door") return std::nullopt;
      std::string tel = "<a class=\"herald-phone\" href=\"tel:+441164960000\">0116 496 0000</a>";
      if (name == "phone") return tel;
      if (!block) return "Children's Front Door (" + tel + ")";
      return "<div class=\"contact-card\">\n<p class=\"contact-card__name\"><strong>Children's Front "
             "Door</strong><br>Northbrook Council</p>\n<ul class=\"contact-card__details\">\n<li>" +
             tel + " – Office hours</li>\n</ul>\n</div>\n";
    };
  }

  void add_file(const std::string& output_path, std::string bytes) {
    contents_.push_back(std::make_unique<std::string>(std::move(bytes)));
    lib.static_files.push_back({output_path, "static/" + output_path, contents_.back().get()});
  }

  Page& add_page(Kind kind, const std::string& section, const std::string& slug, const std::string& title,
                 const std::string& markdown) {
    Page p;
    p.kind = kind;
    p.slug = slug;
    p.url = "/" + section + "/" + slug + "/";
    p.source_path = "content/" + section + "/" + slug + ".md";
    p.title = title;
    p.date = DateTime{1712880000, 3600, false};
    p.last_commit = 1710928800;  // 2024-03-20T10:00:00Z
    p.first_commit = 1710928800;
    p.pdf = true;
    p.body_line_offset = 6;
    p.body_markdown = markdown;
    MarkdownOptions options;
    options.path = p.source_path;
    options.line_offset = p.body_line_offset;
    options.shortcodes = &resolver_;
    p.doc = std::make_shared<Document>(Document::parse(markdown, options, parse_diags));
    lib.pages.push_back(std::move(p));
    return lib.pages.back();
  }

  Page& add_briefing(const std::string& slug, const std::string& markdown = kBriefing) {
    Page& p = add_page(Kind::briefing, "briefings", slug, "Learning from the review of baby Alfie", markdown);
    p.review_type = "lcspr";
    p.audience = {"practitioners", "families"};
    p.source = {"Local child safeguarding practice review: Alfie", "https://example.org/alfie.pdf",
                DateTime{1709251200, 0, false}};
    return p;
  }

  std::string render(const Page& page) { return render_page_pdf(lib, page, make_file_index(lib), diags); }

  Library lib;
  Diagnostics diags, parse_diags;

 private:
  ShortcodeResolver resolver_;
  std::vector<std::unique_ptr<std::string>> contents_;
};

/// A PDF written to a temporary file for the command-line tools.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    char name[] = "/tmp/herald-pdf-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path_ = name;
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~PdfFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }
  std::string tool(const std::string& command, const std::string& options = "") const {
    auto r = herald::test::run_command(command + " " + options + " '" + path_ + "' " +
                                       (command == "pdftotext" ? "-" : ""));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    return r.out;
  }

 private:
  std::string path_;
};

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

inline std::string info_field(const std::string& pdfinfo, const std::string& field) {
  std::istringstream in(pdfinfo);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field + ":", 0) == 0) {
      std::string value = line.substr(field.size() + 1);
      return value.substr(value.find_first_not_of(' '));
    }
  return "";
}

/// A PNG of `width` x `height` pixels in one colour, drawn with cairo.
inline std::string solid_png(int width, int height, double r, double g, double b) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, r, g, b);
  cairo_paint(cr);
  std::string out;
  cairo_surface_write_to_png_stream(
      s,
      [](void* c, const unsigned char* d, unsigned int n) {
        static_cast<std::string*>(c)->append(reinterpret_cast<const char*>(d), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return out;
}

/// A 120x80 blue PNG.
inline std::string tiny_png() { return solid_png(120, 80, 0.1, 0.4, 0.6); }

/// The structure tree in document order: roles, with /Alt texts after a '='.
inline std::vector<std::string> structure_roles(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  std::vector<std::string> out;
  std::function<void(QPDFObjectHandle)> walk = [&](QPDFObjectHandle e) {
    if (!e.isDictionary() || !e.getKey("/S").isName()) return;
    std::string role = e.getKey("/S").getName().substr(1);
    if (e.getKey("/Alt").isString()) role += "=" + e.getKey("/Alt").getUTF8Value();
    out.push_back(role);
    QPDFObjectHandle k = e.getKey("/K");
    if (k.isArray()) {
      for (int i = 0; i < k.getArrayNItems(); ++i) walk(k.getArrayItem(i));
    } else {
      walk(k);
    }
  };
  QPDFObjectHandle k = pdf.getRoot().getKey("/StructTreeRoot").getKey("/K");
  if (k.isArray()) {
    for (int i = 0; i < k.getArrayNItems(); ++i) walk(k.getArrayItem(i));
  } else {
    walk(k);
  }
  return out;
}

inline std::vector<std::string> only(const std::vector<std::string>& roles, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& r : roles)
    if (r.rfind(prefix, 0) == 0) out.push_back(r);
  return out;
}

/// Text-showing and painting operators outside any marked content, over all pages.
inline int untagged_operators(const std::string& bytes) {
  QPDF pdf;
  pdf.processMemoryFile("test.pdf", bytes.data(), bytes.size());
  int untagged = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    std::string content;
    Pl_String sink("content", nullptr, content);
    page.pipeContents(&sink);
    auto input = std::make_shared<BufferInputSource>("content", content);
    QPDFTokenizer tokenizer;
    tokenizer.allowEOF();
    int depth = 0;
    for (;;) {
      auto token = tokenizer.readToken(input, "content", true);
      if (token.getType() == QPDFTokenizer::tt_eof || token.getType() == QPDFTokenizer::tt_bad) break;
      if (token.getType() != QPDFTokenizer::tt_word) continue;
      const std::string& op = token.getValue();
      if (op == "BDC" || op == "BMC")
        ++depth;
      else if (op == "EMC")
        --depth;
      else if ((op == "Tj" || op == "TJ" || op == "Do" || op == "f" || op == "S" || op == "BI") && depth == 0)
        ++untagged;
    }
  }
  return untagged;
}

}  // namespace herald::pdf_test
